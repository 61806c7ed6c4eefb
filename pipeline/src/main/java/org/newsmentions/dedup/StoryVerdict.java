package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.Set;

/**
 * Deduplication's decision for one article.
 *
 * @param id the article
 * @param superseded true when a newer version of the same article (same id) replaces this one; a
 *     superseded version is not counted at all
 * @param duplicateOf the kept copy's id, or null when this article is the kept copy
 * @param storyId the story cluster's id (the kept copy's id)
 * @param copies on the kept copy, how many articles carry the story (itself included); 1 otherwise
 * @param outlets on the kept copy, the distinct outlets among those copies; empty otherwise
 */
public record StoryVerdict(
    String id,
    boolean superseded,
    String duplicateOf,
    String storyId,
    int copies,
    Set<String> outlets)
    implements Serializable {

  public boolean kept() {
    return !superseded && duplicateOf == null;
  }
}
