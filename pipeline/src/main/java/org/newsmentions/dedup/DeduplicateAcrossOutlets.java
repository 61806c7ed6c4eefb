package org.newsmentions.dedup;

import java.util.ArrayList;
import java.util.List;
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
import org.apache.beam.sdk.transforms.windowing.Window;
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
 * global window. Each window pane decides for its own articles from the whole set it holds: panes
 * accumulate, so the result depends only on the set of articles, never on their arrival order, and
 * a copy published earlier but arriving later corrects the window's next pane. The kept copy is the
 * earliest published, ties broken by a text hash. Undated articles are deduplicated among
 * themselves with no horizon.
 *
 * <p>Output: {@link #ARTICLES}, every current article with {@code duplicate_of}, {@code story_id},
 * {@code copies} and {@code outlets} written in (again whenever a later pane changes its verdict;
 * an older version of a re-scraped URL is dropped, counted by a counter); {@link #KEPT}, one {@link
 * KeptStories} per dated window and pane, for counting.
 */
public class DeduplicateAcrossOutlets extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<Article> INPUT_ARTICLES = new TupleTag<>() {};
  public static final TupleTag<StoryDigest> DATED_DIGESTS = new TupleTag<>() {};
  public static final TupleTag<StoryDigest> UNDATED_DIGESTS = new TupleTag<>() {};
  public static final TupleTag<Article> ARTICLES = new TupleTag<>() {};
  public static final TupleTag<KeptStories> KEPT = new TupleTag<>() {};
  static final TupleTag<KV<String, StoryVerdict>> VERDICTS = new TupleTag<>() {};

  private final DedupMode mode;
  private final double threshold;
  private final long horizonMillis;
  private final long retentionMillis;
  private final boolean streaming;
  private final boolean undatedByIngestTime;

  /**
   * @param horizonMillis copies further apart in publication time than this are separate stories
   * @param retentionMillis how long after an article's event time its verdict may still change
   *     (window length, horizon and allowed lateness): the join state is kept that long
   * @param streaming whether the pipeline runs in streaming mode
   * @param undatedByIngestTime whether undated articles are windowed by their ingest time
   */
  public DeduplicateAcrossOutlets(
      DedupMode mode,
      double threshold,
      long horizonMillis,
      long retentionMillis,
      boolean streaming,
      boolean undatedByIngestTime) {
    this.streaming = streaming;
    this.undatedByIngestTime = undatedByIngestTime;
    this.mode = mode;
    this.threshold = threshold;
    this.horizonMillis = horizonMillis;
    this.retentionMillis = retentionMillis;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple input) {
    PCollectionTuple dated = cluster(input.get(DATED_DIGESTS), "Dated", horizonMillis);
    PCollection<StoryDigest> undatedVisible = input.get(UNDATED_DIGESTS);
    if (!streaming) {
      // In batch an undated article is also compared with every dated one, so an undated copy of
      // a dated story is marked as such. (In streaming this would need unbounded state.)
      undatedVisible =
          PCollectionList.of(undatedVisible)
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
              .apply("UndatedAndDated", Flatten.pCollections());
    }
    PCollectionTuple undated = cluster(undatedVisible, "Undated", StoryClusterer.UNBOUNDED);
    PCollection<KV<String, StoryVerdict>> verdicts =
        PCollectionList.of(EnrichArticles.toGlobal(dated.get(VERDICTS), "DatedVerdicts", streaming))
            .and(EnrichArticles.toGlobal(undated.get(VERDICTS), "UndatedVerdicts", streaming))
            .apply("AllVerdicts", Flatten.pCollections());
    PCollection<Article> enriched =
        EnrichArticles.join(
            input.get(INPUT_ARTICLES), verdicts, retentionMillis, undatedByIngestTime, streaming);
    return PCollectionTuple.of(ARTICLES, enriched).and(KEPT, dated.get(KEPT));
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
