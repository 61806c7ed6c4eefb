package org.newsmentions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsmentions.read.WarcPages;

/**
 * Where every record read went, from a batch run's counters: records read = articles + dead letters
 * + records skipped by reason. Plain Java over the counter totals the run report reads (keys {@code
 * Namespace.name}, as {@link ProgressLine} takes them).
 *
 * <p>Read: the records the sources emitted ({@code records}), the files that could not be read at
 * all (each one dead letter), and the records skipped before parsing (WARC records that are not
 * pages, blank lines of JSON-lines files). Skipped after parsing: versions superseded by the same
 * id read again (a re-read file, a re-fetched URL), which deduplication drops.
 *
 * @param read every record the sources met
 * @param articles articles handed to the sinks
 * @param deadLetters dead letters handed to the sinks
 * @param skipped records neither, by reason, in a fixed order
 */
public record RecordAccounting(
    long read, long articles, long deadLetters, Map<String, Long> skipped) {

  /**
   * One reason a record is skipped.
   *
   * @param label how the report names it
   * @param counter the counter ({@code Namespace.name}) that counts it
   * @param beforeParsing true when the skipped record never became a raw record (so it is not in
   *     the sources' {@code records} counter and adds to what was read)
   */
  record Reason(String label, String counter, boolean beforeParsing) {}

  /** Every reason, in the order the report lists them. */
  static final List<Reason> REASONS = reasons();

  private static List<Reason> reasons() {
    List<Reason> r = new ArrayList<>();
    for (WarcPages.Skip s : WarcPages.Skip.values()) {
      r.add(
          new Reason(
              "WARC " + s.name().toLowerCase(Locale.ROOT).replace('_', ' '),
              "ReadArticles." + s.counterName(),
              true));
    }
    r.add(new Reason("blank JSON line", "ReadArticles.blankJsonLines", true));
    r.add(
        new Reason(
            "superseded by the same id", "DeduplicateAcrossOutlets.articlesWithoutVerdict", false));
    return List.copyOf(r);
  }

  /** The accounting of a run whose counters are {@code counters}. */
  public static RecordAccounting of(Map<String, Long> counters) {
    Map<String, Long> skipped = new LinkedHashMap<>();
    long skippedBeforeParsing = 0;
    for (Reason reason : REASONS) {
      long n = counters.getOrDefault(reason.counter(), 0L);
      if (n > 0) {
        skipped.put(reason.label(), n);
      }
      if (reason.beforeParsing()) {
        skippedBeforeParsing += n;
      }
    }
    long read =
        ProgressLine.byName(counters, "records")
            + counters.getOrDefault("ReadArticles.unreadableFiles", 0L)
            + skippedBeforeParsing;
    return new RecordAccounting(
        read,
        counters.getOrDefault("CountOutputs.articles", 0L),
        counters.getOrDefault("CountOutputs.deadLetters", 0L),
        Collections.unmodifiableMap(skipped));
  }

  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether every record read is an article, a dead letter or skipped with a reason. */
  public boolean balanced() {
    return read == articles + deadLetters + skippedTotal();
  }

  /** One line for the run report. */
  public String line() {
    StringBuilder reasons = new StringBuilder();
    skipped.forEach(
        (label, n) -> reasons.append(reasons.length() == 0 ? "" : ", ").append(label + " " + n));
    return String.format(
        Locale.ROOT,
        "records read %,d = articles %,d + dead letters %,d + skipped %,d%s%s",
        read,
        articles,
        deadLetters,
        skippedTotal(),
        reasons.length() == 0 ? "" : " (" + reasons + ")",
        balanced() ? "" : "  [DOES NOT ADD UP: please report this]");
  }
}
