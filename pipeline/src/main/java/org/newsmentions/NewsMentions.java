package org.newsmentions;

import java.io.Serializable;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Duration;
import org.newsmentions.count.CountMentions;
import org.newsmentions.dedup.DedupMode;
import org.newsmentions.dedup.DeduplicateAcrossOutlets;
import org.newsmentions.dedup.KeptStories;
import org.newsmentions.entities.ExtractEntities;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.parse.ParseArticles;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.window.LatenessGate;
import org.newsmentions.window.PublicationWindows;
import org.newsmentions.window.UndatedPolicy;
import org.newsmentions.window.WindowByPublication;

/**
 * The whole job between a source and the sinks: ParseArticles, (in streaming) LatenessGate,
 * ExtractEntities, WindowByPublication, DeduplicateAcrossOutlets and CountMentions. Input: raw
 * records from any source. Output: per-window entity counts, the enriched articles (dated and
 * undated, in the global window) and the dead letters (parse failures and, in streaming, articles
 * that arrived after their window closed).
 */
public class NewsMentions extends PTransform<PCollection<RawArticle>, NewsMentions.Result> {

  /** Everything the stages need to be configured, in one serializable value. */
  public record Settings(
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
      Duration maxOutOfOrder)
      implements Serializable {
    /** How far the streaming sources' watermark trails the highest timestamp, by default. */
    public static final Duration DEFAULT_MAX_OUT_OF_ORDER = Duration.standardDays(1);

    /** Settings with the default {@code maxOutOfOrder} (one day). */
    public Settings(
        ParserSettings parser,
        Gazetteer gazetteer,
        PublicationWindows windows,
        UndatedPolicy undated,
        boolean streaming,
        Duration allowedLateness,
        Duration earlyFiring,
        DedupMode dedup,
        double dedupThreshold,
        Duration dedupHorizon) {
      this(
          parser,
          gazetteer,
          windows,
          undated,
          streaming,
          allowedLateness,
          earlyFiring,
          dedup,
          dedupThreshold,
          dedupHorizon,
          DEFAULT_MAX_OUT_OF_ORDER);
    }
  }

  private final Settings settings;

