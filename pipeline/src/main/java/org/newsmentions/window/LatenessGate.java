package org.newsmentions.window;

import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Gauge;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.newsmentions.deadletter.DeadLetters;
import org.newsmentions.parse.ArticleJsonLine;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DeadLetter;

/**
 * Streaming only: sends articles that arrive after their publication window has closed to the dead
 * letters (stage {@code window}, reason {@code late}) instead of letting the window's GroupByKey
 * drop them silently, and passes every other article on. Batch has no late data and does not use
 * it.
 *
 * <p><b>Input</b>: parsed articles in the global window, stamped by their source. <b>Output</b>:
 * {@link #PASSED}, the articles whose window is still open, re-stamped with the gate's watermark
 * estimate (see below); {@link #LATE}, one dead letter per late article, whose payload is the
 * parsed article as a news-please JSON line (url, source_domain, title, maintext, date_publish,
 * date_download, language), so it can be fed back as input. The raw record is not kept after
 * parsing, so the payload is the clean text, not the original bytes. Nothing is dropped.
 *
 * <p><b>The rule.</b> A DoFn cannot read the watermark, so the gate keeps its own estimate: the
 * highest source timestamp it has seen minus {@code maxOutOfOrder}. An article is late when its
 * window's last timestamp plus the allowed lateness is before the estimate ({@link Lateness}). Its
 * window is the publication-date window; an undated article counted by ingest time is judged by its
 * ingest-time window; an undated article that is counted in no window is never late.
 *
 * <p><b>The source contract.</b> Streaming sources must keep their watermark at or below the
 * highest source timestamp they have emitted minus {@code maxOutOfOrder}. The Kafka source's
 * timestamp policy is defined as exactly that (publication time, minus {@code maxOutOfOrder}, the
 * minimum over partitions); a {@code TestStream} must advance its watermark no further. A source
 * that cannot know publication times (the folder watcher) stamps its records with {@link
 * BoundedWindow#TIMESTAMP_MIN_VALUE}; the gate then takes the parsed publication time as the source
 * timestamp.
 *
 * <p><b>Why nothing passed can be dropped later.</b> Under the contract, the gate's estimate is an
 * upper bound of the watermark for everything the gate has seen, but elements still in flight
 * between the source and the gate could let the real watermark run ahead of it. So the gate does
 * not trust the bound alone: a timer's output timestamp holds the gate's output watermark at the
 * estimate, and each passed article is emitted at the estimate. Downstream, the watermark is
 * therefore at most the estimate at the moment an article was passed until that article has been
 * grouped (runners keep an element ahead of any watermark that it precedes), and the article's
 * window closes at or after that estimate, so its GroupByKey cannot drop it. The hold exists from
 * the start: a marker element at the start of time, flattened into the gate's input, sets it at the
 * beginning of time before any article arrives. So a source whose watermark runs ahead of the
 * contract (the folder watcher's is the wall clock) cannot make windows close before the gate says
 * so: downstream, the event-time clock is the smaller of the source's watermark and the estimate.
 * Whatever still slips through is counted by Beam's {@code droppedDueToLateness} counter, which the
 * progress log reports.
 *
 * <p><b>Parallelism.</b> The estimate must be the maximum over all articles, so the gate runs on
 * one key: per-key maxima of shards would each be lower than the global one and lose the bound (a
 * shard that saw only old articles would pass articles that another shard's source partition has
 * already made late). The gate's work per article is one state read and a comparison; parsing,
 * which runs before it in parallel, costs a thousand times more.
 *
 * <p>A {@link Gauge} {@code LatenessGate.watermarkEstimate} publishes the estimate (epoch millis)
 * for the progress log; counters count passed and late articles.
 */
