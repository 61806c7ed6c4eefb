package org.newsmentions.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;
import org.newsmentions.schema.Article;
import org.newsmentions.window.PublicationWindowFn;
import org.newsmentions.window.PublicationWindows;

/**
 * Recognises copies of one story across outlets and keeps one, within a horizon of publication time
 * that crosses window boundaries.
 *
 * <p>Each article becomes a digest (signature, text hash, entities: about 1 KB) that is placed in
 * its own window and in every window within the horizon of it. Each window's pane then decides, for
 * its own articles, from the whole set of digests it holds: panes accumulate, so a window's result
 * depends only on the set of articles, never on their arrival order, and a copy published earlier
 * but arriving later corrects the window's next pane. The kept copy is the earliest published, ties
 * broken by a text hash.
 *
 * <p>Outputs: {@link #ARTICLES}, every current article with {@code duplicate_of}, {@code story_id},
 * {@code copies} and {@code outlets} written in (again whenever a later pane changes its verdict;
 * an older version of a re-scraped URL is dropped and counted); {@link #KEPT}, one {@link
 * KeptStories} per window and pane, for counting.
 *
 * <p>Undated articles (in the global window) are deduplicated among themselves, with no horizon.
 */
public class DeduplicateAcrossOutlets extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final TupleTag<Article> ARTICLES = new TupleTag<>() {};
  public static final TupleTag<KeptStories> KEPT = new TupleTag<>() {};
  static final TupleTag<KV<String, StoryVerdict>> VERDICTS = new TupleTag<>() {};

  private final DedupMode mode;
  private final double threshold;
  private final PublicationWindows windows;
  private final long horizonMillis;
  private final long retentionMillis;

  /**
   * @param windows the publication windows the input is in, or null for input in the global window
   * @param horizonMillis copies further apart in publication time than this are separate stories
   * @param allowedLatenessMillis how long after a window's end its verdicts may still change
   */
  public DeduplicateAcrossOutlets(
      DedupMode mode,
      double threshold,
      PublicationWindows windows,
      long horizonMillis,
      long allowedLatenessMillis) {
    this.mode = mode;
    this.threshold = threshold;
    this.windows = windows;
    this.horizonMillis = horizonMillis;
    this.retentionMillis =
        windows == null
            ? Long.MAX_VALUE
            : horizonMillis + allowedLatenessMillis + windows.sizeMillis() + 3_600_000L;
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    PCollection<StoryDigest> digests =
        articles
            .apply("Digest", ParDo.of(new DigestFn()))
            .setCoder(SerializableCoder.of(StoryDigest.class));
    if (windows != null) {
      // Keeps the trigger, lateness and accumulation of the publication windows.
      digests =
          digests.apply(
              "IntoHorizonWindows", Window.into(new PublicationWindowFn(windows, horizonMillis)));
    }
    long horizon = windows == null ? StoryClusterer.UNBOUNDED : horizonMillis;
    PCollectionTuple clustered =
        digests
            .apply("KeyByWindow", WithKeys.of("window"))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(StoryDigest.class)))
            .apply("GroupWindow", GroupByKey.create())
            .apply(
                "ClusterStories",
                ParDo.of(new ClusterFn(new StoryDeduplicator(mode, threshold, horizon)))
                    .withOutputTags(KEPT, TupleTagList.of(VERDICTS)));
    clustered.get(KEPT).setCoder(SerializableCoder.of(KeptStories.class));
    clustered
        .get(VERDICTS)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(StoryVerdict.class)));
    PCollection<Article> enriched =
        EnrichArticles.join(articles, clustered.get(VERDICTS), retentionMillis);
    return PCollectionTuple.of(ARTICLES, enriched).and(KEPT, clustered.get(KEPT));
  }

  static class DigestFn extends DoFn<Article, StoryDigest> {
    private final StorySignatures signatures = new StorySignatures();

    @ProcessElement
    public void process(
        @Element Article a, @Timestamp Instant timestamp, OutputReceiver<StoryDigest> out) {
      out.output(signatures.digest(a, timestamp.getMillis()));
    }
  }

  static class ClusterFn extends DoFn<KV<String, Iterable<StoryDigest>>, KeptStories> {
    private final Counter duplicates =
        Metrics.counter(DeduplicateAcrossOutlets.class, "duplicates");
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
      long start = Long.MIN_VALUE;
      long end = Long.MAX_VALUE;
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
