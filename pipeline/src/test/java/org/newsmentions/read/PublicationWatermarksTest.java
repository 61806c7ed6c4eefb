package org.newsmentions.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublicationWatermarksTest {
  private static final long DAY = 86_400_000L;
  private static final long FLOOR = -1_000_000L;

  private static long t(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void nothingReadMeansTheFloor() {
    PublicationWatermarks w = new PublicationWatermarks(DAY, FLOOR);
    PublicationWatermarks.Partition p = w.track("news-0", null);
    assertEquals(FLOOR, p.watermark(false));
    assertEquals(FLOOR, p.watermark(true));
    assertNull(p.latestPublished());
  }

  @Test
  void watermarkIsLatestPublicationMinusMaxOutOfOrder() {
    PublicationWatermarks.Partition p = new PublicationWatermarks(DAY, FLOOR).track("news-0", null);
    assertEquals(t("2025-05-08T10:00:00Z"), p.eventTime(t("2025-05-08T10:00:00Z")));
    assertEquals(t("2025-05-07T10:00:00Z"), p.watermark(false));
    // An older article keeps its own time and does not move the watermark back.
    assertEquals(t("2025-05-01T00:00:00Z"), p.eventTime(t("2025-05-01T00:00:00Z")));
    assertEquals(t("2025-05-07T10:00:00Z"), p.watermark(false));
    p.eventTime(t("2025-05-09T00:00:00Z"));
    assertEquals(t("2025-05-08T00:00:00Z"), p.watermark(false));
    assertEquals(t("2025-05-09T00:00:00Z"), p.latestPublished());
  }

  @Test
  void undatedRecordsTakeTheCurrentWatermarkSoTheyAreNotLate() {
    PublicationWatermarks.Partition p = new PublicationWatermarks(DAY, FLOOR).track("news-0", null);
    assertEquals(FLOOR, p.eventTime(null));
    p.eventTime(t("2025-05-08T00:00:00Z"));
    // Even before the reader asks for the watermark, an undated record is not behind it.
    assertEquals(t("2025-05-07T00:00:00Z"), p.eventTime(null));
    assertEquals(t("2025-05-07T00:00:00Z"), p.watermark(false));
  }

  @Test
  void zeroMaxOutOfOrderFollowsTheLatestPublication() {
    PublicationWatermarks.Partition p = new PublicationWatermarks(0, FLOOR).track("news-0", null);
    p.eventTime(t("2025-05-08T12:00:00Z"));
    assertEquals(t("2025-05-08T12:00:00Z"), p.watermark(false));
  }

  @Test
  void restoredWatermarkIsTheStartAndNeverGoesBack() {
    PublicationWatermarks.Partition p =
        new PublicationWatermarks(DAY, FLOOR).track("news-0", t("2025-05-07T00:00:00Z"));
    assertEquals(t("2025-05-07T00:00:00Z"), p.watermark(false));
    p.eventTime(t("2025-05-07T12:00:00Z")); // minus a day is before the restored watermark
    assertEquals(t("2025-05-07T00:00:00Z"), p.watermark(false));
    assertEquals(t("2025-05-07T00:00:00Z"), p.eventTime(null));
  }

  @Test
  void busyPartitionKeepsItsOwnWatermarkWhileTheOthersMoveOn() {
    PublicationWatermarks w = new PublicationWatermarks(DAY, FLOOR);
    PublicationWatermarks.Partition a = w.track("news-0", null);
    PublicationWatermarks.Partition b = w.track("news-1", null);
    a.eventTime(t("2025-05-10T00:00:00Z"));
    b.eventTime(t("2025-05-05T00:00:00Z"));
    assertEquals(t("2025-05-04T00:00:00Z"), b.watermark(false));
    assertEquals(t("2025-05-09T00:00:00Z"), a.watermark(false));
  }

  @Test
  void idlePartitionTakesTheHighestSiblingWatermark() {
    PublicationWatermarks w = new PublicationWatermarks(DAY, FLOOR);
    PublicationWatermarks.Partition busy = w.track("news-0", null);
    PublicationWatermarks.Partition slow = w.track("news-1", null);
    PublicationWatermarks.Partition empty = w.track("news-2", null);
    busy.eventTime(t("2025-05-10T00:00:00Z"));
    slow.eventTime(t("2025-05-06T00:00:00Z"));
    // Never read anything and nothing to read: no reason to hold the others back.
    assertEquals(t("2025-05-09T00:00:00Z"), empty.watermark(true));
    // With a backlog (or an unknown one) it waits for its own records.
    PublicationWatermarks.Partition waiting = w.track("news-3", null);
    assertEquals(FLOOR, waiting.watermark(false));
    // A caught-up partition behind its siblings moves up to the highest of them.
    assertEquals(t("2025-05-09T00:00:00Z"), slow.watermark(true));
    // Once raised it stays: a later backlog does not take the watermark back.
    assertEquals(t("2025-05-09T00:00:00Z"), slow.watermark(false));
    // An older article arriving there afterwards keeps its time (it is late downstream).
    assertEquals(t("2025-05-07T00:00:00Z"), slow.eventTime(t("2025-05-07T00:00:00Z")));
    assertEquals(t("2025-05-09T00:00:00Z"), slow.watermark(false));
  }

  @Test
  void allCaughtUpMeansTheLatestPublicationAnywhereMinusMaxOutOfOrder() {
    PublicationWatermarks w = new PublicationWatermarks(DAY, FLOOR);
    PublicationWatermarks.Partition a = w.track("news-0", null);
    PublicationWatermarks.Partition b = w.track("news-1", null);
    a.eventTime(t("2025-05-08T00:00:00Z"));
    b.eventTime(t("2025-05-09T06:00:00Z"));
    long expected = t("2025-05-08T06:00:00Z");
    assertEquals(expected, Math.min(a.watermark(true), b.watermark(true)));
  }

  @Test
  void retrackingAPartitionReplacesItsClock() {
    PublicationWatermarks w = new PublicationWatermarks(DAY, FLOOR);
    PublicationWatermarks.Partition old = w.track("news-0", null);
    old.eventTime(t("2025-05-20T00:00:00Z"));
    PublicationWatermarks.Partition fresh = w.track("news-0", t("2025-05-01T00:00:00Z"));
    PublicationWatermarks.Partition idle = w.track("news-1", null);
    // The replaced clock no longer counts as a sibling.
    assertEquals(t("2025-05-01T00:00:00Z"), idle.watermark(true));
    assertEquals(t("2025-05-01T00:00:00Z"), fresh.watermark(false));
  }

  @Test
  void negativeMaxOutOfOrderIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PublicationWatermarks(-1, FLOOR));
  }
}
