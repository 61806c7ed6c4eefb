package org.newsmentions.window;

import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Trigger;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.Window.ClosingBehavior;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.newsmentions.schema.Article;

/**
 * Puts each article on its publication time and into its publication-date window.
 *
 * <p>Output {@link #DATED}: articles stamped with their publication time (or, under {@code
 * --undated=ingest-time}, undated ones with their ingest time), in calendar-day or fixed windows.
 * In streaming, a window fires early every {@code earlyFiring} of processing time, on time when the
 * watermark passes its end, and once per late article within the allowed lateness; panes
 * accumulate, so each pane holds the window's whole set so far. In batch there is one pane.
 *
 * <p>Output {@link #UNDATED}: under {@code --undated=skip}, articles with no trustworthy date, in
 * the global window, so they can still be deduplicated and written but are counted in no window.
 */
public class WindowByPublication extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final TupleTag<Article> DATED = new TupleTag<>() {};
  public static final TupleTag<Article> UNDATED = new TupleTag<>() {};

  private final PublicationWindows windows;
  private final UndatedPolicy undated;
  private final boolean streaming;
  private final Duration allowedLateness;
  private final Duration earlyFiring;

  /** The windowing this transform applies, for stages that must match it. */
  public PublicationWindows windows() {
    return windows;
  }

  public WindowByPublication(
      PublicationWindows windows,
      UndatedPolicy undated,
      boolean streaming,
      Duration allowedLateness,
      Duration earlyFiring) {
    this.windows = windows;
    this.undated = undated;
    this.streaming = streaming;
    this.allowedLateness = allowedLateness;
    this.earlyFiring = earlyFiring;
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    PCollectionTuple stamped =
        articles.apply(
            "StampPublicationTime",
            ParDo.of(new StampFn(undated)).withOutputTags(DATED, TupleTagList.of(UNDATED)));
    PCollection<Article> dated =
        stamped
            .get(DATED)
            .setCoder(AvroCoder.of(Article.class))
            .apply("IntoPublicationWindows", windowing());
    PCollection<Article> undatedArticles =
        stamped
            .get(UNDATED)
            .setCoder(AvroCoder.of(Article.class))
            .apply(
                "IntoGlobalWindow",
                Window.<Article>into(new GlobalWindows())
                    .triggering(globalTrigger())
                    .discardingFiredPanes()
                    .withAllowedLateness(Duration.ZERO));
    return PCollectionTuple.of(DATED, dated).and(UNDATED, undatedArticles);
  }

  private Window<Article> windowing() {
    WindowFn<Object, IntervalWindow> fn = new PublicationWindowFn(windows, 0);
    Trigger trigger =
        streaming
            ? AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(
                    AfterProcessingTime.pastFirstElementInPane().plusDelayOf(earlyFiring))
                .withLateFirings(AfterPane.elementCountAtLeast(1))
            // No speculative panes in batch: one on-time pane per window.
            : AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1));
    // In streaming every window ends with a pane marked final when it expires, even with no new
    // article since the last pane, so consumers know which counts are definitive.
    return Window.<Article>into(fn)
        .triggering(trigger)
        .withAllowedLateness(
            allowedLateness,
            streaming ? ClosingBehavior.FIRE_ALWAYS : ClosingBehavior.FIRE_IF_NON_EMPTY)
        .accumulatingFiredPanes();
  }

  /**
   * Undated articles have no event time to wait for: in streaming they are emitted in batches of
   * processing time; in batch once at the end.
   */
  private Trigger globalTrigger() {
    return streaming
        ? Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(earlyFiring))
        : DefaultTrigger.of();
  }

  static class StampFn extends DoFn<Article, Article> {
    private final Counter dated = Metrics.counter(WindowByPublication.class, "dated");
    private final Counter undatedSkipped =
        Metrics.counter(WindowByPublication.class, "undatedNotCounted");
    private final Counter undatedByIngest =
        Metrics.counter(WindowByPublication.class, "undatedWindowedByIngestTime");
    private final UndatedPolicy policy;

    StampFn(UndatedPolicy policy) {
      this.policy = policy;
    }

    @ProcessElement
    public void process(@Element Article a, MultiOutputReceiver out) {
      java.time.Instant t = a.getPublished();
      if (t != null) {
        dated.inc();
        out.get(DATED).outputWithTimestamp(a, new Instant(t.toEpochMilli()));
      } else if (policy == UndatedPolicy.INGEST_TIME && a.getIngested() != null) {
        undatedByIngest.inc();
        out.get(DATED).outputWithTimestamp(a, new Instant(a.getIngested().toEpochMilli()));
      } else {
        undatedSkipped.inc();
        out.get(UNDATED).outputWithTimestamp(a, BoundedWindow.TIMESTAMP_MIN_VALUE);
      }
    }

    /**
     * Sources stamp records with read time (files: the minimum timestamp, Kafka: see the Kafka
     * source's timestamp policy); publication time may be earlier, so any skew is allowed here.
     */
    @Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }
}
