package org.newsmentions.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.newsmentions.schema.Article;

/**
 * Recognises copies of one story across outlets and keeps one, within a horizon of publication time
 * that crosses window boundaries.
 *
 * <p>Input: {@link #INPUT_ARTICLES} (the articles, any windowing) and the digests from
 * WindowByPublication: {@link #DATED_DIGESTS}, in publication windows, each window holding its own
 * articles' digests and those of its neighbours within the horizon; {@link #UNDATED_DIGESTS} in the
 * global window. Each window decides for its own articles from the digests within its horizon, so
 * the result depends only on the set of articles, never on their arrival order. The kept copy is
 * the earliest published, ties broken by a text hash. Undated articles are deduplicated with no
 * horizon, among themselves (streaming) or with every article (batch).
 *
 * <p>Batch: {@link KeyedDeduplication}, steps keyed by article id, LSH bucket, (window, article)
 * and (window, story), so no key holds a window (docs/scaling.md). Streaming: each window pane
 * groups the window's whole horizon under one key and re-clusters it; panes accumulate, and a copy
 * published earlier but arriving later corrects the window's next pane.
 *
 * <p>Output: {@link #ARTICLES}, every current article with {@code duplicate_of}, {@code story_id},
 * {@code copies} and {@code outlets} written in (again whenever a later pane changes its verdict;
 * an older version of a re-scraped URL is dropped, counted by a counter); {@link #KEPT}, one {@link
 * KeptStories} per dated window and pane in streaming, or one per kept story in batch (counted per
 * window and entity).
 */
