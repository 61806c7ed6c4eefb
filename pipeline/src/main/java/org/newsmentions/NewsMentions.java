package org.newsmentions;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;
import org.newsmentions.comentions.CoMentions;
import org.newsmentions.comentions.CountCoMentions;
import org.newsmentions.count.CountMentions;
import org.newsmentions.count.CountPerEntity;
import org.newsmentions.dedup.DedupMode;
import org.newsmentions.dedup.DeduplicateAcrossOutlets;
import org.newsmentions.dedup.KeptStories;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.ExtractEntities;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.parse.ParseArticles;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.EntityCoMentionCount;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.sink.JobOutputs;
import org.newsmentions.window.LatenessGate;
import org.newsmentions.window.PublicationWindowFn;
import org.newsmentions.window.PublicationWindows;
import org.newsmentions.window.UndatedPolicy;
import org.newsmentions.window.WindowByPublication;

/**
 * The whole job between a source and the sinks: ParseArticles, (in streaming) LatenessGate,
 * ExtractEntities, WindowByPublication, DeduplicateAcrossOutlets, CountMentions and
 * CountCoMentions. Input: raw records from any source. Output: per-window entity counts and
 * co-mention counts, the enriched articles (dated and undated, in the global window) and the dead
 * letters (parse failures and, in streaming, articles that arrived after their window closed).
 */
public class NewsMentions extends PTransform<PCollection<RawArticle>, JobOutputs> {

  /**
   * Everything the stages need to be configured, in one serializable, immutable value. Start from
   * {@link #defaults()} (the same values as the command line's defaults) and change what differs
   * with the {@code with*} methods, each of which returns a copy: {@code
   * Settings.defaults().withGazetteer(g).withStreaming(true)}.
   */
  public static final class Settings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ParserSettings parser;
    private final Gazetteer gazetteer;
    private final PublicationWindows windows;
    private final UndatedPolicy undated;
    private final boolean streaming;
    private final Duration allowedLateness;
    private final Duration earlyFiring;
    private final DedupMode dedup;
    private final double dedupThreshold;
    private final Duration dedupHorizon;
    private final Duration maxOutOfOrder;
    private final EntityExtractor.Recognizer recognizer;
    private final long minCoMentions;

    private Settings(
        ParserSettings parser,
        Gazetteer gazetteer,
        PublicationWindows windows,
        UndatedPolicy undated,
        boolean streaming,
        Duration allowedLateness,
        Duration earlyFiring,
        DedupMode dedup,
        double dedupThreshold,
        Duration dedupHorizon,
        Duration maxOutOfOrder,
        EntityExtractor.Recognizer recognizer,
        long minCoMentions) {
      if (minCoMentions < 1) {
        throw new IllegalArgumentException(
            "the minimum of articles for a co-mention must be at least 1, not " + minCoMentions);
      }
      this.minCoMentions = minCoMentions;
      this.parser = Objects.requireNonNull(parser, "parser");
      this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
      this.windows = Objects.requireNonNull(windows, "windows");
      this.undated = Objects.requireNonNull(undated, "undated");
      this.streaming = streaming;
      this.allowedLateness = Objects.requireNonNull(allowedLateness, "allowedLateness");
      this.earlyFiring = Objects.requireNonNull(earlyFiring, "earlyFiring");
      this.dedup = Objects.requireNonNull(dedup, "dedup");
      this.dedupThreshold = dedupThreshold;
      this.dedupHorizon = Objects.requireNonNull(dedupHorizon, "dedupHorizon");
      this.maxOutOfOrder = Objects.requireNonNull(maxOutOfOrder, "maxOutOfOrder");
      this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
    }

    /** A mutable copy of every setting: what the {@code with*} methods change one field of. */
    private static final class Copy {
      ParserSettings parser;
      Gazetteer gazetteer;
      PublicationWindows windows;
      UndatedPolicy undated;
      boolean streaming;
      Duration allowedLateness;
      Duration earlyFiring;
      DedupMode dedup;
      double dedupThreshold;
      Duration dedupHorizon;
      Duration maxOutOfOrder;
      EntityExtractor.Recognizer recognizer;
      long minCoMentions;

      Copy(Settings s) {
        parser = s.parser;
        gazetteer = s.gazetteer;
        windows = s.windows;
        undated = s.undated;
        streaming = s.streaming;
        allowedLateness = s.allowedLateness;
        earlyFiring = s.earlyFiring;
        dedup = s.dedup;
        dedupThreshold = s.dedupThreshold;
        dedupHorizon = s.dedupHorizon;
        maxOutOfOrder = s.maxOutOfOrder;
        recognizer = s.recognizer;
        minCoMentions = s.minCoMentions;
      }
    }

