package org.newsmentions.window;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The lateness rule of {@link LatenessGate}, without Beam: a watermark estimate from the highest
 * source timestamp seen, and whether an article's window has closed by that estimate.
 *
 * <p>A window [start, end) closes, as Beam's GroupByKey sees it, once the watermark passes {@code
 * end - 1ms + allowedLateness}: from then on the GroupByKey drops its elements. The estimate is
 * {@code highest source timestamp seen - maxOutOfOrder}; an article is late when its window closes
 * strictly before the estimate. All arithmetic saturates, so the extreme timestamps that sources
 * use for "unknown" never overflow.
 */
public final class Lateness implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long allowedLatenessMillis;
  private final long maxOutOfOrderMillis;

  public Lateness(long allowedLatenessMillis, long maxOutOfOrderMillis) {
    if (allowedLatenessMillis < 0 || maxOutOfOrderMillis < 0) {
      throw new IllegalArgumentException("allowed lateness and maxOutOfOrder must not be negative");
    }
    this.allowedLatenessMillis = allowedLatenessMillis;
    this.maxOutOfOrderMillis = maxOutOfOrderMillis;
  }

  public long allowedLatenessMillis() {
    return allowedLatenessMillis;
  }

  public long maxOutOfOrderMillis() {
    return maxOutOfOrderMillis;
  }

  /**
   * The watermark estimate after seeing source timestamps up to {@code highestSeen}, never below
   * {@code floor} (the smallest timestamp the runner accepts).
   */
  public long estimate(long highestSeen, long floor) {
    return Math.max(floor, saturatedSubtract(highestSeen, maxOutOfOrderMillis));
  }

  /** The last watermark at which a window ending (exclusive) at {@code windowEnd} is still open. */
  public long closesAt(long windowEnd) {
    return saturatedAdd(windowEnd - 1, allowedLatenessMillis);
  }

  /** Whether a window ending (exclusive) at {@code windowEnd} has closed by {@code estimate}. */
  public boolean isLate(long windowEnd, long estimate) {
    return closesAt(windowEnd) < estimate;
  }

  /**
   * The dead-letter reason of a late article: the stable code {@code late}, then its event time,
   * its window, when that window closed and the estimate that judged it.
   */
  public String reason(Instant eventTime, Instant[] window, long estimate) {
    return "late: published "
        + eventTime
        + " in window ["
        + window[0]
        + ", "
        + window[1]
        + "), closed after "
        + Instant.ofEpochMilli(closesAt(window[1].toEpochMilli()))
        + " (allowed lateness "
        + Duration.ofMillis(allowedLatenessMillis)
        + "); watermark estimate "
        + Instant.ofEpochMilli(estimate)
        + " (highest source timestamp seen minus "
        + Duration.ofMillis(maxOutOfOrderMillis)
        + ")";
  }

  private static long saturatedSubtract(long a, long b) {
    long r = a - b;
    return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
