package org.newsmentions.count;

import java.time.Instant;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.PaneTiming;

/**
 * The counts of one entity over a set of kept stories.
 *
 * @param mentions sum of mentions over kept articles
 * @param articles kept articles that mention the entity
 * @param copies copies of those articles' stories, kept copies included
 * @param outlets distinct outlets over those copies
 */
public record EntityTally(
    String id, String name, String type, long mentions, long articles, long copies, long outlets) {

  /** This tally as the count record of one window pane. */
  public EntityMentionCount toCount(
      Instant windowStart, Instant windowEnd, PaneTiming timing, long paneIndex) {
    return EntityMentionCount.newBuilder()
        .setWindowStart(windowStart)
        .setWindowEnd(windowEnd)
        .setEntityId(id)
        .setEntityName(name)
        .setEntityType(type)
        .setMentions(mentions)
        .setArticles(articles)
        .setCopies(copies)
        .setOutlets(outlets)
        .setPaneTiming(timing)
        .setPaneIndex(paneIndex)
        .build();
  }
}
