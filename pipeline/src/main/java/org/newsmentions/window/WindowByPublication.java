package org.newsmentions.window;

import java.util.Objects;
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
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Trigger;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.Window.ClosingBehavior;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.newsmentions.dedup.DedupCoders;
import org.newsmentions.dedup.DeduplicateAcrossOutlets;
import org.newsmentions.dedup.StoryDigest;
import org.newsmentions.dedup.StorySignatures;
import org.newsmentions.schema.Article;

/**
 * Puts each article on its publication time and into its publication-date window, as a digest
 * (signature, text hash, entities, event time: what deduplication and counting need).
 *
 * <p>Output {@link #DATED}: digests stamped with the publication time (or, under {@code
 * --undated=ingest-time}, undated ones with their ingest time) in calendar-day or fixed windows.
 * Each digest is also sent to every neighbouring window within the dedup horizon, stamped inside
 * that window, so a window sees the copies published in its neighbours; the digest keeps its true
 * event time, and only its own window counts it. In streaming a window fires early every {@code
 * earlyFiring} of processing time, on time when the watermark passes its end, once per late arrival
 * within the allowed lateness, and a final time when it expires; panes accumulate, so each pane
 * holds the window's whole set so far. In batch there is one pane per window.
 *
 * <p>Output {@link #UNDATED}: under {@code --undated=skip}, digests of articles with no trustworthy
 * date, in the global window: deduplicated among themselves, counted in no window.
 */
