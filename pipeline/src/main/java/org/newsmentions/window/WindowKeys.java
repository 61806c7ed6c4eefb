package org.newsmentions.window;

import org.apache.beam.sdk.transforms.windowing.IntervalWindow;

/**
 * Keys that carry their publication window: {@code start|end|key}, the window's bounds in epoch
 * millis. Batch sums per (window, something) are made in the global window with the window in the
 * key, because the kept stories of the keyed deduplication reach them after the watermark may have
 * passed their windows (docs/scaling.md).
 */
public final class WindowKeys {
  private WindowKeys() {}

  /** The key of {@code key} in window {@code w}. */
  public static String of(IntervalWindow w, String key) {
    return w.start().getMillis() + "|" + w.end().getMillis() + "|" + key;
  }

  /** A key made by {@link #of}, taken apart. */
  public record Parsed(long start, long end, String key) {}

  /** Takes a key made by {@link #of} apart. */
  public static Parsed parse(String windowKey) {
    int first = windowKey.indexOf('|');
    int second = windowKey.indexOf('|', first + 1);
    if (first < 0 || second < 0) {
      throw new IllegalArgumentException("not a start|end|key key: " + windowKey);
    }
    return new Parsed(
        Long.parseLong(windowKey.substring(0, first)),
        Long.parseLong(windowKey.substring(first + 1, second)),
        windowKey.substring(second + 1));
  }
}
