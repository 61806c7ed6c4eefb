package org.newsmentions;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The one-line progress summary, from metric values, without Beam: what was read, parsed,
 * dead-lettered (late articles among them), recognised as duplicates, how many count rows were
 * emitted, how many elements a window dropped as too late (should stay 0: LatenessGate routes late
 * articles to the dead letters first), and the event-time clock.
 *
 * <p>Counter keys are {@code Namespace.name} with the namespace's simple class name (as the run
 * report prints them), each summed over steps. Sources count their records in a counter named
 * {@code records}; windows count drops in Beam's {@code droppedDueToLateness} (any case).
 */
public final class ProgressLine {
  private ProgressLine() {}

  /**
   * @param counters counter totals by {@code Namespace.name}
   * @param watermarkMillis LatenessGate's watermark estimate, or null when there is none (batch, or
   *     nothing read yet)
   * @param elapsedMillis time since the run started
   */
  public static String format(
      Map<String, Long> counters, Long watermarkMillis, long elapsedMillis) {
    long read = byName(counters, "records");
    long late = get(counters, "LatenessGate.late");
    long deadLettered =
        get(counters, "ParseArticles.deadLettered")
            + get(counters, "ReadArticles.unreadableFiles")
            + late;
    return String.format(
        Locale.ROOT,
        "progress %s | read %,d | parsed %,d | dead-lettered %,d (late %,d) | duplicate verdicts %,d"
            + " | counts emitted %,d | dropped as too late %,d | watermark %s",
        elapsed(elapsedMillis),
        read,
        get(counters, "ParseArticles.parsed"),
        deadLettered,
        late,
        get(counters, "DeduplicateAcrossOutlets.duplicateVerdicts"),
        get(counters, "CountMentions.countsEmitted"),
        byName(counters, "droppedDueToLateness"),
        watermarkMillis == null ? "-" : Instant.ofEpochMilli(watermarkMillis).toString());
  }

  private static long get(Map<String, Long> counters, String key) {
    Long v = counters.get(key);
    return v == null ? 0 : v;
  }

  /**
   * The sum of every counter with this name, whatever its namespace and the case of its first
   * letter (the Direct Runner's window grouping counts {@code DroppedDueToLateness}, runners-core's
   * {@code droppedDueToLateness}).
   */
  static long byName(Map<String, Long> counters, String name) {
    long sum = 0;
    for (Map.Entry<String, Long> e : counters.entrySet()) {
      String key = e.getKey();
      String own = key.substring(key.lastIndexOf('.') + 1);
      if (own.equalsIgnoreCase(name) && e.getValue() != null) {
        sum += e.getValue();
      }
    }
    return sum;
  }

  private static String elapsed(long millis) {
    long s = Math.max(0, millis) / 1000;
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
