package org.newsmentions.comentions;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.Window.ClosingBehavior;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.newsmentions.dedup.KeptStories;
import org.newsmentions.dedup.KeptStory;
import org.newsmentions.schema.EntityCoMentionCount;
import org.newsmentions.schema.PaneTiming;
import org.newsmentions.window.WindowKeys;

/**
 * Counts, per window, the pairs of entities named together in kept articles.
 *
 * <p>Input: the kept stories as DeduplicateAcrossOutlets emits them: in streaming one {@link
 * KeptStories} per dated window and pane (each pane the window's whole set); in batch kept stories
 * in their windows in any grouping, every story once (summed in the global window with the window
 * in the key, {@link WindowKeys}). Each kept article gives the pairs of its most mentioned entities
 * ({@link CoMentions#topEntities}); the pairs are combined per (window, pair) key, so no worker
 * holds a whole window's pairs. Output: one {@link EntityCoMentionCount} per window and pair, the
 * pair ordered {@code entity_a_id < entity_b_id}. Dropped: pairs named together in fewer than
 * {@link #withMinArticles} kept articles of the window, and the pairs of entities beyond an
 * article's {@link #withMaxEntitiesPerArticle} most mentioned.
 *
 * <p>In batch each window has one pane ({@code ON_TIME}, index 0). In streaming a pair's row is
 * written again whenever a later pane of its window changes it, within {@link #FIRE_DELAY} of
 * processing time (early panes before the window's end, late ones after), and once more, marked
 * final, when the window expires. Its {@code pane_index} counts the pair's own panes: for each
 * window and pair the row with the highest index is the current one. A pair that falls below the
 * minimum in a later pane gets no new row.
 */
