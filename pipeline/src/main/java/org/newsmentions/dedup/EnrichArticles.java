package org.newsmentions.dedup;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
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
 * Writes deduplication's verdicts into the articles: a stateful join by article version that holds
 * an article until its verdict comes, and emits it again only when a later pane changes the
 * verdict. State expires a retention period after the article's event time.
 */
final class EnrichArticles {
  private EnrichArticles() {}

  private static final KvCoder<String, KV<Article, StoryVerdict>> CODER =
      KvCoder.of(
          StringUtf8Coder.of(),
          KvCoder.of(
              NullableCoder.of(AvroCoder.of(Article.class)),
              NullableCoder.of(DedupCoders.VerdictCoder.of())));

  static PCollection<Article> join(
      PCollection<Article> articles,
      PCollection<KV<String, StoryVerdict>> verdicts,
      long retentionMillis,
      boolean undatedEventTime) {
    PCollection<KV<String, KV<Article, StoryVerdict>>> left =
        articles
            .apply("ArticleByVersion", MapElements.via(new ByVersion()))
            .setCoder(CODER)
            .apply("ArticlesToGlobal", global());
    PCollection<KV<String, KV<Article, StoryVerdict>>> right =
        verdicts.apply("VerdictByVersion", MapElements.via(new VerdictOnly())).setCoder(CODER);
    return PCollectionList.of(left)
        .and(right)
        .apply("ArticlesAndVerdicts", Flatten.pCollections())
        .apply("WriteVerdicts", ParDo.of(new JoinFn(retentionMillis, undatedEventTime)))
        .setCoder(AvroCoder.of(Article.class));
  }

  /** Moves a collection into the global window, passing every element on as it comes. */
  static <T> PCollection<T> toGlobal(PCollection<T> in, String name) {
    return in.apply(name + "ToGlobal", global());
  }

  private static <T> Window<T> global() {
    return Window.<T>into(new GlobalWindows())
        .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
        .discardingFiredPanes()
        .withAllowedLateness(Duration.ZERO);
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
