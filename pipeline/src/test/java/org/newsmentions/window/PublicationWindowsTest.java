package org.newsmentions.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PublicationWindowsTest {
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  private static void assertWindow(String start, String end, Instant[] w) {
    assertEquals(Instant.parse(start), w[0], "start");
    assertEquals(Instant.parse(end), w[1], "end");
  }

  @Test
  void dailyUtc() {
    PublicationWindows p = new PublicationWindows(DAY, "UTC");
    assertTrue(p.calendarDays());
    assertEquals(1, p.days());
    assertWindow(
        "2025-05-04T00:00:00Z",
        "2025-05-05T00:00:00Z",
        p.windowOf(Instant.parse("2025-05-04T13:45:00Z")));
    assertWindow(
        "2025-05-04T00:00:00Z",
        "2025-05-05T00:00:00Z",
        p.windowOf(Instant.parse("2025-05-04T00:00:00Z")));
    assertWindow(
        "2025-05-03T00:00:00Z",
        "2025-05-04T00:00:00Z",
        p.windowOf(Instant.parse("2025-05-03T23:59:59.999Z")));
  }

  @Test
  void dailyInKolkataStartsAt1830ZOfPreviousDay() {
    PublicationWindows p = new PublicationWindows(DAY, "Asia/Kolkata");
    assertWindow(
        "2025-05-03T18:30:00Z",
        "2025-05-04T18:30:00Z",
        p.windowOf(Instant.parse("2025-05-04T10:00:00Z")));
    assertWindow(
        "2025-05-03T18:30:00Z",
        "2025-05-04T18:30:00Z",
        p.windowOf(Instant.parse("2025-05-03T18:30:00Z")));
    assertWindow(
        "2025-05-02T18:30:00Z",
        "2025-05-03T18:30:00Z",
        p.windowOf(Instant.parse("2025-05-03T18:29:59.999Z")));
  }

  @Test
  void twoDayWindowsAlignedToEpoch() {
    PublicationWindows p = new PublicationWindows(2 * DAY, "UTC");
    assertTrue(p.calendarDays());
    assertEquals(2, p.days());
    assertWindow(
        "1970-01-01T00:00:00Z",
        "1970-01-03T00:00:00Z",
        p.windowOf(Instant.parse("1970-01-02T12:00:00Z")));
    // 2025-05-04 is epoch day 20212 (even)
    assertEquals(20212, LocalDate.of(2025, 5, 4).toEpochDay());
    assertWindow(
        "2025-05-04T00:00:00Z",
        "2025-05-06T00:00:00Z",
        p.windowOf(Instant.parse("2025-05-04T01:00:00Z")));
    assertWindow(
        "2025-05-04T00:00:00Z",
        "2025-05-06T00:00:00Z",
        p.windowOf(Instant.parse("2025-05-05T23:00:00Z")));
    assertWindow(
        "2025-05-02T00:00:00Z",
        "2025-05-04T00:00:00Z",
        p.windowOf(Instant.parse("2025-05-03T23:00:00Z")));
    // before the epoch too
    assertWindow(
        "1969-12-30T00:00:00Z",
        "1970-01-01T00:00:00Z",
        p.windowOf(Instant.parse("1969-12-31T12:00:00Z")));
    for (long t = 0; t < 30 * DAY; t += 7 * HOUR) {
      Instant[] w = p.windowOf(Instant.parse("2025-01-01T00:00:00Z").plusMillis(t));
      assertEquals(0, Math.floorMod(w[0].atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay(), 2));
    }
  }

  @Test
  void sixHourFixedWindows() {
    PublicationWindows p = new PublicationWindows(6 * HOUR, "UTC");
    assertFalse(p.calendarDays());
    assertEquals(0, p.fixedOffsetMillis());
    assertWindow(
        "2025-05-04T12:00:00Z",
        "2025-05-04T18:00:00Z",
        p.windowOf(Instant.parse("2025-05-04T13:45:00Z")));
    assertWindow(
        "2025-05-04T18:00:00Z",
        "2025-05-05T00:00:00Z",
        p.windowOf(Instant.parse("2025-05-04T18:00:00Z")));
  }

  @Test
  void sixHourWindowsAlignToZoneStandardOffset() {
    PublicationWindows p = new PublicationWindows(6 * HOUR, "Asia/Kolkata");
    assertEquals(30 * 60_000L, p.fixedOffsetMillis());
    // 06:00-12:00 IST = 00:30Z-06:30Z
    assertWindow(
        "2025-05-04T00:30:00Z",
        "2025-05-04T06:30:00Z",
        p.windowOf(Instant.parse("2025-05-04T03:00:00Z")));
    assertWindow(
        "2025-05-03T18:30:00Z",
        "2025-05-04T00:30:00Z",
        p.windowOf(Instant.parse("2025-05-04T00:29:00Z")));
  }

  @Test
  void calendarDaysAcrossDstInParis() {
    PublicationWindows p = new PublicationWindows(DAY, "Europe/Paris");
    Instant[] spring = p.windowOf(Instant.parse("2025-03-30T12:00:00Z"));
    assertWindow("2025-03-29T23:00:00Z", "2025-03-30T22:00:00Z", spring);
    assertEquals(Duration.ofHours(23), Duration.between(spring[0], spring[1]));
    Instant[] autumn = p.windowOf(Instant.parse("2025-10-26T12:00:00Z"));
    assertWindow("2025-10-25T22:00:00Z", "2025-10-26T23:00:00Z", autumn);
    assertEquals(Duration.ofHours(25), Duration.between(autumn[0], autumn[1]));
    Instant[] summer = p.windowOf(Instant.parse("2025-07-14T12:00:00Z"));
    assertEquals(Duration.ofHours(24), Duration.between(summer[0], summer[1]));
    // the windows tile: the day after the short day starts where it ended
    assertEquals(spring[1], p.windowOf(spring[1])[0]);
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(DateTimeException.class, () -> new PublicationWindows(DAY, "Mars/Olympus"));
    assertThrows(DateTimeException.class, () -> new PublicationWindows(DAY, "UTC+25"));
    assertThrows(IllegalArgumentException.class, () -> new PublicationWindows(0, "UTC"));
    assertThrows(IllegalArgumentException.class, () -> new PublicationWindows(-HOUR, "UTC"));
  }
}