public class CountCoMentions
    extends PTransform<PCollection<KeptStories>, PCollection<EntityCoMentionCount>> {

  /** In streaming, how long a changed pair waits before its row is written again. */
  public static final Duration FIRE_DELAY = Duration.standardSeconds(5);

  private final long minArticles;
  private final int maxEntities;
  private final boolean streaming;
  private final Duration allowedLateness;

  private CountCoMentions(
      long minArticles, int maxEntities, boolean streaming, Duration allowedLateness) {
    if (minArticles < 1) {
      throw new IllegalArgumentException(
          "a pair needs at least 1 article to be written, not " + minArticles);
    }
    if (maxEntities < 2) {
      throw new IllegalArgumentException(
          "a pair needs at least 2 entities per article, not " + maxEntities);
    }
    this.minArticles = minArticles;
    this.maxEntities = maxEntities;
    this.streaming = streaming;
    this.allowedLateness = Objects.requireNonNull(allowedLateness, "allowedLateness");
  }

  /**
   * Batch, {@link CoMentions#DEFAULT_MIN_ARTICLES}, {@link
   * CoMentions#DEFAULT_MAX_ENTITIES_PER_ARTICLE}; change them with the {@code with*} methods, which
   * return copies.
   */
  public static CountCoMentions create() {
    return new CountCoMentions(
        CoMentions.DEFAULT_MIN_ARTICLES,
        CoMentions.DEFAULT_MAX_ENTITIES_PER_ARTICLE,
        false,
        Duration.ZERO);
  }

  /** A pair is written when at least this many kept articles of its window name both. */
  public CountCoMentions withMinArticles(long value) {
    return new CountCoMentions(value, maxEntities, streaming, allowedLateness);
  }

  /** Only the pairs of each article's this many most mentioned entities count. */
  public CountCoMentions withMaxEntitiesPerArticle(int value) {
    return new CountCoMentions(minArticles, value, streaming, allowedLateness);
  }

  /** Streaming: early and late panes per pair, and a final one when the window expires. */
  public CountCoMentions withStreaming(boolean value) {
    return new CountCoMentions(minArticles, maxEntities, value, allowedLateness);
  }

  /** In streaming, the windows' allowed lateness, which the pairs' panes must cover too. */
  public CountCoMentions withAllowedLateness(Duration value) {
    return new CountCoMentions(minArticles, maxEntities, streaming, value);
  }

  @Override
  public PCollection<EntityCoMentionCount> expand(PCollection<KeptStories> kept) {
    PCollection<KV<String, PaneSum>> pairs =
        kept.apply("ArticlePairs", ParDo.of(new PairsFn(maxEntities, streaming)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), PaneSumCoder.INSTANCE));
    if (streaming) {
      // A trigger of its own: the inherited continuation of the windows' trigger would turn the
      // early firings into synchronized-processing-time ones, which the Direct Runner fires only
      // once the watermark passes the window. Panes accumulate and PaneSum keeps the latest
      // upstream pane, so each firing has the pair's complete figures as of that pane.
      pairs =
          pairs.apply(
              "PairPanes",
              Window.<KV<String, PaneSum>>configure()
                  .triggering(
                      AfterWatermark.pastEndOfWindow()
                          .withEarlyFirings(
                              AfterProcessingTime.pastFirstElementInPane().plusDelayOf(FIRE_DELAY))
                          .withLateFirings(
                              AfterProcessingTime.pastFirstElementInPane().plusDelayOf(FIRE_DELAY)))
                  .accumulatingFiredPanes()
                  // The same lateness as the windows': the upstream final pane comes when the
                  // window expires there, and its hold keeps this window open until it has
                  // arrived. No more than that, or the rows of this final pane would come after
                  // the file sink's window (the windows' lateness plus its flush delay) closed.
                  .withAllowedLateness(allowedLateness, ClosingBehavior.FIRE_ALWAYS));
    }
    if (!streaming) {
      // Batch: summed once per (window, pair) in the global window (WindowKeys says why).
      pairs = pairs.apply("WindowInKey", WindowKeys.intoGlobalWindow());
    }
    return pairs
        .apply("CombinePerPair", Combine.perKey(new LatestPaneSumFn()))
        .apply("KeepFrequentPairs", ParDo.of(new ToRecordFn(minArticles, !streaming)))
        .setCoder(AvroCoder.of(EntityCoMentionCount.class));
  }

  /** The pairs of each kept article of a pane, tagged with the pane's index. */
  static class PairsFn extends DoFn<KeptStories, KV<String, PaneSum>> {
    private final Counter pairsOfArticles =
        Metrics.counter(CountCoMentions.class, "pairsOfArticles");
    private final int maxEntities;
    private final boolean streaming;

    PairsFn(int maxEntities, boolean streaming) {
      this.maxEntities = maxEntities;
      this.streaming = streaming;
    }

    @ProcessElement
    public void process(
        @Element KeptStories stories, PaneInfo pane, OutputReceiver<KV<String, PaneSum>> out) {
      for (KeptStory story : stories.stories()) {
        for (CoMention p : CoMentions.pairs(story, maxEntities)) {
          pairsOfArticles.inc();
          // Batch has one pane: every story's sums add up whichever grouping step it came from.
          out.output(KV.of(p.key(), new PaneSum(streaming ? pane.getIndex() : 0, p)));
        }
      }
    }
  }

  static class LatestPaneSumFn extends Combine.CombineFn<PaneSum, PaneSum, PaneSum> {
    @Override
    public PaneSum createAccumulator() {
      return PaneSum.EMPTY;
    }

    @Override
    public PaneSum addInput(PaneSum acc, PaneSum input) {
      return PaneSum.merge(acc, input);
    }

    @Override
    public PaneSum mergeAccumulators(Iterable<PaneSum> accs) {
      PaneSum out = PaneSum.EMPTY;
      for (PaneSum a : accs) {
        out = PaneSum.merge(out, a);
      }
      return out;
    }

    @Override
    public PaneSum extractOutput(PaneSum acc) {
      return acc;
    }

    @Override
    public Coder<PaneSum> getAccumulatorCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry, Coder<PaneSum> inputCoder) {
      return PaneSumCoder.INSTANCE;
    }

    @Override
    public Coder<PaneSum> getDefaultOutputCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry, Coder<PaneSum> inputCoder) {
      return PaneSumCoder.INSTANCE;
    }
  }

  /** A pair's record for the pair's pane, when enough articles name both. */
  static class ToRecordFn extends DoFn<KV<String, PaneSum>, EntityCoMentionCount> {
    private final Counter emitted = Metrics.counter(CountCoMentions.class, "coMentionsEmitted");
    private final Counter belowMinimum =
        Metrics.counter(CountCoMentions.class, "pairsBelowMinimum");
    private final long minArticles;
    private final boolean windowInKey;

    ToRecordFn(long minArticles, boolean windowInKey) {
      this.minArticles = minArticles;
      this.windowInKey = windowInKey;
    }

    @ProcessElement
    public void process(
        @Element KV<String, PaneSum> pair,
        BoundedWindow window,
        PaneInfo pane,
        OutputReceiver<EntityCoMentionCount> out) {
      CoMention sum = pair.getValue().sum();
      if (sum == null || sum.articles() < minArticles) {
        belowMinimum.inc();
        return;
      }
      emitted.inc();
      if (windowInKey) {
        // Batch: one final sum per (window, pair).
        WindowKeys.Parsed key = WindowKeys.parse(pair.getKey());
        out.output(
            sum.toRecord(
                Instant.ofEpochMilli(key.start()),
                Instant.ofEpochMilli(key.end()),
                PaneTiming.ON_TIME,
                0));
        return;
      }
      IntervalWindow w = (IntervalWindow) window;
      PaneTiming timing =
          switch (pane.getTiming()) {
            case EARLY -> PaneTiming.EARLY;
            case LATE -> PaneTiming.LATE;
            default -> PaneTiming.ON_TIME;
          };
      out.output(
          sum.toRecord(
              Instant.ofEpochMilli(w.start().getMillis()),
              Instant.ofEpochMilli(w.end().getMillis()),
              timing,
              pane.getIndex()));
    }
  }

  /** A compact coder for {@link PaneSum}: the pane, then the pair's fields. */
  static final class PaneSumCoder extends AtomicCoder<PaneSum> {
    static final PaneSumCoder INSTANCE = new PaneSumCoder();

    @Override
    public void encode(PaneSum value, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      out.writeLong(value.pane());
      CoMention c = value.sum();
      out.writeBoolean(c != null);
      if (c != null) {
        out.writeUTF(c.aId());
        out.writeUTF(c.aName());
        out.writeUTF(c.aType());
        out.writeUTF(c.bId());
        out.writeUTF(c.bName());
        out.writeUTF(c.bType());
        out.writeLong(c.articles());
        out.writeLong(c.mentionsA());
        out.writeLong(c.mentionsB());
      }
      out.flush();
    }

    @Override
    public PaneSum decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      long pane = in.readLong();
      if (!in.readBoolean()) {
        return new PaneSum(pane, null);
      }
      return new PaneSum(
          pane,
          new CoMention(
              in.readUTF(),
              in.readUTF(),
              in.readUTF(),
              in.readUTF(),
              in.readUTF(),
              in.readUTF(),
              in.readLong(),
              in.readLong(),
              in.readLong()));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
