package org.newsmentions.dedup;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.newsmentions.schema.Article;

/**
 * Writes deduplication's verdicts into the articles.
 *
 * <p>Streaming: a stateful join by article version that holds an article until its verdict comes,
 * and emits it again only when a later pane changes the verdict. State expires a retention period
 * after the article's event time.
 *
 * <p>Batch: a GroupByKey on {@link #BATCH_SHARDS} shards of the version keys, joined in memory per
 * shard. Every article has its verdict by the end of a batch run, so no state or timers are needed;
 * and a few large groups instead of one per article keep the runners' per-bundle costs (on the
 * Direct Runner, translating each downstream step again for every bundle) off the per-article path.
 */
final class EnrichArticles {
  private EnrichArticles() {}

  private static final KvCoder<String, KV<Article, StoryVerdict>> CODER =
      KvCoder.of(
          StringUtf8Coder.of(),
          KvCoder.of(
              NullableCoder.of(AvroCoder.of(Article.class)),
              NullableCoder.of(DedupCoders.VerdictCoder.of())));

  /** Shards of the batch join: enough for a cluster's parallelism, few enough to be cheap. */
  static final int BATCH_SHARDS = 64;

  /**
   * The streaming join: each article's state waits for its verdicts as they come and expires {@code
   * retentionMillis} after its event time (never, for {@code Long.MAX_VALUE}).
   *
   * @param undatedEventTime whether an undated article's ingest time is its event time (it is
   *     windowed by it), so its state expires like a dated article's
   */
  static PCollection<Article> joinStreaming(
      PCollection<Article> articles,
      PCollection<KV<String, StoryVerdict>> verdicts,
      long retentionMillis,
      boolean undatedEventTime) {
    return articlesAndVerdicts(articles, verdicts, true)
        .apply("WriteVerdicts", ParDo.of(new JoinFn(retentionMillis, undatedEventTime)))
        .setCoder(AvroCoder.of(Article.class));
  }

  /** The batch join: every verdict is final, so articles and verdicts meet once, by shard. */
  static PCollection<Article> joinBatch(
      PCollection<Article> articles, PCollection<KV<String, StoryVerdict>> verdicts) {
    return articlesAndVerdicts(articles, verdicts, false)
        .apply("ByShard", WithKeys.of(new ShardOf()))
        .setCoder(KvCoder.of(VarIntCoder.of(), CODER))
        .apply("GroupShards", GroupByKey.create())
        .apply("WriteVerdicts", ParDo.of(new BatchJoinFn()))
        .setCoder(AvroCoder.of(Article.class));
  }

  private static PCollection<KV<String, KV<Article, StoryVerdict>>> articlesAndVerdicts(
      PCollection<Article> articles,
      PCollection<KV<String, StoryVerdict>> verdicts,
      boolean streaming) {
    PCollection<KV<String, KV<Article, StoryVerdict>>> left =
        articles
            .apply("ArticleByVersion", MapElements.via(new ByVersion()))
            .setCoder(CODER)
            .apply("ArticlesToGlobal", global(streaming));
    PCollection<KV<String, KV<Article, StoryVerdict>>> right =
        verdicts.apply("VerdictByVersion", MapElements.via(new VerdictOnly())).setCoder(CODER);
    return PCollectionList.of(left).and(right).apply("ArticlesAndVerdicts", Flatten.pCollections());
  }

  /**
   * Moves a collection into the global window: in streaming passing every element on as it comes,
   * in batch with the default trigger (one pane at the end).
   */
  static <T> PCollection<T> toGlobal(PCollection<T> in, String name, boolean streaming) {
    return in.apply(name + "ToGlobal", global(streaming));
  }

  private static <T> Window<T> global(boolean streaming) {
    Window<T> global = Window.into(new GlobalWindows());
    return streaming
        ? global
            .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
            .discardingFiredPanes()
            .withAllowedLateness(Duration.ZERO)
        : global.triggering(DefaultTrigger.of()).discardingFiredPanes();
  }

  /** The batch join's shard of a version key. */
  static class ShardOf
      implements SerializableFunction<KV<String, KV<Article, StoryVerdict>>, Integer> {
    @Override
    public Integer apply(KV<String, KV<Article, StoryVerdict>> e) {
      return Math.floorMod(e.getKey().hashCode(), BATCH_SHARDS);
    }
  }

