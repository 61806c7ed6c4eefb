package org.newsmentions.window;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.NonMergingWindowFn;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.transforms.windowing.WindowMappingFn;

/**
 * Publication-date windows by the arithmetic of {@link PublicationWindows} (calendar days in a time
 * zone, or fixed lengths). With a horizon, an element is assigned to every window that overlaps [t
 * - horizon, t + horizon], so each window also sees its neighbours' articles: that is how
 * deduplication finds copies published in other windows.
 */
public class PublicationWindowFn extends NonMergingWindowFn<Object, IntervalWindow> {
  private final PublicationWindows windows;

  public PublicationWindowFn(PublicationWindows windows) {
    this.windows = windows;
  }

  @Override
  public Collection<IntervalWindow> assignWindows(AssignContext c) {
    Instant t = Instant.ofEpochMilli(c.timestamp().getMillis());
    Instant[] w = windows.windowOf(t);
    return List.of(
        new IntervalWindow(
            new org.joda.time.Instant(w[0].toEpochMilli()),
            new org.joda.time.Instant(w[1].toEpochMilli())));
  }

  @Override
  public boolean isCompatible(WindowFn<?, ?> other) {
    return other instanceof PublicationWindowFn o
        && o.windows.sizeMillis() == windows.sizeMillis()
        && o.windows.zone().equals(windows.zone());
  }

  @Override
  public Coder<IntervalWindow> windowCoder() {
    return IntervalWindow.getCoder();
  }

  @Override
  public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
    throw new UnsupportedOperationException("publication windows are not used as side inputs");
  }

  @Override
  public boolean assignsToOneWindow() {
    return true;
  }
}
