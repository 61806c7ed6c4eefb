package org.newsmentions.comentions;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.newsmentions.schema.EntityCoMentionCount;
import org.newsmentions.schema.PaneTiming;

/**
 * Two entities named together, with the figures summed over a set of kept articles: one article's
 * pair has {@code articles == 1}; {@link #plus} adds two sums of the same pair. The pair is
 * ordered, {@code aId < bId} (by {@link String#compareTo}), so each pair has one {@link #key}.
 *
 * @param articles kept articles that name both entities
 * @param mentionsA mentions of entity a summed over those articles
 * @param mentionsB mentions of entity b summed over those articles
 */
public record CoMention(
    String aId,
    String aName,
    String aType,
    String bId,
    String bName,
    String bType,
    long articles,
    long mentionsA,
    long mentionsB)
    implements Serializable {

  public CoMention {
    Objects.requireNonNull(aId, "aId");
    Objects.requireNonNull(bId, "bId");
    if (aId.compareTo(bId) >= 0) {
      throw new IllegalArgumentException("a pair is ordered a < b: " + aId + " / " + bId);
    }
  }

  /** The pair's grouping key: the two ids, tab-separated (ids hold no tab). */
  public String key() {
    return key(aId, bId);
  }

  static String key(String aId, String bId) {
    return aId + '\t' + bId;
  }

  /**
   * This sum and another of the same pair. The names and types of an entity are the same in every
   * article (they come with its id); should two differ, the smaller is kept, so the result does not
   * depend on the order the sums are added in.
   */
  public CoMention plus(CoMention other) {
    if (!aId.equals(other.aId) || !bId.equals(other.bId)) {
      throw new IllegalArgumentException("not the same pair: " + key() + " and " + other.key());
    }
    return new CoMention(
        aId,
        min(aName, other.aName),
        min(aType, other.aType),
        bId,
        min(bName, other.bName),
        min(bType, other.bType),
        articles + other.articles,
        mentionsA + other.mentionsA,
        mentionsB + other.mentionsB);
  }

  private static String min(String x, String y) {
    return x.compareTo(y) <= 0 ? x : y;
  }

  /** This sum as the record of one window pane. */
  public EntityCoMentionCount toRecord(
      Instant windowStart, Instant windowEnd, PaneTiming timing, long paneIndex) {
    return EntityCoMentionCount.newBuilder()
        .setWindowStart(windowStart)
        .setWindowEnd(windowEnd)
        .setEntityAId(aId)
        .setEntityAName(aName)
        .setEntityAType(aType)
        .setEntityBId(bId)
        .setEntityBName(bName)
        .setEntityBType(bType)
        .setArticles(articles)
        .setMentionsA(mentionsA)
        .setMentionsB(mentionsB)
        .setPaneTiming(timing)
        .setPaneIndex(paneIndex)
        .build();
  }
}
