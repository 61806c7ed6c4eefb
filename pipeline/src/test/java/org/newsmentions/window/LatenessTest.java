package org.newsmentions.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatenessTest {
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  private static final Lateness RULE = new Lateness(7 * DAY, DAY);
  private static final long FLOOR = -9_223_372_036_854_775L;

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void estimateTrailsTheHighestSourceTimestampByMaxOutOfOrder() {
    assertEquals(at("2025-05-09T12:00:00Z"), RULE.estimate(at("2025-05-10T12:00:00Z"), FLOOR));
  }

  @Test
  void estimateNeverGoesBelowTheFloorNorOverflows() {
    assertEquals(FLOOR, RULE.estimate(FLOOR, FLOOR));
    assertEquals(FLOOR, RULE.estimate(Long.MIN_VALUE, FLOOR));
  }

  @Test
  void aWindowClosesAtItsLastMillisecondPlusTheAllowedLateness() {
    long end = at("2025-05-11T00:00:00Z");
    assertEquals(at("2025-05-18T00:00:00Z") - 1, RULE.closesAt(end));
    // Still open while the estimate has not passed that instant, as Beam's GroupByKey sees it.
    assertFalse(RULE.isLate(end, at("2025-05-18T00:00:00Z") - 1));
    assertTrue(RULE.isLate(end, at("2025-05-18T00:00:00Z")));
  }

  @Test
  void anArticleIsNeverLateForItsOwnSourceTimestamp() {
    // A Kafka article stamped with its publication time: its window ends after it, and the
    // estimate it makes is a day before it.
    long published = at("2025-05-10T23:59:00Z");
    long estimate = RULE.estimate(published, FLOOR);
    assertFalse(RULE.isLate(at("2025-05-11T00:00:00Z"), estimate));
  }

  @Test
  void withoutAllowedLatenessOrSlackAWindowClosesWithTheWatermark() {
    Lateness strict = new Lateness(0, 0);
    long end = at("2025-05-11T00:00:00Z");
    assertFalse(strict.isLate(end, end - 1));
    assertTrue(strict.isLate(end, end));
  }

  @Test
  void closingNeverOverflowsForHugeLateness() {
    Lateness forever = new Lateness(Long.MAX_VALUE, 0);
    assertFalse(forever.isLate(at("2025-05-11T00:00:00Z"), Long.MAX_VALUE - 1));
  }

  @Test
  void negativeDurationsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Lateness(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Lateness(0, -1));
  }

  @Test
  void reasonStartsWithTheStableCodeAndNamesWindowAndEstimate() {
    Instant[] window = {
      Instant.parse("2025-05-10T00:00:00Z"), Instant.parse("2025-05-11T00:00:00Z")
    };
    String reason =
        RULE.reason(Instant.parse("2025-05-10T09:00:00Z"), window, at("2025-05-18T06:00:00Z"));
    assertTrue(reason.startsWith("late: published 2025-05-10T09:00:00Z"), reason);
    assertTrue(reason.contains("window [2025-05-10T00:00:00Z, 2025-05-11T00:00:00Z)"), reason);
    assertTrue(reason.contains("closed after 2025-05-17T23:59:59.999Z"), reason);
    assertTrue(reason.contains("watermark estimate 2025-05-18T06:00:00Z"), reason);
  }
}
