package org.newsmentions.count;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.newsmentions.dedup.KeptStories;
import org.newsmentions.dedup.KeptStory;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.PaneTiming;
import org.newsmentions.window.WindowKeys;

/**
 * Counts combined per (window, entity): each kept story adds one partial tally per entity it names,
 * and a combiner adds them up per entity within the story's publication window, so no key holds a
 * window's stories. Input: kept stories in their publication windows, in any grouping (one story
 * per element, or several); every story once. Output: one {@link EntityMentionCount} per window and
 * entity, equal to {@link MentionTally#tally} over the window's kept stories. Batch: stories never
 * change their verdict, so there is nothing to take back.
 */
public class CountPerEntity
    extends PTransform<PCollection<KeptStories>, PCollection<EntityMentionCount>> {

  @Override
  public PCollection<EntityMentionCount> expand(PCollection<KeptStories> kept) {
    return kept.apply("PerEntity", ParDo.of(new PerEntityFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), TallyCoder.INSTANCE))
        // Summed once per (window, entity) in the global window (WindowKeys says why).
        .apply("WindowInKey", WindowKeys.intoGlobalWindow())
        .apply("AddUp", Combine.perKey(new AddUp()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), TallyCoder.INSTANCE))
        .apply("ToRows", ParDo.of(new ToRowFn()))
        .setCoder(AvroCoder.of(EntityMentionCount.class));
  }

  /**
   * A partial tally of one entity. Name and type come from the story with the smallest article id,
   * as {@link MentionTally} takes them from the first story in article-id order.
   */
  static final class Tally {
    String firstArticle;
    String name;
    String type;
    long mentions;
    long articles;
    long copies;
    final TreeSet<String> outlets = new TreeSet<>();

    void add(Tally o) {
      if (o.firstArticle == null) {
        return;
      }
      if (firstArticle == null || o.firstArticle.compareTo(firstArticle) < 0) {
        firstArticle = o.firstArticle;
        name = o.name;
        type = o.type;
      }
      mentions += o.mentions;
      articles += o.articles;
      copies += o.copies;
      outlets.addAll(o.outlets);
    }
  }

  static class PerEntityFn extends DoFn<KeptStories, KV<String, Tally>> {
    @ProcessElement
    public void process(@Element KeptStories stories, OutputReceiver<KV<String, Tally>> out) {
      for (KeptStory s : stories.stories()) {
        for (KeptStory.EntityRef e : s.entities()) {
          if (e.mentions() <= 0) {
            continue;
          }
          Tally t = new Tally();
          t.firstArticle = s.articleId();
          t.name = e.name();
          t.type = e.type();
          t.mentions = e.mentions();
          t.articles = 1;
          t.copies = s.copies();
          t.outlets.addAll(s.outlets());
          out.output(KV.of(e.id(), t));
        }
      }
    }
  }

  static class AddUp extends Combine.CombineFn<Tally, Tally, Tally> {
    @Override
    public Tally createAccumulator() {
      return new Tally();
    }

    @Override
    public Tally addInput(Tally acc, Tally input) {
      acc.add(input);
      return acc;
    }

    @Override
    public Tally mergeAccumulators(Iterable<Tally> accs) {
      Tally out = new Tally();
      accs.forEach(out::add);
      return out;
    }

    @Override
    public Tally extractOutput(Tally acc) {
      return acc;
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<Tally> getAccumulatorCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry,
        org.apache.beam.sdk.coders.Coder<Tally> inputCoder) {
      return TallyCoder.INSTANCE;
    }
  }

  static class ToRowFn extends DoFn<KV<String, Tally>, EntityMentionCount> {
    private final Counter emitted = Metrics.counter(CountMentions.class, "countsEmitted");

    @ProcessElement
    public void process(@Element KV<String, Tally> e, OutputReceiver<EntityMentionCount> out) {
      WindowKeys.Parsed key = WindowKeys.parse(e.getKey());
      Tally t = e.getValue();
      emitted.inc();
      // Batch: each (window, entity) sum is made once, from every kept story; it is final.
      out.output(
          new EntityTally(
                  key.key(), t.name, t.type, t.mentions, t.articles, t.copies, t.outlets.size())
              .toCount(
                  Instant.ofEpochMilli(key.start()),
                  Instant.ofEpochMilli(key.end()),
                  PaneTiming.ON_TIME,
                  0));
    }
  }

  static final class TallyCoder extends AtomicCoder<Tally> {
    static final TallyCoder INSTANCE = new TallyCoder();

    @Override
    public void encode(Tally t, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      out.writeBoolean(t.firstArticle != null);
      if (t.firstArticle != null) {
        out.writeUTF(t.firstArticle);
        out.writeUTF(t.name);
        out.writeUTF(t.type);
      }
      out.writeLong(t.mentions);
      out.writeLong(t.articles);
      out.writeLong(t.copies);
      out.writeInt(t.outlets.size());
      for (String o : t.outlets) {
        out.writeUTF(o);
      }
      out.flush();
    }

    @Override
    public Tally decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      Tally t = new Tally();
      if (in.readBoolean()) {
        t.firstArticle = in.readUTF();
        t.name = in.readUTF();
        t.type = in.readUTF();
      }
      t.mentions = in.readLong();
      t.articles = in.readLong();
      t.copies = in.readLong();
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        t.outlets.add(in.readUTF());
      }
      return t;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