    private Settings(Copy c) {
      this(
          c.parser,
          c.gazetteer,
          c.windows,
          c.undated,
          c.streaming,
          c.allowedLateness,
          c.earlyFiring,
          c.dedup,
          c.dedupThreshold,
          c.dedupHorizon,
          c.maxOutOfOrder,
          c.recognizer,
          c.minCoMentions);
    }

    /** A copy of these settings with {@code change} applied. */
    private Settings copy(java.util.function.Consumer<Copy> change) {
      Copy c = new Copy(this);
      change.accept(c);
      return new Settings(c);
    }

    /**
     * Batch; the parser's defaults (system clock); the bundled gazetteer (immutable, read once);
     * daily windows in UTC; undated articles counted in no window; the stages' default lateness,
     * early firing, dedup mode, threshold and horizon, and watermark delay.
     */
    public static Settings defaults() {
      return new Settings(
          ParserSettings.defaults(),
          BundledGazetteer.INSTANCE,
          PublicationWindows.DAILY_UTC,
          UndatedPolicy.SKIP,
          false,
          WindowByPublication.DEFAULT_ALLOWED_LATENESS,
          WindowByPublication.DEFAULT_EARLY_FIRING,
          DeduplicateAcrossOutlets.DEFAULT_MODE,
          DeduplicateAcrossOutlets.DEFAULT_THRESHOLD,
          DeduplicateAcrossOutlets.DEFAULT_HORIZON,
          LatenessGate.DEFAULT_MAX_OUT_OF_ORDER,
          EntityExtractor.Recognizer.defaultChoice(),
          CoMentions.DEFAULT_MIN_ARTICLES);
    }

    /** How names outside the gazetteer are found ({@code --recognizer}). */
    public Settings withRecognizer(EntityExtractor.Recognizer value) {
      return copy(c -> c.recognizer = value);
    }

    public EntityExtractor.Recognizer recognizer() {
      return recognizer;
    }

    /** A co-mentioned pair is written when this many kept articles of a window name both. */
    public Settings withMinCoMentions(long value) {
      return copy(c -> c.minCoMentions = value);
    }

    public long minCoMentions() {
      return minCoMentions;
    }

    public Settings withParser(ParserSettings value) {
      return copy(c -> c.parser = value);
    }

    public Settings withGazetteer(Gazetteer value) {
      return copy(c -> c.gazetteer = value);
    }

    public Settings withWindows(PublicationWindows value) {
      return copy(c -> c.windows = value);
    }

    public Settings withUndated(UndatedPolicy value) {
      return copy(c -> c.undated = value);
    }

    /** Streaming adds the lateness gate, early and late panes, and timers on the join state. */
    public Settings withStreaming(boolean value) {
      return copy(c -> c.streaming = value);
    }

    public Settings withAllowedLateness(Duration value) {
      return copy(c -> c.allowedLateness = value);
    }

    public Settings withEarlyFiring(Duration value) {
      return copy(c -> c.earlyFiring = value);
    }

    public Settings withDedup(DedupMode value) {
      return copy(c -> c.dedup = value);
    }

    public Settings withDedupThreshold(double value) {
      return copy(c -> c.dedupThreshold = value);
    }

    public Settings withDedupHorizon(Duration value) {
      return copy(c -> c.dedupHorizon = value);
    }

    /** How far the streaming sources' watermark trails the highest timestamp seen. */
    public Settings withMaxOutOfOrder(Duration value) {
      return copy(c -> c.maxOutOfOrder = value);
    }

    /** Read once per JVM, on first use: tests and tools call {@link #defaults()} often. */
    private static final class BundledGazetteer {
      static final Gazetteer INSTANCE = Gazetteer.loadDefault();
    }

    public ParserSettings parser() {
      return parser;
    }

    public Gazetteer gazetteer() {
      return gazetteer;
    }

    public PublicationWindows windows() {
      return windows;
    }

    public UndatedPolicy undated() {
      return undated;
    }

    public boolean streaming() {
      return streaming;
    }

    public Duration allowedLateness() {
      return allowedLateness;
    }

    public Duration earlyFiring() {
      return earlyFiring;
    }

