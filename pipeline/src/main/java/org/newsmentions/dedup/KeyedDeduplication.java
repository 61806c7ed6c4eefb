package org.newsmentions.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Deduplication in batch with no key holding a window: the steps of {@link KeyedDedup}, each a
 * GroupByKey on a small key.
 *
 * <ol>
 *   <li>{@code VersionsById}: key article id; state: the versions of one URL;
 *   <li>{@code LshBuckets}: key (band, band hash) or the exact text hash; state: the articles
 *       sharing that value (copies of one story, unless the value is a stock phrase: capped);
 *   <li>{@code Parents}: key (window, article); state: the articles it copies;
 *   <li>{@code JumpN}: {@link #DEFAULT_ROUNDS} rounds of pointer jumping, key (window, article);
 *       state: the article's label and the articles pointing at it;
 *   <li>{@code RouteToStory}: key (window, article): the article's root;
 *   <li>{@code Stories}: key (window, root); state: the story's copies visible to the window.
 * </ol>
 *
 * <p>Input: every article version once (dated ones from their own window, undated ones with event
 * time Long.MIN_VALUE), in the global window. Output {@link #VERDICTS}: one verdict per version
 * decided (dated versions by their own window, undated ones by the undated pass), in the global
 * window. Output {@link #KEPT}: the kept stories, one per element, stamped at their window's start
 * and windowed by {@code windowFn}; counting combines them per (window, entity).
 */
final class KeyedDeduplication extends PTransform<PCollection<StoryDigest>, PCollectionTuple> {
  static final TupleTag<KV<String, StoryVerdict>> VERDICTS = new TupleTag<>() {};
  static final TupleTag<KeptStories> KEPT = new TupleTag<>() {};
  private static final TupleTag<StoryNode> NODES = new TupleTag<>() {};

  /** Pointer-jumping rounds: resolves chains of copies up to 2^rounds deep. */
  static final int DEFAULT_ROUNDS = 5;

  private static final KvCoder<StoryNode, StoryNode> PAIR =
      KvCoder.of(DedupCoders.NodeCoder.of(), DedupCoders.NodeCoder.of());

  private final KeyedDedup dedup;
  private final WindowFn<Object, ?> windowFn;
  private final int rounds;

  KeyedDeduplication(KeyedDedup dedup, WindowFn<Object, ?> windowFn, int rounds) {
    this.dedup = dedup;
    this.windowFn = windowFn;
    this.rounds = rounds;
  }

  /** How many digests one key's group held, in each keyed step: its max is the largest state. */
  static Distribution digestsPerKey() {
    return Metrics.distribution(DeduplicateAcrossOutlets.class, "digestsPerKey");
  }

  @Override
  public PCollectionTuple expand(PCollection<StoryDigest> digests) {
    PCollection<StoryNode> nodes =
        digests
            .apply("ById", ParDo.of(new ByIdFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), DedupCoders.DigestCoder.of()))
            .apply("VersionsById", GroupByKey.create())
            .apply("CurrentVersions", ParDo.of(new VersionsFn(dedup)))
            .setCoder(DedupCoders.NodeCoder.of());
    PCollection<KV<StoryNode, StoryNode>> links =
        nodes
            .apply("ToBuckets", ParDo.of(new ToBucketsFn(dedup)))
            .setCoder(
                KvCoder.of(
                    VarLongCoder.of(), KvCoder.of(VarIntCoder.of(), DedupCoders.NodeCoder.of())))
            .apply("LshBuckets", GroupByKey.create())
            .apply("VerifyPairs", ParDo.of(new BucketFn(dedup)))
            .setCoder(PAIR);
    PCollection<KV<String, KV<StoryNode, StoryNode>>> labels =
        links
            .apply("ByLaterInWindow", ParDo.of(new ByLaterFn(dedup)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), PAIR))
            .apply("Parents", GroupByKey.create())
            .apply("EarliestCopied", ParDo.of(new ParentFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), PAIR));
    for (int r = 1; r <= rounds; r++) {
      labels =
          labels
              .apply("AskLabel" + r, ParDo.of(new AskFn()))
              .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarIntCoder.of(), PAIR)))
              .apply("Jump" + r, GroupByKey.create())
              .apply("JumpLabel" + r, ParDo.of(new JumpFn()))
              .setCoder(KvCoder.of(StringUtf8Coder.of(), PAIR));
    }
    PCollection<KV<String, KV<Integer, KV<StoryNode, StoryNode>>>> routed =
        PCollectionList.of(
                nodes
                    .apply("NodeInWindows", ParDo.of(new NodeInContextsFn()))
                    .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarIntCoder.of(), PAIR))))
            .and(
                labels
                    .apply("LabelOfNode", ParDo.of(new LabelOfNodeFn()))
                    .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarIntCoder.of(), PAIR))))
            .apply("NodesAndLabels", org.apache.beam.sdk.transforms.Flatten.pCollections());
    PCollectionTuple stories =
        routed
            .apply("RouteToStory", GroupByKey.create())
            .apply("ToStory", ParDo.of(new RouteFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), DedupCoders.NodeCoder.of()))
            .apply("Stories", GroupByKey.create())
            .apply(
                "ResolveStories",
                ParDo.of(new StoryFn()).withOutputTags(VERDICTS, TupleTagList.of(KEPT)));
    stories.get(VERDICTS).setCoder(KvCoder.of(StringUtf8Coder.of(), DedupCoders.VerdictCoder.of()));
    PCollection<KeptStories> kept =
        stories
            .get(KEPT)
            .setCoder(DedupCoders.KeptCoder.of())
            .apply(
                "KeptIntoWindows",
                // Batch: the stories come once the whole input is read, when the watermark has
                // passed every window; a window that never expires keeps them (and the stateful
                // Kafka upserts downstream) from being dropped as late.
                org.apache.beam.sdk.transforms.windowing.Window.<KeptStories>into(windowFn)
                    .withAllowedLateness(Duration.millis(Long.MAX_VALUE / 2)));
    return PCollectionTuple.of(VERDICTS, stories.get(VERDICTS)).and(KEPT, kept);
  }

  private static String ctxKey(long start, long end, String versionKey) {
    return start + "|" + end + "|" + versionKey;
  }

  /** The "start|end" context at the head of a "start|end|version" key. */
  private static String contextOf(String key) {
    return key.substring(0, key.indexOf('|', key.indexOf('|') + 1));
  }

  static class ByIdFn extends DoFn<StoryDigest, KV<String, StoryDigest>> {
    @ProcessElement
    public void process(@Element StoryDigest d, OutputReceiver<KV<String, StoryDigest>> out) {
      out.output(KV.of(d.candidate().id(), d));
    }
  }

  static class VersionsFn extends DoFn<KV<String, Iterable<StoryDigest>>, StoryNode> {
    private final Counter superseded =
        Metrics.counter(DeduplicateAcrossOutlets.class, "superseded");
    private final Distribution perKey = digestsPerKey();
    private final KeyedDedup dedup;

    VersionsFn(KeyedDedup dedup) {
      this.dedup = dedup;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<StoryDigest>> versions, OutputReceiver<StoryNode> out) {
      List<StoryDigest> all = new ArrayList<>();
      versions.getValue().forEach(all::add);
      perKey.update(all.size());
      KeyedDedup.Versions v = dedup.versions(all, true);
      superseded.inc(v.superseded());
      v.nodes().forEach(out::output);
    }
  }

  static class ToBucketsFn extends DoFn<StoryNode, KV<Long, KV<Integer, StoryNode>>> {
    private final KeyedDedup dedup;

    ToBucketsFn(KeyedDedup dedup) {
      this.dedup = dedup;
    }

    @ProcessElement
    public void process(
        @Element StoryNode n, OutputReceiver<KV<Long, KV<Integer, StoryNode>>> out) {
      StoryNode bare = n.withEntities(List.of());
      for (KeyedDedup.Bucket b : dedup.bucketKeys(n)) {
        out.output(KV.of(b.key(), KV.of(b.band(), bare)));
      }
    }
  }

  static class BucketFn
      extends DoFn<KV<Long, Iterable<KV<Integer, StoryNode>>>, KV<StoryNode, StoryNode>> {
    private final Counter capped =
        Metrics.counter(DeduplicateAcrossOutlets.class, "hotBucketMembersSkipped");
    private final Distribution perKey = digestsPerKey();
    private final Distribution bucketSize =
        Metrics.distribution(DeduplicateAcrossOutlets.class, "bucketSize");
    private final KeyedDedup dedup;

    BucketFn(KeyedDedup dedup) {
      this.dedup = dedup;
    }

    @ProcessElement
    public void process(
        @Element KV<Long, Iterable<KV<Integer, StoryNode>>> bucket,
        OutputReceiver<KV<StoryNode, StoryNode>> out) {
      List<Map.Entry<Integer, StoryNode>> members = new ArrayList<>();
      for (KV<Integer, StoryNode> m : bucket.getValue()) {
        members.add(Map.entry(m.getKey(), m.getValue()));
      }
      perKey.update(members.size());
      bucketSize.update(members.size());
      if (members.size() < 2) {
        return;
      }
      KeyedDedup.BucketResult r = dedup.links(members);
      capped.inc(r.capped());
      for (KeyedDedup.Link l : r.links()) {
        out.output(KV.of(l.later(), l.earlier()));
      }
    }
  }

  /** Each link, once per context where it counts, keyed by (context, later article). */
  static class ByLaterFn
      extends DoFn<KV<StoryNode, StoryNode>, KV<String, KV<StoryNode, StoryNode>>> {
    private final KeyedDedup dedup;

    ByLaterFn(KeyedDedup dedup) {
      this.dedup = dedup;
    }

    @ProcessElement
    public void process(
        @Element KV<StoryNode, StoryNode> link,
        OutputReceiver<KV<String, KV<StoryNode, StoryNode>>> out) {
      for (long[] ctx : dedup.contexts(new KeyedDedup.Link(link.getKey(), link.getValue()))) {
        out.output(KV.of(ctxKey(ctx[0], ctx[1], link.getKey().key()), link));
      }
    }
  }

  /** The label of an article: (context, (article, parent)). */
  static class ParentFn
      extends DoFn<
          KV<String, Iterable<KV<StoryNode, StoryNode>>>, KV<String, KV<StoryNode, StoryNode>>> {
    private final Distribution perKey = digestsPerKey();

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<StoryNode, StoryNode>>> links,
        OutputReceiver<KV<String, KV<StoryNode, StoryNode>>> out) {
      StoryNode later = null;
      List<StoryNode> earlier = new ArrayList<>();
      for (KV<StoryNode, StoryNode> l : links.getValue()) {
        later = l.getKey();
        earlier.add(l.getValue());
      }
      perKey.update(earlier.size());
      String key = links.getKey();
      String ctx = contextOf(key);
      out.output(KV.of(ctx, KV.of(later, KeyedDedup.parent(earlier))));
    }
  }

  private static final int ASK = 0;
  private static final int OWN = 1;

  /**
   * A label (x, l) asks l for its label, and answers x's own children: keyed by (context, l) as a
   * question and by (context, x) as an answer.
   */
  static class AskFn
      extends DoFn<
          KV<String, KV<StoryNode, StoryNode>>, KV<String, KV<Integer, KV<StoryNode, StoryNode>>>> {
    @ProcessElement
    public void process(
        @Element KV<String, KV<StoryNode, StoryNode>> label,
        OutputReceiver<KV<String, KV<Integer, KV<StoryNode, StoryNode>>>> out) {
      String ctx = label.getKey();
      KV<StoryNode, StoryNode> xl = label.getValue();
      out.output(KV.of(ctx + "|" + xl.getValue().key(), KV.of(ASK, xl)));
      out.output(KV.of(ctx + "|" + xl.getKey().key(), KV.of(OWN, xl)));
    }
  }

  /** Each question gets the asked article's own label, or keeps it when that article is a root. */
  static class JumpFn
      extends DoFn<
          KV<String, Iterable<KV<Integer, KV<StoryNode, StoryNode>>>>,
          KV<String, KV<StoryNode, StoryNode>>> {
    private final Distribution perKey = digestsPerKey();

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<Integer, KV<StoryNode, StoryNode>>>> group,
        OutputReceiver<KV<String, KV<StoryNode, StoryNode>>> out) {
      StoryNode own = null;
      List<StoryNode> askers = new ArrayList<>();
      StoryNode asked = null;
      for (KV<Integer, KV<StoryNode, StoryNode>> m : group.getValue()) {
        if (m.getKey() == OWN) {
          own = m.getValue().getValue();
        } else {
          askers.add(m.getValue().getKey());
          asked = m.getValue().getValue();
        }
      }
      perKey.update(askers.size() + 1);
      String key = group.getKey();
      String ctx = contextOf(key);
      StoryNode label = own != null ? own : asked;
      for (StoryNode x : askers) {
        out.output(KV.of(ctx, KV.of(x, label)));
      }
    }
  }

  private static final int NODE = 0;
  private static final int LABEL = 1;

  /** Every current version, once per context it is in, keyed by (context, itself). */
  static class NodeInContextsFn
      extends DoFn<StoryNode, KV<String, KV<Integer, KV<StoryNode, StoryNode>>>> {
    @ProcessElement
    public void process(
        @Element StoryNode n,
        OutputReceiver<KV<String, KV<Integer, KV<StoryNode, StoryNode>>>> out) {
      StoryNode ref = n.ref();
      long t = n.candidate().eventTime();
      for (long[] ctx : KeyedDedup.nodeContexts(n)) {
        // Only the article's own window (or the undated pass, for an undated one) counts it.
        boolean member = t >= ctx[0] && t < ctx[1];
        StoryNode v = member ? ref.withEntities(n.entities()) : ref;
        out.output(KV.of(ctxKey(ctx[0], ctx[1], n.key()), KV.of(NODE, KV.of(v, v))));
      }
    }
  }

  static class LabelOfNodeFn
      extends DoFn<
          KV<String, KV<StoryNode, StoryNode>>, KV<String, KV<Integer, KV<StoryNode, StoryNode>>>> {
    @ProcessElement
    public void process(
        @Element KV<String, KV<StoryNode, StoryNode>> label,
        OutputReceiver<KV<String, KV<Integer, KV<StoryNode, StoryNode>>>> out) {
      out.output(
          KV.of(
              label.getKey() + "|" + label.getValue().getKey().key(),
              KV.of(LABEL, label.getValue())));
    }
  }

  /** Sends each version of a context to its story: its root there, or itself. */
  static class RouteFn
      extends DoFn<
          KV<String, Iterable<KV<Integer, KV<StoryNode, StoryNode>>>>, KV<String, StoryNode>> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<Integer, KV<StoryNode, StoryNode>>>> group,
        OutputReceiver<KV<String, StoryNode>> out) {
      StoryNode node = null;
      StoryNode root = null;
      for (KV<Integer, KV<StoryNode, StoryNode>> m : group.getValue()) {
        if (m.getKey() == NODE) {
          node = m.getValue().getKey();
        } else {
          root = m.getValue().getValue();
        }
      }
      if (node == null) {
        return; // cannot happen: labels are made for current versions only
      }
      String key = group.getKey();
      String ctx = contextOf(key);
      out.output(KV.of(ctx + "|" + (root != null ? root : node).key(), node));
    }
  }

  static class StoryFn extends DoFn<KV<String, Iterable<StoryNode>>, KV<String, StoryVerdict>> {
    private final Counter duplicates =
        Metrics.counter(DeduplicateAcrossOutlets.class, "duplicateVerdicts");
    private final Counter unresolved =
        Metrics.counter(DeduplicateAcrossOutlets.class, "unresolvedChains");
    private final Distribution perKey = digestsPerKey();

    @ProcessElement
    public void process(@Element KV<String, Iterable<StoryNode>> story, MultiOutputReceiver out) {
      List<StoryNode> nodes = new ArrayList<>();
      story.getValue().forEach(nodes::add);
      perKey.update(nodes.size());
      String key = story.getKey();
      int a = key.indexOf('|');
      int b = key.indexOf('|', a + 1);
      long start = Long.parseLong(key.substring(0, a));
      long end = Long.parseLong(key.substring(a + 1, b));
      String rootKey = key.substring(b + 1);
      if (nodes.stream().noneMatch(n -> n.key().equals(rootKey))) {
        // A chain deeper than the pointer-jumping rounds reach: fail loudly rather than count
        // wrongly.
        unresolved.inc();
        throw new IllegalStateException(
            "a chain of copies is deeper than 2^" + DEFAULT_ROUNDS + " at story " + key);
      }
      KeyedDedup.StoryResult r = KeyedDedup.resolve(start, end, rootKey, nodes);
      duplicates.inc(r.duplicates());
      for (StoryDeduplicator.Decision d : r.decisions()) {
        out.get(VERDICTS).output(KV.of(d.versionKey(), d.verdict()));
      }
      if (start != KeyedDedup.GLOBAL[0]) {
        for (KeptStory k : r.kept()) {
          out.get(KEPT).outputWithTimestamp(new KeptStories(List.of(k)), new Instant(start));
        }
      }
    }

    @Override
    @SuppressWarnings("deprecation")
    public Duration getAllowedTimestampSkew() {
      return Duration.millis(Long.MAX_VALUE);
    }
  }
}
