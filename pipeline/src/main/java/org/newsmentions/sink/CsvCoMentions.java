package org.newsmentions.sink;

import org.newsmentions.schema.EntityCoMentionCount;

/** Co-mention counts as CSV rows (RFC 4180 quoting), in the Avro schema's field order. */
public final class CsvCoMentions {
  public static final String HEADER =
      "window_start,window_end,entity_a_id,entity_a_name,entity_a_type,entity_b_id,entity_b_name,"
          + "entity_b_type,articles,mentions_a,mentions_b,pane_timing,pane_index";

  private CsvCoMentions() {}

  public static String toCsv(EntityCoMentionCount c) {
    return String.join(
        ",",
        c.getWindowStart().toString(),
        c.getWindowEnd().toString(),
        CsvCounts.quote(c.getEntityAId()),
        CsvCounts.quote(c.getEntityAName()),
        CsvCounts.quote(c.getEntityAType()),
        CsvCounts.quote(c.getEntityBId()),
        CsvCounts.quote(c.getEntityBName()),
        CsvCounts.quote(c.getEntityBType()),
        Long.toString(c.getArticles()),
        Long.toString(c.getMentionsA()),
        Long.toString(c.getMentionsB()),
        c.getPaneTiming().name(),
        Long.toString(c.getPaneIndex()));
  }
}