    public DedupMode dedup() {
      return dedup;
    }

    public double dedupThreshold() {
      return dedupThreshold;
    }

    public Duration dedupHorizon() {
      return dedupHorizon;
    }

    public Duration maxOutOfOrder() {
      return maxOutOfOrder;
    }
  }

  private final Settings settings;

  public NewsMentions(Settings settings) {
    this.settings = settings;
  }

  @Override
  public JobOutputs expand(PCollection<RawArticle> raw) {
    PCollectionTuple parsed = raw.apply("ParseArticles", new ParseArticles(settings.parser()));
    PCollection<Article> onTime = parsed.get(ParseArticles.ARTICLES);
    PCollection<DeadLetter> deadLetters = parsed.get(ParseArticles.DEAD_LETTERS);
    if (settings.streaming()) {
      // Articles whose window has closed become dead letters here rather than being dropped by
      // the window's GroupByKey; batch has no late data.
      PCollectionTuple gated =
          onTime.apply(
              "LatenessGate",
              LatenessGate.create()
                  .withWindows(settings.windows())
                  .withUndated(settings.undated())
                  .withAllowedLateness(settings.allowedLateness())
                  .withMaxOutOfOrder(settings.maxOutOfOrder()));
      onTime = gated.get(LatenessGate.PASSED);
      deadLetters =
          PCollectionList.of(deadLetters)
              .and(gated.get(LatenessGate.LATE))
              .apply("ParseAndLateDeadLetters", Flatten.pCollections());
    }
    PCollection<Article> articles =
        onTime.apply(
            "ExtractEntities", new ExtractEntities(settings.gazetteer(), settings.recognizer()));
    PCollectionTuple windowed =
        articles.apply(
            "WindowByPublication",
            WindowByPublication.create()
                .withWindows(settings.windows())
                .withUndated(settings.undated())
                .withStreaming(settings.streaming())
                .withAllowedLateness(settings.allowedLateness())
                .withEarlyFiring(settings.earlyFiring())
                .withHorizon(settings.dedupHorizon()));
    // In batch every verdict is final before any state could expire, so the verdict join keeps
    // its state without a timer (Long.MAX_VALUE): an event-time timer per article only costs the
    // runner watermark bookkeeping (on the Direct Runner, 15% of a run's CPU).
    Duration retention =
        settings.streaming()
            ? Duration.millis(
                settings.windows().sizeMillis()
                    + settings.dedupHorizon().getMillis()
                    + settings.allowedLateness().getMillis())
            : DeduplicateAcrossOutlets.RETAIN_FOREVER;
    PCollectionTuple deduplicated =
        PCollectionTuple.of(DeduplicateAcrossOutlets.INPUT_ARTICLES, articles)
            .and(DeduplicateAcrossOutlets.DATED_DIGESTS, windowed.get(WindowByPublication.DATED))
            .and(
                DeduplicateAcrossOutlets.UNDATED_DIGESTS, windowed.get(WindowByPublication.UNDATED))
            .apply(
                "DeduplicateAcrossOutlets",
                DeduplicateAcrossOutlets.create()
                    .withMode(settings.dedup())
                    .withThreshold(settings.dedupThreshold())
                    .withHorizon(settings.dedupHorizon())
                    .withRetention(retention)
                    .withStreaming(settings.streaming())
                    .withWindows(settings.windows(), new PublicationWindowFn(settings.windows()))
                    .withUndatedByIngestTime(settings.undated() == UndatedPolicy.INGEST_TIME));
    // Streaming: each pane of kept stories is a window's whole set, tallied at once. Batch: counts
    // are combined per (window, entity), so no key holds a window's stories.
    PCollection<KeptStories> kept = deduplicated.get(DeduplicateAcrossOutlets.KEPT);
    PCollection<EntityMentionCount> counts =
        settings.streaming()
            ? kept.apply("CountMentions", new CountMentions())
            : kept.apply("CountMentions", new CountPerEntity());
    PCollection<EntityCoMentionCount> coMentions =
        kept.apply(
            "CountCoMentions",
            CountCoMentions.create()
                .withMinArticles(settings.minCoMentions())
                .withStreaming(settings.streaming())
                .withAllowedLateness(settings.allowedLateness()));
    return JobOutputs.of(
        raw.getPipeline(),
        counts,
        coMentions,
        deduplicated.get(DeduplicateAcrossOutlets.ARTICLES),
        deadLetters,
        kept,
        settings.streaming());
  }
}