  public NewsMentions(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Result expand(PCollection<RawArticle> raw) {
    PCollectionTuple parsed = raw.apply("ParseArticles", new ParseArticles(settings.parser()));
    PCollection<Article> onTime = parsed.get(ParseArticles.ARTICLES);
    PCollection<DeadLetter> deadLetters = parsed.get(ParseArticles.DEAD_LETTERS);
    if (settings.streaming()) {
      // Articles whose window has closed become dead letters here rather than being dropped by
      // the window's GroupByKey; batch has no late data.
      PCollectionTuple gated =
          onTime.apply(
              "LatenessGate",
              new LatenessGate(
                  settings.windows(),
                  settings.undated(),
                  settings.allowedLateness(),
                  settings.maxOutOfOrder()));
      onTime = gated.get(LatenessGate.PASSED);
      deadLetters =
          PCollectionList.of(deadLetters)
              .and(gated.get(LatenessGate.LATE))
              .apply("ParseAndLateDeadLetters", Flatten.pCollections());
    }
    PCollection<Article> articles =
        onTime.apply("ExtractEntities", new ExtractEntities(settings.gazetteer()));
    PCollectionTuple windowed =
        articles.apply(
            "WindowByPublication",
            new WindowByPublication(
                settings.windows(),
                settings.undated(),
                settings.streaming(),
                settings.allowedLateness(),
                settings.earlyFiring(),
                settings.dedupHorizon()));
    // In batch every verdict is final before any state could expire, so the verdict join keeps
    // its state without a timer (Long.MAX_VALUE): an event-time timer per article only costs the
    // runner watermark bookkeeping (on the Direct Runner, 15% of a run's CPU).
    long retention =
        settings.streaming()
            ? settings.windows().sizeMillis()
                + settings.dedupHorizon().getMillis()
                + settings.allowedLateness().getMillis()
            : Long.MAX_VALUE;
    PCollectionTuple deduplicated =
        PCollectionTuple.of(DeduplicateAcrossOutlets.INPUT_ARTICLES, articles)
            .and(DeduplicateAcrossOutlets.DATED_DIGESTS, windowed.get(WindowByPublication.DATED))
            .and(
                DeduplicateAcrossOutlets.UNDATED_DIGESTS, windowed.get(WindowByPublication.UNDATED))
            .apply(
                "DeduplicateAcrossOutlets",
                new DeduplicateAcrossOutlets(
                    settings.dedup(),
                    settings.dedupThreshold(),
                    settings.dedupHorizon().getMillis(),
                    retention,
                    settings.streaming(),
                    settings.undated() == UndatedPolicy.INGEST_TIME));
    PCollection<EntityMentionCount> counts =
        deduplicated.get(DeduplicateAcrossOutlets.KEPT).apply("CountMentions", new CountMentions());
    return new Result(
        raw.getPipeline(),
        counts,
        deduplicated.get(DeduplicateAcrossOutlets.ARTICLES),
        deadLetters,
        deduplicated.get(DeduplicateAcrossOutlets.KEPT));
  }

  /**
   * The three outputs of the job, plus the kept stories of each window pane that the counts come
   * from (for sinks that need whole panes, such as the Kafka upserts).
   */
  public static final class Result implements PInput, POutput {
    public static final TupleTag<EntityMentionCount> COUNTS = new TupleTag<>("counts") {};
    public static final TupleTag<Article> ARTICLES = new TupleTag<>("articles") {};
    public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>("deadLetters") {};
    public static final TupleTag<KeptStories> KEPT_STORIES = new TupleTag<>("keptStories") {};

    private final Pipeline pipeline;
    private final PCollection<EntityMentionCount> counts;
    private final PCollection<Article> articles;
    private final PCollection<DeadLetter> deadLetters;
    private final PCollection<KeptStories> keptStories;

    Result(
        Pipeline pipeline,
        PCollection<EntityMentionCount> counts,
        PCollection<Article> articles,
        PCollection<DeadLetter> deadLetters,
        PCollection<KeptStories> keptStories) {
      this.pipeline = pipeline;
      this.counts = counts;
      this.articles = articles;
      this.deadLetters = deadLetters;
      this.keptStories = keptStories;
    }

    public PCollection<EntityMentionCount> counts() {
      return counts;
    }

    public PCollection<Article> articles() {
      return articles;
    }

    public PCollection<DeadLetter> deadLetters() {
      return deadLetters;
    }

    /** One element per dated window pane (empty panes included): what {@link #counts()} tallies. */
    public PCollection<KeptStories> keptStories() {
      return keptStories;
    }

    /** The same result with more dead letters (e.g. the source's) flattened into it. */
    public Result withMoreDeadLetters(PCollection<DeadLetter> more) {
      PCollection<DeadLetter> all =
          org.apache.beam.sdk.values.PCollectionList.of(deadLetters)
              .and(more)
              .apply("AllDeadLetters", org.apache.beam.sdk.transforms.Flatten.pCollections());
      return new Result(pipeline, counts, articles, all, keptStories);
    }

    /** Applies a sink (or any transform of all three outputs) to this result. */
    public <O extends POutput> O apply(String name, PTransform<? super Result, O> transform) {
      return Pipeline.applyTransform(name, this, transform);
    }

    @Override
    public Pipeline getPipeline() {
      return pipeline;
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(
          COUNTS, counts, ARTICLES, articles, DEAD_LETTERS, deadLetters, KEPT_STORIES, keptStories);
    }

    @Override
    public void finishSpecifyingOutput(
        String transformName, PInput input, PTransform<?, ?> transform) {}
  }
}
