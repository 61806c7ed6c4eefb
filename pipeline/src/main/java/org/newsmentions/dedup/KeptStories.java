package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.List;

/** The kept stories of one window as of one pane: what counting needs, and nothing more. */
public record KeptStories(List<KeptStory> stories) implements Serializable {}
