package org.newsmentions.sink;

import org.newsmentions.schema.EntityMentionCount;

/** Counts as CSV rows (RFC 4180 quoting), for spreadsheets. */
public final class CsvCounts {
  public static final String HEADER =
      "window_start,window_end,entity_id,entity_name,entity_type,mentions,articles,copies,"
          + "outlets,pane_timing,pane_index";

  private CsvCounts() {}

  public static String toCsv(EntityMentionCount c) {
    return String.join(
        ",",
        c.getWindowStart().toString(),
        c.getWindowEnd().toString(),
        quote(c.getEntityId()),
        quote(c.getEntityName()),
        c.getEntityType(),
        Long.toString(c.getMentions()),
        Long.toString(c.getArticles()),
        Long.toString(c.getCopies()),
        Long.toString(c.getOutlets()),
        c.getPaneTiming().name(),
        Long.toString(c.getPaneIndex()));
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
