package org.newsmentions.window;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * Keys that carry their publication window: {@code start|end|key}, the window's bounds in epoch
 * millis. Batch sums per (window, something) are made in the global window with the window in the
 * key, because the kept stories of the keyed deduplication reach them after the watermark may have
 * passed their windows, and a per-window sum with the default trigger would fire one late pane per
 * element, each with a part of the sum (docs/scaling.md).
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

  /**
   * Batch: moves keyed elements from their publication windows into the global window, the window
   * put into the key ({@link #of}) and the timestamp moved to the start of time, so that a {@code
   * Combine.perKey} after it sums each (window, key) once, whatever the watermark. Its input must
   * have a {@link KvCoder}.
   */
  public static <V>
      PTransform<PCollection<KV<String, V>>, PCollection<KV<String, V>>> intoGlobalWindow() {
    return new PTransform<>() {
      @Override
      public PCollection<KV<String, V>> expand(PCollection<KV<String, V>> input) {
        Coder<V> values = ((KvCoder<String, V>) input.getCoder()).getValueCoder();
        return input
            .apply("WindowInKey", ParDo.of(new WindowInKeyFn<V>()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), values))
            .apply(
                "Global",
                Window.<KV<String, V>>into(new GlobalWindows())
                    .triggering(DefaultTrigger.of())
                    .discardingFiredPanes()
                    .withAllowedLateness(Duration.ZERO));
      }
    };
  }

  private static final class WindowInKeyFn<V> extends DoFn<KV<String, V>, KV<String, V>> {
    @ProcessElement
    public void process(
        @Element KV<String, V> e, BoundedWindow window, OutputReceiver<KV<String, V>> out) {
      out.outputWithTimestamp(
          KV.of(of((IntervalWindow) window, e.getKey()), e.getValue()),
          BoundedWindow.TIMESTAMP_MIN_VALUE);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }
}
