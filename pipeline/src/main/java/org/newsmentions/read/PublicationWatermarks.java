package org.newsmentions.read;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event time and watermark of Kafka partitions, from the publication times of the articles read,
 * never from the wall clock (so replaying a month of old articles behaves like the batch run).
 *
 * <ul>
 *   <li>A dated record's event time is its publication time, late or not.
 *   <li>An undated record's event time is the partition's current watermark, so it is never late at
 *       the source; the pipeline's {@code --undated} policy decides what happens to it.
 *   <li>A partition's own watermark is the latest publication time read from it minus {@code
 *       maxOutOfOrder} (or the watermark restored from a checkpoint, whichever is later). This is
 *       the same rule as the streaming lateness estimate, "latest event time seen minus
 *       maxOutOfOrder", applied per partition; the reader reports the minimum over its partitions,
 *       so the source's watermark is never ahead of that estimate over all partitions.
 *   <li>An idle partition (caught up: nothing left to read on it) must not hold every other
 *       partition back, and the wall clock is not used to move it. It takes the highest own
 *       watermark among the partitions tracked here (its siblings). An article that later arrives
 *       on it with an older publication time is late, which allowed lateness absorbs. When all
 *       partitions are caught up, the watermark is the latest publication time seen anywhere minus
 *       {@code maxOutOfOrder}.
 *   <li>Watermarks never go back.
 * </ul>
 *
 * <p>Thread-safe: one reader thread updates a partition; any thread may read the others.
 */
public final class PublicationWatermarks {
  private final long maxOutOfOrderMillis;
  private final long floorMillis;
  private final Map<String, Partition> partitions = new ConcurrentHashMap<>();

  /**
   * @param maxOutOfOrderMillis how far the watermark trails the latest publication time seen
   * @param floorMillis the watermark before anything is known (the runner's minimum timestamp)
   */
  public PublicationWatermarks(long maxOutOfOrderMillis, long floorMillis) {
    if (maxOutOfOrderMillis < 0) {
      throw new IllegalArgumentException("maxOutOfOrder must not be negative");
    }
    this.maxOutOfOrderMillis = maxOutOfOrderMillis;
    this.floorMillis = floorMillis;
  }

  /**
   * Starts tracking a partition, replacing any earlier tracker of the same partition (a reader
   * re-created from a checkpoint).
   *
   * @param restoredWatermarkMillis the watermark saved in the checkpoint, or null
   */
  public Partition track(String partition, Long restoredWatermarkMillis) {
    Partition p =
        new Partition(
            restoredWatermarkMillis == null
                ? floorMillis
                : Math.max(floorMillis, restoredWatermarkMillis));
    partitions.put(partition, p);
    return p;
  }

  /** The highest own watermark among the tracked partitions; the floor when there are none. */
  long highestOwn() {
    long max = floorMillis;
    for (Partition p : partitions.values()) {
      max = Math.max(max, p.own);
    }
    return max;
  }

  /** One partition's event-time clock. */
  public final class Partition {
    private volatile long latestPublished = Long.MIN_VALUE;
    private volatile long own;
    private volatile long current;

    private Partition(long start) {
      this.own = start;
      this.current = start;
    }

    /**
     * The event time of a record read from this partition, and the clock moved on by it.
     *
     * @param publishedMillis the record's publication time, or null when it has none
     */
    public long eventTime(Long publishedMillis) {
      if (publishedMillis == null) {
        return current;
      }
      long t = publishedMillis;
      if (t > latestPublished) {
        latestPublished = t;
        own = Math.max(own, t - maxOutOfOrderMillis);
        current = Math.max(current, own);
      }
      return t;
    }

    /**
     * The partition's watermark now.
     *
     * @param caughtUp true when the reader knows there is nothing left to read on the partition
     */
    public long watermark(boolean caughtUp) {
      long w = caughtUp ? Math.max(own, highestOwn()) : own;
      current = Math.max(current, w);
      return current;
    }

    /** The latest publication time read from this partition, or null when none was dated. */
    public Long latestPublished() {
      return latestPublished == Long.MIN_VALUE ? null : latestPublished;
    }
  }
}
