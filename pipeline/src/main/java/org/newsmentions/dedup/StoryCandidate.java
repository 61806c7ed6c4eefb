package org.newsmentions.dedup;

import java.util.Objects;

/**
 * What deduplication needs to know of one article.
 *
 * @param id article id (same URL = same id)
 * @param published publication time in epoch millis, or null when undated
 * @param ingested when the article was read, epoch millis (newest version of one id wins)
 * @param textHash hash of the normalised clean body ({@link TextFingerprint#exactHash})
 * @param signature MinHash signature of the body's shingles, empty when the body has no words
 * @param outlet normalised outlet, or null when unknown
 */
public record StoryCandidate(
    String id, Long published, long ingested, long textHash, int[] signature, String outlet) {
  public StoryCandidate {
    Objects.requireNonNull(id);
    Objects.requireNonNull(signature);
  }

  /** The key that orders copies: earliest published first, undated last, then by text hash. */
  static int compareForKeeping(StoryCandidate a, StoryCandidate b) {
    if (a.published != null || b.published != null) {
      if (a.published == null) {
        return 1;
      }
      if (b.published == null) {
        return -1;
      }
      int c = Long.compare(a.published, b.published);
      if (c != 0) {
        return c;
      }
    }
    int c = Long.compare(a.textHash, b.textHash);
    return c != 0 ? c : a.id.compareTo(b.id);
  }
}
