package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.List;

/**
 * An article reduced to what deduplication and counting need (about 1 KB): its candidate for
 * clustering and the entities it mentions. Neighbouring windows receive digests, not articles.
 */
public record StoryDigest(StoryCandidate candidate, List<KeptStory.EntityRef> entities)
    implements Serializable {}
