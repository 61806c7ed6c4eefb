package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * What deduplication needs to know of one article.
 *
 * @param id article id (same URL = same id)
 * @param published publication time in epoch millis, or null when undated
 * @param ingested when the article was read, epoch millis (the newest version of one id wins)
 * @param textHash hash of the normalised clean body ({@link TextFingerprint#exactHash})
 * @param signature MinHash signature of the body's shingles, empty when the body has no words
 * @param outlet normalised outlet, or null when unknown
 * @param eventTime the time the article is windowed by (publication time, or ingest time for
 *     undated articles under {@code --undated=ingest-time}); the horizon is measured on it
 * @param source provenance, the last tie-break between two versions of one id
 */
public record StoryCandidate(
    String id,
    Long published,
    long ingested,
    long textHash,
    int[] signature,
    String outlet,
    long eventTime,
    String source)
    implements Serializable {

  public StoryCandidate {
    Objects.requireNonNull(id);
    Objects.requireNonNull(signature);
    Objects.requireNonNull(source);
  }

  /** A candidate windowed by its publication time (or 0 when undated), its id as source. */
  public StoryCandidate(
      String id, Long published, long ingested, long textHash, int[] signature, String outlet) {
    this(
        id,
        published,
        ingested,
        textHash,
        signature,
        outlet,
        published == null ? 0L : published,
        id);
  }

  /** The order that picks the kept copy: earliest published first, undated last, then text hash. */
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

  /** Newer versions of one id compare greater: by read time, then content, then provenance. */
  static final Comparator<StoryCandidate> VERSION_ORDER =
      Comparator.comparingLong(StoryCandidate::ingested)
          .thenComparingLong(StoryCandidate::textHash)
          .thenComparing(StoryCandidate::source)
          .thenComparingLong(StoryCandidate::eventTime)
          .thenComparing(c -> String.valueOf(c.outlet()));
}
