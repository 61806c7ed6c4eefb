package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void summarisesTheCountersAndTheWatermark() {
    Map<String, Long> counters = new TreeMap<>();
    counters.put("ReadArticles.records", 1200L);
    counters.put("ReadArticles.unreadableFiles", 1L);
    counters.put("ParseArticles.parsed", 1180L);
    counters.put("ParseArticles.deadLettered", 20L);
    counters.put("LatenessGate.late", 3L);
    counters.put("LatenessGate.passed", 1177L);
    counters.put("DeduplicateAcrossOutlets.duplicateVerdicts", 250L);
    counters.put("CountMentions.countsEmitted", 45_000L);
    counters.put("LateDataDroppingDoFnRunner.droppedDueToLateness", 2L);
    counters.put("GroupAlsoByWindowEvaluator.DroppedDueToLateness", 1L);
    String line =
        ProgressLine.format(
            counters, Instant.parse("2025-05-08T12:00:00Z").toEpochMilli(), 3_725_000L);
    assertEquals(
        "progress 1:02:05 | read 1,200 | parsed 1,180 | dead-lettered 24 (late 3)"
            + " | duplicate verdicts 250 | counts emitted 45,000 | dropped as too late 3"
            + " | watermark 2025-05-08T12:00:00Z",
        line);
  }

  @Test
  void missingMetricsAreZeroAndNoWatermarkIsADash() {
    assertEquals(
        "progress 0:00:00 | read 0 | parsed 0 | dead-lettered 0 (late 0) | duplicate verdicts 0"
            + " | counts emitted 0 | dropped as too late 0 | watermark -",
        ProgressLine.format(Map.of(), null, 0));
  }

  @Test
  void anyCounterNamedRecordsCountsAsRead() {
    // A Kafka source counts what it read under its own namespace.
    Map<String, Long> counters = Map.of("ReadArticles.records", 5L, "ReadKafka.records", 7L);
    assertTrue(ProgressLine.format(counters, null, 0).contains("| read 12 |"), "sums sources");
  }
}