public class DeduplicateAcrossOutlets extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<Article> INPUT_ARTICLES = new TupleTag<>() {};
  public static final TupleTag<StoryDigest> DATED_DIGESTS = new TupleTag<>() {};
  public static final TupleTag<StoryDigest> UNDATED_DIGESTS = new TupleTag<>() {};
  public static final TupleTag<Article> ARTICLES = new TupleTag<>() {};
  public static final TupleTag<KeptStories> KEPT = new TupleTag<>() {};
  static final TupleTag<KV<String, StoryVerdict>> VERDICTS = new TupleTag<>() {};

  /** Near-duplicate detection (MinHash/LSH) unless told otherwise. */
  public static final DedupMode DEFAULT_MODE = DedupMode.NEAR;

  /** The estimated Jaccard similarity above which two bodies are copies, by default. */
  public static final double DEFAULT_THRESHOLD = StorySignatures.DEFAULT_THRESHOLD;

  /** Copies published further apart than this are separate stories, by default. */
  public static final Duration DEFAULT_HORIZON = Duration.standardDays(3);

  /**
   * A retention that never ends: the join keeps its state without a timer (batch, where every
   * verdict is final before any state could expire).
   */
  public static final Duration RETAIN_FOREVER = Duration.millis(Long.MAX_VALUE);

  private final DedupMode mode;
  private final double threshold;
  private final long horizonMillis;
  private final long retentionMillis;
  private final boolean streaming;
  private final boolean undatedByIngestTime;
  private final WindowLayout windows;
  private final WindowFn<Object, ?> windowFn;

  private DeduplicateAcrossOutlets(
      DedupMode mode,
      double threshold,
      long horizonMillis,
      long retentionMillis,
      boolean streaming,
      boolean undatedByIngestTime,
      WindowLayout windows,
      WindowFn<Object, ?> windowFn) {
    if (horizonMillis < 0 || retentionMillis < 0) {
      throw new IllegalArgumentException("the dedup horizon and retention must not be negative");
    }
    this.mode = Objects.requireNonNull(mode, "mode");
    this.threshold = threshold;
    this.horizonMillis = horizonMillis;
    this.retentionMillis = retentionMillis;
    this.streaming = streaming;
    this.undatedByIngestTime = undatedByIngestTime;
    this.windows = windows;
    this.windowFn = windowFn;
  }

  /**
   * Batch, {@link #DEFAULT_MODE}, {@link #DEFAULT_THRESHOLD}, {@link #DEFAULT_HORIZON}, {@link
   * #RETAIN_FOREVER}, undated articles counted in no window; change them with the {@code with*}
   * methods, which return copies.
   */
  public static DeduplicateAcrossOutlets create() {
    return new DeduplicateAcrossOutlets(
        DEFAULT_MODE,
        DEFAULT_THRESHOLD,
        DEFAULT_HORIZON.getMillis(),
        RETAIN_FOREVER.getMillis(),
        false,
        false,
        null,
        null);
  }

  /** How copies are recognised: not at all, identical clean text, or similar text. */
  public DeduplicateAcrossOutlets withMode(DedupMode value) {
    return new DeduplicateAcrossOutlets(
        value,
        threshold,
        horizonMillis,
        retentionMillis,
        streaming,
        undatedByIngestTime,
        windows,
        windowFn);
  }

  /** In {@link DedupMode#NEAR}: the estimated Jaccard similarity from which bodies are copies. */
  public DeduplicateAcrossOutlets withThreshold(double value) {
    return new DeduplicateAcrossOutlets(
        mode,
        value,
        horizonMillis,
        retentionMillis,
        streaming,
        undatedByIngestTime,
        windows,
        windowFn);
  }

  /** Copies further apart in publication time than this are separate stories. */
  public DeduplicateAcrossOutlets withHorizon(Duration value) {
    return new DeduplicateAcrossOutlets(
        mode,
        threshold,
        value.getMillis(),
        retentionMillis,
        streaming,
        undatedByIngestTime,
        windows,
        windowFn);
  }

  /**
   * How long after an article's event time its verdict may still change (window length, horizon and
   * allowed lateness): the streaming join keeps its state that long. {@link #RETAIN_FOREVER} keeps
   * it without a timer.
   */
  public DeduplicateAcrossOutlets withRetention(Duration value) {
    return new DeduplicateAcrossOutlets(
        mode,
        threshold,
        horizonMillis,
        value.getMillis(),
        streaming,
        undatedByIngestTime,
        windows,
        windowFn);
  }

  /**
   * In batch an undated article is also compared with every dated one; in streaming (where that
   * would need unbounded state) only with the other undated ones, and verdicts are joined as they
   * come.
   */
  public DeduplicateAcrossOutlets withStreaming(boolean value) {
    return new DeduplicateAcrossOutlets(
        mode,
        threshold,
        horizonMillis,
        retentionMillis,
        value,
        undatedByIngestTime,
        windows,
        windowFn);
  }

  /**
   * Whether undated articles are windowed by their ingest time (then their join state expires from
   * it like a dated article's) rather than counted in no window.
   */
  public DeduplicateAcrossOutlets withUndatedByIngestTime(boolean value) {
    return new DeduplicateAcrossOutlets(
        mode, threshold, horizonMillis, retentionMillis, streaming, value, windows, windowFn);
  }

  /**
   * The publication windows (as arithmetic, and as the WindowFn the digests are windowed with):
   * needed in batch, where each step is keyed by article, bucket or story rather than by window.
   */
  public DeduplicateAcrossOutlets withWindows(WindowLayout layout, WindowFn<Object, ?> fn) {
    return new DeduplicateAcrossOutlets(
        mode,
        threshold,
        horizonMillis,
        retentionMillis,
        streaming,
        undatedByIngestTime,
        layout,
        fn);
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple input) {
    if (!streaming) {
      return expandKeyed(input);
    }
    // Streaming: each window pane re-clusters the window's horizon under one key (see
    // docs/scaling.md for why the keyed steps are batch-only for now).
    PCollectionTuple dated = cluster(input.get(DATED_DIGESTS), "Dated", horizonMillis);
    PCollection<StoryDigest> undatedVisible = input.get(UNDATED_DIGESTS);
    PCollectionTuple undated = cluster(undatedVisible, "Undated", StoryClusterer.UNBOUNDED);
    PCollection<KV<String, StoryVerdict>> verdicts =
        PCollectionList.of(EnrichArticles.toGlobal(dated.get(VERDICTS), "DatedVerdicts", true))
            .and(EnrichArticles.toGlobal(undated.get(VERDICTS), "UndatedVerdicts", true))
            .apply("AllVerdicts", Flatten.pCollections());
    PCollection<Article> enriched =
        EnrichArticles.joinStreaming(
            input.get(INPUT_ARTICLES), verdicts, retentionMillis, undatedByIngestTime);
    return PCollectionTuple.of(ARTICLES, enriched).and(KEPT, dated.get(KEPT));
  }

  /**
   * Batch: {@link KeyedDeduplication} over every version once (dated ones from their own window),
   * so no key holds a window's digests.
   */
  private PCollectionTuple expandKeyed(PCollectionTuple input) {
    if (windows == null || windowFn == null) {
      throw new IllegalStateException("batch deduplication needs withWindows(...)");
    }
    PCollection<StoryDigest> all =
        PCollectionList.of(input.get(UNDATED_DIGESTS))
            .and(
                input
                    .get(DATED_DIGESTS)
                    .apply("OwnWindowDigests", ParDo.of(new OwnWindowOnlyFn()))
                    .setCoder(DedupCoders.DigestCoder.of())
                    .apply(
                        "DatedToGlobal",
                        Window.<StoryDigest>into(new GlobalWindows())
                            .triggering(DefaultTrigger.of())
                            .accumulatingFiredPanes()
                            .withAllowedLateness(Duration.ZERO)))
            .apply("UndatedAndDated", Flatten.pCollections())
            // Every step keeps the earliest timestamp, and all start at the beginning of time, so
            // the kept stories can be stamped into their publication windows at the end without
            // being behind the watermark.
            .apply("AtStartOfTime", ParDo.of(new AtStartOfTimeFn()))
            .setCoder(DedupCoders.DigestCoder.of())
            .apply(
                "KeepEarliestTimestamp",
                Window.<StoryDigest>into(new GlobalWindows())
                    .triggering(DefaultTrigger.of())
                    .discardingFiredPanes()
                    .withAllowedLateness(Duration.ZERO)
                    .withTimestampCombiner(TimestampCombiner.EARLIEST));
    PCollectionTuple keyed =
        all.apply(
            "KeyedDedup",
            new KeyedDeduplication(
                new KeyedDedup(
                    mode, threshold, horizonMillis, windows, KeyedDedup.DEFAULT_BUCKET_CAP),
                windowFn,
                KeyedDeduplication.DEFAULT_ROUNDS));
    PCollection<Article> enriched =
        EnrichArticles.joinBatch(input.get(INPUT_ARTICLES), keyed.get(KeyedDeduplication.VERDICTS));
    return PCollectionTuple.of(ARTICLES, enriched).and(KEPT, keyed.get(KeyedDeduplication.KEPT));
  }

  private PCollectionTuple cluster(PCollection<StoryDigest> digests, String name, long horizon) {
    PCollectionTuple out =
        digests
            .apply("KeyByWindow" + name, WithKeys.of("window"))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), DedupCoders.DigestCoder.of()))
            .apply("GroupWindow" + name, GroupByKey.create())
            .apply(
                "ClusterStories" + name,
                ParDo.of(new ClusterFn(new StoryDeduplicator(mode, threshold, horizon)))
                    .withOutputTags(KEPT, TupleTagList.of(VERDICTS)));
    out.get(KEPT).setCoder(DedupCoders.KeptCoder.of());
    out.get(VERDICTS).setCoder(KvCoder.of(StringUtf8Coder.of(), DedupCoders.VerdictCoder.of()));
    return out;
  }

  /** Keeps only the copy of each dated digest that sits in the article's own window. */
  static class OwnWindowOnlyFn extends DoFn<StoryDigest, StoryDigest> {
    @ProcessElement
    public void process(
        @Element StoryDigest d, @Timestamp Instant timestamp, OutputReceiver<StoryDigest> out) {
      if (timestamp.getMillis() == d.candidate().eventTime()) {
        out.output(d);
      }
    }
  }

  /** Stamps every element with the minimum timestamp (moving it back, so any skew is allowed). */
  static class AtStartOfTimeFn extends DoFn<StoryDigest, StoryDigest> {
    @ProcessElement
    public void process(@Element StoryDigest d, OutputReceiver<StoryDigest> out) {
      out.outputWithTimestamp(d, BoundedWindow.TIMESTAMP_MIN_VALUE);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }

  static class ClusterFn extends DoFn<KV<String, Iterable<StoryDigest>>, KeptStories> {
    private final Counter duplicates =
        Metrics.counter(DeduplicateAcrossOutlets.class, "duplicateVerdicts");
    private final Counter superseded =
        Metrics.counter(DeduplicateAcrossOutlets.class, "superseded");
    private final StoryDeduplicator deduplicator;

    ClusterFn(StoryDeduplicator deduplicator) {
      this.deduplicator = deduplicator;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<StoryDigest>> group,
        BoundedWindow window,
        MultiOutputReceiver out) {
      List<StoryDigest> visible = new ArrayList<>();
      group.getValue().forEach(visible::add);
      // In the global window the members are the undated digests (event time MIN_VALUE).
      long start = Long.MIN_VALUE;
      long end = Long.MIN_VALUE + 1;
      if (window instanceof IntervalWindow w) {
        start = w.start().getMillis();
        end = w.end().getMillis();
      }
      StoryDeduplicator.Result result = deduplicator.deduplicate(visible, start, end);
      for (StoryDeduplicator.Decision d : result.decisions()) {
        if (d.verdict().duplicateOf() != null) {
          duplicates.inc();
        }
        out.get(VERDICTS).output(KV.of(d.versionKey(), d.verdict()));
      }
      superseded.inc(result.superseded());
      out.get(KEPT).output(new KeptStories(result.kept()));
    }
  }
}