  /**
   * Joins one shard's articles and verdicts in memory, in one pass (some runners' grouped values
   * can be read only once): an article whose verdict has not come yet waits in a map. Emits each
   * version once per distinct verdict, as {@link JoinFn} does.
   */
  static class BatchJoinFn
      extends DoFn<KV<Integer, Iterable<KV<String, KV<Article, StoryVerdict>>>>, Article> {
    private final Counter withoutVerdict =
        Metrics.counter(DeduplicateAcrossOutlets.class, "articlesWithoutVerdict");

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, KV<Article, StoryVerdict>>>> shard,
        OutputReceiver<Article> out) {
      Map<String, StoryVerdict> verdicts = new HashMap<>();
      Map<String, StoryVerdict> emitted = new HashMap<>();
      Map<String, Article> waiting = new HashMap<>();
      for (KV<String, KV<Article, StoryVerdict>> e : shard.getValue()) {
        String key = e.getKey();
        Article a = e.getValue().getKey();
        StoryVerdict v = e.getValue().getValue();
        if (a != null) {
          v = verdicts.get(key);
          if (v == null) {
            waiting.put(key, a);
            continue;
          }
        } else {
          verdicts.put(key, v);
          a = waiting.get(key);
          if (a == null) {
            continue;
          }
        }
        if (!v.equals(emitted.get(key))) {
          emitted.put(key, v);
          out.output(StoryDeduplicator.enrich(a, v));
        }
      }
      waiting.keySet().removeAll(verdicts.keySet());
      withoutVerdict.inc(waiting.size());
    }
  }

  static class ByVersion extends SimpleFunction<Article, KV<String, KV<Article, StoryVerdict>>> {
    @Override
    public KV<String, KV<Article, StoryVerdict>> apply(Article a) {
      long ingested = a.getIngested() == null ? 0L : a.getIngested().toEpochMilli();
      String key =
          StoryDeduplicator.versionKey(a.getId(), ingested, TextFingerprint.exactHash(a.getBody()));
      return KV.of(key, KV.of(a, null));
    }
  }

  static class VerdictOnly
      extends SimpleFunction<KV<String, StoryVerdict>, KV<String, KV<Article, StoryVerdict>>> {
    @Override
    public KV<String, KV<Article, StoryVerdict>> apply(KV<String, StoryVerdict> v) {
      return KV.of(v.getKey(), KV.of(null, v.getValue()));
    }
  }

  static class JoinFn extends DoFn<KV<String, KV<Article, StoryVerdict>>, Article> {
    @StateId("article")
    private final StateSpec<ValueState<Article>> articleSpec =
        StateSpecs.value(AvroCoder.of(Article.class));

    @StateId("emitted")
    private final StateSpec<ValueState<StoryVerdict>> emittedSpec =
        StateSpecs.value(DedupCoders.VerdictCoder.of());

    @StateId("pending")
    private final StateSpec<ValueState<StoryVerdict>> pendingSpec =
        StateSpecs.value(DedupCoders.VerdictCoder.of());

    @TimerId("expiry")
    private final TimerSpec expirySpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    private final long retentionMillis;
    private final boolean undatedEventTime;

    JoinFn(long retentionMillis, boolean undatedEventTime) {
      this.retentionMillis = retentionMillis;
      this.undatedEventTime = undatedEventTime;
    }

    @ProcessElement
    public void process(
        @Element KV<String, KV<Article, StoryVerdict>> e,
        @Timestamp Instant timestamp,
        @StateId("article") ValueState<Article> article,
        @StateId("emitted") ValueState<StoryVerdict> emitted,
        @StateId("pending") ValueState<StoryVerdict> pending,
        @TimerId("expiry") Timer expiry,
        OutputReceiver<Article> out) {
      Article a = e.getValue().getKey();
      StoryVerdict v = e.getValue().getValue();
      if (a != null) {
        article.write(a);
        java.time.Instant eventTime =
            a.getPublished() != null ? a.getPublished() : undatedEventTime ? a.getIngested() : null;
        // An article counted in no window waits for the undated group's verdict, which comes
        // without an event time: its state is kept (bounded by the number of undated articles).
        if (retentionMillis != Long.MAX_VALUE && eventTime != null) {
          // Verdicts on this article can change until its windows and their neighbours close.
          long expiresAt =
              Math.max(timestamp.getMillis(), eventTime.toEpochMilli()) + retentionMillis;
          expiry.set(new Instant(expiresAt));
        }
        v = pending.read();
      } else {
        a = article.read();
        if (a == null) {
          pending.write(v);
          return;
        }
      }
      if (v != null && !v.equals(emitted.read())) {
        emitted.write(v);
        out.output(StoryDeduplicator.enrich(a, v));
      }
    }

    @OnTimer("expiry")
    public void onExpiry(
        @StateId("article") ValueState<Article> article,
        @StateId("emitted") ValueState<StoryVerdict> emitted,
        @StateId("pending") ValueState<StoryVerdict> pending) {
      article.clear();
      emitted.clear();
      pending.clear();
    }
  }
}