public class WindowByPublication extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final TupleTag<StoryDigest> DATED = new TupleTag<>() {};
  public static final TupleTag<StoryDigest> UNDATED = new TupleTag<>() {};

  /** How long after its end a window takes late articles, by default. */
  public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.standardDays(7);

  /** How often a streaming window emits an early pane (processing time), by default. */
  public static final Duration DEFAULT_EARLY_FIRING = Duration.standardMinutes(1);

  private final PublicationWindows windows;
  private final UndatedPolicy undated;
  private final boolean streaming;
  private final Duration allowedLateness;
  private final Duration earlyFiring;
  private final Duration horizon;

  private WindowByPublication(
      PublicationWindows windows,
      UndatedPolicy undated,
      boolean streaming,
      Duration allowedLateness,
      Duration earlyFiring,
      Duration horizon) {
    this.windows = Objects.requireNonNull(windows, "windows");
    this.undated = Objects.requireNonNull(undated, "undated");
    this.streaming = streaming;
    this.allowedLateness = Objects.requireNonNull(allowedLateness, "allowedLateness");
    this.earlyFiring = Objects.requireNonNull(earlyFiring, "earlyFiring");
    this.horizon = Objects.requireNonNull(horizon, "horizon");
  }

  /**
   * Batch, daily UTC windows, undated articles counted in no window, {@link
   * #DEFAULT_ALLOWED_LATENESS}, {@link #DEFAULT_EARLY_FIRING} and the dedup stage's default
   * horizon; change them with the {@code with*} methods, which return copies.
   */
  public static WindowByPublication create() {
    return new WindowByPublication(
        PublicationWindows.DAILY_UTC,
        UndatedPolicy.SKIP,
        false,
        DEFAULT_ALLOWED_LATENESS,
        DEFAULT_EARLY_FIRING,
        DeduplicateAcrossOutlets.DEFAULT_HORIZON);
  }

  public WindowByPublication withWindows(PublicationWindows value) {
    return new WindowByPublication(
        value, undated, streaming, allowedLateness, earlyFiring, horizon);
  }

  public WindowByPublication withUndated(UndatedPolicy value) {
    return new WindowByPublication(
        windows, value, streaming, allowedLateness, earlyFiring, horizon);
  }

  /** Streaming windows fire early, late and finally; batch ones once each. */
  public WindowByPublication withStreaming(boolean value) {
    return new WindowByPublication(windows, undated, value, allowedLateness, earlyFiring, horizon);
  }

  public WindowByPublication withAllowedLateness(Duration value) {
    return new WindowByPublication(windows, undated, streaming, value, earlyFiring, horizon);
  }

  /** Streaming only: the processing-time delay of early panes. */
  public WindowByPublication withEarlyFiring(Duration value) {
    return new WindowByPublication(windows, undated, streaming, allowedLateness, value, horizon);
  }

  /** The dedup horizon: each digest is also sent to the windows within it. */
  public WindowByPublication withHorizon(Duration value) {
    return new WindowByPublication(
        windows, undated, streaming, allowedLateness, earlyFiring, value);
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    // Digests are made and fanned out before any timestamp is moved to publication time, so in
    // batch every stamp moves forward from the source's and no window sees late data.
    PCollectionTuple stamped =
        articles.apply(
            "StampPublicationTime",
            ParDo.of(
                    new StampFn(
                        windows,
                        undated,
                        horizon.getMillis(),
                        streaming ? new Lateness(allowedLateness.getMillis(), 0) : null))
                .withOutputTags(DATED, TupleTagList.of(UNDATED)));
    PCollection<StoryDigest> dated =
        stamped
            .get(DATED)
            .setCoder(DedupCoders.DigestCoder.of())
            .apply("IntoPublicationWindows", windowing());
    PCollection<StoryDigest> undatedDigests =
        stamped
            .get(UNDATED)
            .setCoder(DedupCoders.DigestCoder.of())
            .apply(
                "IntoGlobalWindow",
                Window.<StoryDigest>into(new GlobalWindows())
                    .triggering(globalTrigger())
                    .accumulatingFiredPanes()
                    .withAllowedLateness(Duration.ZERO));
    return PCollectionTuple.of(DATED, dated).and(UNDATED, undatedDigests);
  }

  private Window<StoryDigest> windowing() {
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
    return Window.<StoryDigest>into(new PublicationWindowFn(windows))
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

  static class StampFn extends DoFn<Article, StoryDigest> {
    private final Counter dated = Metrics.counter(WindowByPublication.class, "dated");
    private final Counter undatedSkipped =
        Metrics.counter(WindowByPublication.class, "undatedNotCounted");
    private final Counter undatedByIngest =
        Metrics.counter(WindowByPublication.class, "undatedWindowedByIngestTime");
    private final StorySignatures signatures = new StorySignatures();
    private final PublicationWindows windows;
    private final UndatedPolicy policy;
    private final Counter closedNeighbours =
        Metrics.counter(WindowByPublication.class, "closedNeighbourWindowsSkipped");
    private final long horizonMillis;
    private final Lateness lateness;

    /**
     * @param lateness in streaming, the allowed lateness, to leave out neighbouring windows that
     *     have closed; null in batch
     */
    StampFn(
        PublicationWindows windows, UndatedPolicy policy, long horizonMillis, Lateness lateness) {
      this.windows = windows;
      this.policy = policy;
      this.horizonMillis = horizonMillis;
      this.lateness = lateness;
    }

    @ProcessElement
    public void process(@Element Article a, @Timestamp Instant timestamp, MultiOutputReceiver out) {
      java.time.Instant t = a.getPublished();
      if (t != null) {
        dated.inc();
      } else if (policy == UndatedPolicy.INGEST_TIME && a.getIngested() != null) {
        undatedByIngest.inc();
        t = a.getIngested();
      } else {
        undatedSkipped.inc();
        out.get(UNDATED)
            .outputWithTimestamp(
                signatures.digest(a, Long.MIN_VALUE), BoundedWindow.TIMESTAMP_MIN_VALUE);
        return;
      }
      long time = t.toEpochMilli();
      StoryDigest digest = signatures.digest(a, time);
      for (java.time.Instant[] w : windows.windowsNear(t, horizonMillis)) {
        // In streaming, LatenessGate stamps each article with its watermark estimate. A
        // neighbouring window that closed by then would only drop the copy (and count it as
        // dropped due to lateness); the article's own window is open, or the gate would not
        // have passed it.
        boolean own = !t.isBefore(w[0]) && t.isBefore(w[1]);
        if (lateness != null
            && !own
            && lateness.isLate(w[1].toEpochMilli(), timestamp.getMillis())) {
          closedNeighbours.inc();
          continue;
        }
        long inside = Math.max(w[0].toEpochMilli(), Math.min(time, w[1].toEpochMilli() - 1));
        out.get(DATED).outputWithTimestamp(digest, new Instant(inside));
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
