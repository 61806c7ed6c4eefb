package org.newsmentions.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.newsmentions.schema.Article;

/**
 * Recognises copies of one story among the articles of each window and keeps one.
 *
 * <p>All articles of a window are grouped together, so each pane sees the window's whole set (panes
 * accumulate) and the result depends only on that set: the kept copy is the earliest published,
 * ties broken by a text hash. Outputs: {@link #ARTICLES}, every current article with {@code
 * duplicate_of}, {@code story_id}, {@code copies} and {@code outlets} set (an older version of a
 * re-scraped URL is dropped, counted by a counter); {@link #KEPT}, one {@link KeptStories} per
 * window and pane, for counting.
 */
public class DeduplicateAcrossOutlets extends PTransform<PCollection<Article>, PCollectionTuple> {
  public static final TupleTag<Article> ARTICLES = new TupleTag<>() {};
  public static final TupleTag<KeptStories> KEPT = new TupleTag<>() {};

  private final DedupMode mode;
  private final double threshold;

  public DeduplicateAcrossOutlets(DedupMode mode, double threshold) {
    this.mode = mode;
    this.threshold = threshold;
  }

  @Override
  public PCollectionTuple expand(PCollection<Article> articles) {
    PCollectionTuple out =
        articles
            .apply("KeyByWindow", WithKeys.of("window"))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(Article.class)))
            .apply("GroupWindow", GroupByKey.create())
            .apply(
                "ClusterStories",
                ParDo.of(new ClusterFn(new WindowDeduplicator(mode, threshold)))
                    .withOutputTags(ARTICLES, TupleTagList.of(KEPT)));
    out.get(ARTICLES).setCoder(AvroCoder.of(Article.class));
    out.get(KEPT).setCoder(SerializableCoder.of(KeptStories.class));
    return out;
  }

  static class ClusterFn extends DoFn<KV<String, Iterable<Article>>, Article> {
    private final Counter duplicates =
        Metrics.counter(DeduplicateAcrossOutlets.class, "duplicates");
    private final Counter superseded =
        Metrics.counter(DeduplicateAcrossOutlets.class, "superseded");
    private final WindowDeduplicator deduplicator;

    ClusterFn(WindowDeduplicator deduplicator) {
      this.deduplicator = deduplicator;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Article>> window, MultiOutputReceiver out) {
      List<Article> articles = new ArrayList<>();
      window.getValue().forEach(articles::add);
      WindowDeduplicator.Result result = deduplicator.deduplicate(articles);
      for (Article a : result.articles()) {
        if (a.getDuplicateOf() != null) {
          duplicates.inc();
        }
        out.get(ARTICLES).output(a);
      }
      superseded.inc(result.superseded());
      out.get(KEPT).output(new KeptStories(result.kept()));
    }
  }
}