public class LatenessGate extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final TupleTag<Article> PASSED = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> LATE = new TupleTag<>() {};

  /** Stage name of the gate's dead letters. */
  public static final String STAGE = "window";

  /** How far the gate's watermark estimate trails the highest source timestamp, by default. */
  public static final Duration DEFAULT_MAX_OUT_OF_ORDER = Duration.standardDays(1);

  private final PublicationWindows windows;
  private final UndatedPolicy undated;
  private final Duration allowedLateness;
  private final Duration maxOutOfOrder;

  private LatenessGate(
      PublicationWindows windows,
      UndatedPolicy undated,
      Duration allowedLateness,
      Duration maxOutOfOrder) {
    this.windows = Objects.requireNonNull(windows, "windows");
    this.undated = Objects.requireNonNull(undated, "undated");
    this.allowedLateness = Objects.requireNonNull(allowedLateness, "allowedLateness");
    this.maxOutOfOrder = Objects.requireNonNull(maxOutOfOrder, "maxOutOfOrder");
    // Fails at construction on a negative duration rather than when the pipeline runs.
    lateness();
  }

  /**
   * A gate for daily UTC windows, undated articles counted in no window, the windows' default
   * allowed lateness and {@link #DEFAULT_MAX_OUT_OF_ORDER}; change them with the {@code with*}
   * methods, which return copies.
   */
  public static LatenessGate create() {
    return new LatenessGate(
        PublicationWindows.DAILY_UTC,
        UndatedPolicy.SKIP,
        WindowByPublication.DEFAULT_ALLOWED_LATENESS,
        DEFAULT_MAX_OUT_OF_ORDER);
  }

  /** The windows whose closing makes an article late: those of {@link WindowByPublication}. */
  public LatenessGate withWindows(PublicationWindows value) {
    return new LatenessGate(value, undated, allowedLateness, maxOutOfOrder);
  }

  /** Under {@link UndatedPolicy#INGEST_TIME}, undated articles are judged by their ingest time. */
  public LatenessGate withUndated(UndatedPolicy value) {
    return new LatenessGate(windows, value, allowedLateness, maxOutOfOrder);
  }

  /** How long after its end a window still takes articles: the windows' allowed lateness. */
  public LatenessGate withAllowedLateness(Duration value) {
    return new LatenessGate(windows, undated, value, maxOutOfOrder);
  }

  /** How far behind the highest source timestamp seen the gate's watermark estimate trails. */
  public LatenessGate withMaxOutOfOrder(Duration value) {
    return new LatenessGate(windows, undated, allowedLateness, value);
  }

  private Lateness lateness() {
    return new Lateness(allowedLateness.getMillis(), maxOutOfOrder.getMillis());
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    KvCoder<String, Article> coder =
        KvCoder.of(StringUtf8Coder.of(), NullableCoder.of(AvroCoder.of(Article.class)));
    PCollection<KV<String, Article>> keyed =
        articles
            // The estimate is one value over the whole stream: one key in the global window.
            .apply("IntoGlobalWindow", Window.into(new GlobalWindows()))
            .apply("OneKey", WithKeys.of(KEY))
            .setCoder(coder);
    // A marker at the start of time sets the hold before any article arrives, so a source whose
    // watermark moves before its first article (a watcher polling an empty folder) cannot close
    // windows ahead of the gate.
    PCollection<KV<String, Article>> start =
        articles
            .getPipeline()
            .apply("StartMarker", Create.of(KV.of(KEY, (Article) null)).withCoder(coder));
    PCollectionTuple out =
        PCollectionList.of(start)
            .and(keyed)
            .apply("MarkerAndArticles", Flatten.pCollections())
            .apply(
                "JudgeLateness",
                ParDo.of(new GateFn(windows, undated, lateness()))
                    .withOutputTags(PASSED, TupleTagList.of(LATE)));
    out.get(PASSED).setCoder(AvroCoder.of(Article.class));
    out.get(LATE).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }

  private static final String KEY = "gate";

  /** Judges each article; a null article is the start marker. */
  static class GateFn extends DoFn<KV<String, Article>, Article> {
    private final Counter passed = Metrics.counter(LatenessGate.class, "passed");
    private final Counter late = Metrics.counter(LatenessGate.class, "late");
    private final Gauge estimateGauge = Metrics.gauge(LatenessGate.class, "watermarkEstimate");

    @StateId("highestSeen")
    private final StateSpec<ValueState<Long>> highestSeenSpec = StateSpecs.value(VarLongCoder.of());

    @TimerId("hold")
    private final TimerSpec holdSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    private final PublicationWindows windows;
    private final UndatedPolicy undated;
    private final Lateness lateness;

    GateFn(PublicationWindows windows, UndatedPolicy undated, Lateness lateness) {
      this.windows = windows;
      this.undated = undated;
      this.lateness = lateness;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Article> element,
        @Timestamp Instant timestamp,
        @StateId("highestSeen") ValueState<Long> highestSeen,
        @TimerId("hold") Timer hold,
        MultiOutputReceiver out) {
      Article a = element.getValue();
      Long before = highestSeen.read();
      if (a == null) {
        if (before == null) {
          // The start marker: hold at the beginning of time until the first article.
          hold.withOutputTimestamp(BoundedWindow.TIMESTAMP_MIN_VALUE)
              .set(GlobalWindow.INSTANCE.maxTimestamp());
        }
        return;
      }
      long sourceTime = sourceTime(timestamp.getMillis(), a);
      long highest = before == null ? sourceTime : Math.max(before, sourceTime);
      long estimate = lateness.estimate(highest, BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis());
      if (before == null || highest > before) {
        highestSeen.write(highest);
        // Holds this step's output watermark at the estimate until the end of the stream.
        hold.withOutputTimestamp(new Instant(estimate)).set(GlobalWindow.INSTANCE.maxTimestamp());
        estimateGauge.set(estimate);
      }
      java.time.Instant eventTime = eventTime(a);
      if (eventTime != null) {
        java.time.Instant[] window = windows.windowOf(eventTime);
        if (lateness.isLate(window[1].toEpochMilli(), estimate)) {
          late.inc();
          out.get(LATE)
              .output(
                  DeadLetters.of(
                      a.getSource(),
                      STAGE,
                      lateness.reason(eventTime, window, estimate),
                      null,
                      payload(a),
                      java.time.Instant.now()));
          return;
        }
      }
      passed.inc();
      out.get(PASSED).outputWithTimestamp(a, new Instant(estimate));
    }

    @OnTimer("hold")
    public void onHold() {
      // Fires only when the input ends: releasing the hold lets the last windows close.
    }

    /**
     * The source's timestamp, or the publication time when the source stamped none (the minimum
     * timestamp: the folder watcher, which cannot know publication times).
     */
    private static long sourceTime(long timestamp, Article a) {
      if (timestamp > BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis()) {
        return timestamp;
      }
      return a.getPublished() != null ? a.getPublished().toEpochMilli() : timestamp;
    }

    private java.time.Instant eventTime(Article a) {
      if (a.getPublished() != null) {
        return a.getPublished();
      }
      return undated == UndatedPolicy.INGEST_TIME ? a.getIngested() : null;
    }

    /** Passed articles move to the estimate, which may be earlier than their source stamp. */
    @Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }

  /** The parsed article as one news-please JSON line, which the parser reads back. */
  static byte[] payload(Article a) {
    return ArticleJsonLine.of(a);
  }
}
