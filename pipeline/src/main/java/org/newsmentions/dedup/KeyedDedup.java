package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The steps of keyed deduplication, without Beam types: each step works on what one key holds, so
 * that no key has to hold a window's articles. The verdicts equal {@link StoryDeduplicator}'s run
 * per window on the window's horizon (and, for undated articles, on every article):
 *
 * <ol>
 *   <li>{@link #versions}, keyed by article id: which version of the id is current in which window
 *       (the newest one visible there);
 *   <li>{@link #bucketKeys} and {@link #links}, keyed by LSH bucket (the exact text hash, or one
 *       band of the MinHash signature): every linked pair, verified once, in the bucket of the
 *       first key the pair shares;
 *   <li>{@link #contexts} and {@link #parent}, keyed by (window, article): the article's parent,
 *       the earliest article in keeping order that it copies within the window's horizon;
 *   <li>following parents to the root (in Beam by pointer jumping, keyed by (window, article));
 *   <li>{@link #resolve}, keyed by (window, root): the story's copies and outlets, and the verdicts
 *       of the window's own articles.
 * </ol>
 *
 * <p>A window here is a context: a publication window, or {@link #GLOBAL} for the undated pass. The
 * forest of parents is the one {@link StoryClusterer} builds (a copy joins the story of the
 * earliest article it copies), restricted to the articles a window sees, so chains are resolved as
 * the window would resolve them.
 */
public final class KeyedDedup implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The band number of the exact text hash bucket. */
  public static final int TEXT_BAND = -1;

  /**
   * The most articles one bucket value verifies pairwise; the rest (the latest in keeping order)
   * are left out of that bucket and counted. Generated corpora share stock phrases, so a few band
   * values recur in thousands of articles; a real copy shares many bands with its original, so
   * leaving a hot band out almost never loses a link.
   */
  public static final int DEFAULT_BUCKET_CAP = 2000;

  /** The context (start, end) of the undated pass: members have event time Long.MIN_VALUE. */
  public static final long[] GLOBAL = {Long.MIN_VALUE, Long.MIN_VALUE + 1};

  private final DedupMode mode;
  private final double threshold;
  private final long horizonMillis;
  private final WindowLayout windows;
  private final int rowsPerBand;
  private final int bucketCap;

  public KeyedDedup(
      DedupMode mode, double threshold, long horizonMillis, WindowLayout windows, int bucketCap) {
    this.mode = mode;
    this.threshold = threshold;
    this.horizonMillis = horizonMillis;
    this.windows = windows;
    this.rowsPerBand = StorySignatures.ROWS_PER_BAND;
    this.bucketCap = bucketCap;
  }

  /** The current versions of one id, and how many of its own-window versions are superseded. */
  public record Versions(List<StoryNode> nodes, int superseded) {}

  /**
   * Step 1, keyed by article id.
   *
   * @param digests every version of one id (each once, as in its own window; undated ones with
   *     event time Long.MIN_VALUE)
   * @param undatedSeeDated whether the undated pass also holds the dated versions (batch)
   * @return every version with the windows it is current in (versions current nowhere are left
   *     out), carrying its signature and entities
   */
  public Versions versions(Collection<StoryDigest> digests, boolean undatedSeeDated) {
    List<StoryDigest> sorted = new ArrayList<>(digests);
    // Newest first; equal versions keep one (as StoryClusterer.latestVersions keeps one).
    sorted.sort(
        Comparator.comparing(StoryDigest::candidate, StoryCandidate.VERSION_ORDER).reversed());
    List<StoryNode> nodes = new ArrayList<>();
    Set<Long> taken = new java.util.HashSet<>();
    boolean globalTaken = false;
    int superseded = 0;
    for (StoryDigest d : sorted) {
      StoryCandidate c = d.candidate();
      boolean undated = c.eventTime() == Long.MIN_VALUE;
      boolean global = false;
      if (undated || undatedSeeDated) {
        global = !globalTaken;
        globalTaken = true;
      }
      List<Long> current = new ArrayList<>();
      boolean ownCurrent = false;
      if (!undated) {
        long own = ownWindow(c.eventTime())[0];
        for (long[] w : windows.windowsNear(c.eventTime(), horizonMillis)) {
          long start = w[0];
          if (taken.add(start)) {
            current.add(start);
            current.add(w[1]);
            ownCurrent |= start == own;
          }
        }
        if (!ownCurrent) {
          superseded++;
        }
      } else if (!global) {
        superseded++;
      }
      if (!current.isEmpty() || global) {
        long[] ws = new long[current.size()];
        for (int i = 0; i < ws.length; i++) {
          ws[i] = current.get(i);
        }
        nodes.add(new StoryNode(c, ws, global, d.entities()));
      }
    }
    return new Versions(nodes, superseded);
  }

  /** The (start, end) of the window holding an event time. */
  public long[] ownWindow(long eventTime) {
    return windows.windowOf(eventTime);
  }

  /** One bucket of step 2: a band number (or {@link #TEXT_BAND}) and its hash in a node. */
  public record Bucket(int band, long key) {}

  /** Step 2: the buckets a node goes to (none when it cannot be a copy: no words, or OFF). */
  public List<Bucket> bucketKeys(StoryNode node) {
    int[] sig = node.candidate().signature();
    if (mode == DedupMode.OFF || sig.length == 0) {
      return List.of();
    }
    List<Bucket> out = new ArrayList<>();
    out.add(new Bucket(TEXT_BAND, bucketKey(TEXT_BAND, node.candidate().textHash())));
    if (mode == DedupMode.NEAR) {
      for (int band = 0; band + rowsPerBand <= sig.length; band += rowsPerBand) {
        out.add(new Bucket(band, bucketKey(band, bandHash(sig, band))));
      }
    }
    return out;
  }

  private long bandHash(int[] sig, int band) {
    return StoryClusterer.BandKey.of(sig, band, rowsPerBand).hash();
  }

  private long hashOf(StoryNode n, int band) {
    return band == TEXT_BAND ? n.candidate().textHash() : bandHash(n.candidate().signature(), band);
  }

  private static long bucketKey(int band, long hash) {
    return TextFingerprint.mix(hash * 31 + band);
  }

  /** A verified copy: {@code later} (in keeping order) copies {@code earlier}. */
  public record Link(StoryNode later, StoryNode earlier) implements Serializable {}

  /** What one bucket found: its links, and how many of its members the cap left out. */
  public record BucketResult(List<Link> links, int capped) {}

  /**
   * Step 2, keyed by bucket: the linked pairs among the nodes sharing one bucket value, each pair
   * reported only by the first bucket it shares (the text hash, else its lowest shared band), so
   * every link comes out once. The horizon is not applied here: it depends on the window.
   *
   * @param members (band, node) pairs that arrived under one bucket key (a key collision may mix
   *     values; they are separated again here)
   */
  public BucketResult links(Collection<Map.Entry<Integer, StoryNode>> members) {
    Map<List<Long>, List<StoryNode>> byValue = new LinkedHashMap<>();
    for (Map.Entry<Integer, StoryNode> m : members) {
      int band = m.getKey();
      byValue
          .computeIfAbsent(List.of((long) band, hashOf(m.getValue(), band)), k -> new ArrayList<>())
          .add(m.getValue());
    }
    List<Link> links = new ArrayList<>();
    int capped = 0;
    for (Map.Entry<List<Long>, List<StoryNode>> e : byValue.entrySet()) {
      int band = (int) (long) e.getKey().get(0);
      List<StoryNode> group = e.getValue();
      group.sort(NODE_ORDER);
      if (group.size() > bucketCap) {
        capped += group.size() - bucketCap;
        group = group.subList(0, bucketCap);
      }
      for (int j = 1; j < group.size(); j++) {
        StoryCandidate later = group.get(j).candidate();
        for (int i = 0; i < j; i++) {
          StoryCandidate earlier = group.get(i).candidate();
          if (later.id().equals(earlier.id())) {
            continue; // two versions of one id are never current together
          }
          if (linked(band, later, earlier)) {
            links.add(new Link(group.get(j).ref(), group.get(i).ref()));
          }
        }
      }
    }
    return new BucketResult(links, capped);
  }

  private boolean linked(int band, StoryCandidate a, StoryCandidate b) {
    if (band == TEXT_BAND) {
      return a.textHash() == b.textHash();
    }
    if (a.textHash() == b.textHash()
        || MinHasher.similarity(a.signature(), b.signature()) < threshold) {
      return false;
    }
    for (int lower = 0; lower < band; lower += rowsPerBand) {
      if (bandHash(a.signature(), lower) == bandHash(b.signature(), lower)) {
        return false; // reported by the lower band's bucket
      }
    }
    return true;
  }

  /**
   * Step 3: the contexts in which a link counts, as (start, end) pairs: the windows where both
   * versions are current and within the horizon of each other, and {@link #GLOBAL} when both are in
   * the undated pass (which has no horizon).
   */
  public List<long[]> contexts(Link link) {
    List<long[]> out = new ArrayList<>(8);
    StoryNode a = link.later();
    StoryNode b = link.earlier();
    if (a.candidate().eventTime() != Long.MIN_VALUE
        && b.candidate().eventTime() != Long.MIN_VALUE
        && Math.abs(a.candidate().eventTime() - b.candidate().eventTime()) <= horizonMillis) {
      for (int i = 0; i < a.windows().length; i += 2) {
        if (b.currentIn(a.windows()[i])) {
          out.add(new long[] {a.windows()[i], a.windows()[i + 1]});
        }
      }
    }
    if (a.global() && b.global()) {
      out.add(GLOBAL);
    }
    return out;
  }

  /** Step 3, keyed by (context, later article): its parent among the articles it copies there. */
  public static StoryNode parent(Collection<StoryNode> earlier) {
    StoryNode best = null;
    for (StoryNode n : earlier) {
      if (best == null || NODE_ORDER.compare(n, best) < 0) {
        best = n;
      }
    }
    return best;
  }

  /** The keeping order, on nodes. */
  public static final Comparator<StoryNode> NODE_ORDER =
      (x, y) -> {
        int c = StoryCandidate.compareForKeeping(x.candidate(), y.candidate());
        return c != 0 ? c : StoryCandidate.VERSION_ORDER.compare(x.candidate(), y.candidate());
      };

  /** Step 4: every context a node takes part in, as (start, end) pairs. */
  public static List<long[]> nodeContexts(StoryNode n) {
    List<long[]> out = new ArrayList<>(8);
    for (int i = 0; i < n.windows().length; i += 2) {
      out.add(new long[] {n.windows()[i], n.windows()[i + 1]});
    }
    if (n.global()) {
      out.add(GLOBAL);
    }
    return out;
  }

  /** What one story decides in one context. */
  public record StoryResult(
      List<StoryDeduplicator.Decision> decisions, List<KeptStory> kept, int duplicates) {}

  /**
   * Step 5, keyed by (context, root): the story's reach, and the verdicts of the context's own
   * articles (those with event time in [start, end)).
   *
   * @param rootKey the version key of the story's root
   * @param nodes every current node of the context whose root is rootKey, the root included; the
   *     context's own articles carry their entities
   */
  public static StoryResult resolve(
      long start, long end, String rootKey, Collection<StoryNode> nodes) {
    StoryNode root = null;
    Set<String> outlets = new TreeSet<>();
    for (StoryNode n : nodes) {
      outlets.add(n.outletForCount());
      if (n.key().equals(rootKey)) {
        root = n;
      }
    }
    if (root == null) {
      throw new IllegalStateException("story " + rootKey + " lacks its root");
    }
    String rootId = root.candidate().id();
    List<StoryDeduplicator.Decision> decisions = new ArrayList<>();
    List<KeptStory> kept = new ArrayList<>();
    int duplicates = 0;
    for (StoryNode n : nodes) {
      long t = n.candidate().eventTime();
      if (t < start || t >= end) {
        continue;
      }
      StoryVerdict v;
      if (n == root) {
        v = new StoryVerdict(rootId, false, null, rootId, nodes.size(), Set.copyOf(outlets));
        kept.add(new KeptStory(rootId, nodes.size(), v.outlets(), n.entities()));
      } else {
        v = new StoryVerdict(n.candidate().id(), false, rootId, rootId, 1, Set.of());
        duplicates++;
      }
      decisions.add(new StoryDeduplicator.Decision(n.key(), v));
    }
    return new StoryResult(decisions, kept, duplicates);
  }

  /** The result of the whole keyed computation, in memory. */
  public record Result(
      Map<String, StoryVerdict> verdicts,
      Map<Long, List<KeptStory>> keptByWindow,
      int superseded,
      int capped,
      int largestBucket) {}

  /**
   * Runs every step in memory, each on what its key would hold: the reference for the Beam
   * transform's wiring, and what the benchmark times.
   *
   * @param digests every article version once (dated ones with their event time, undated with
   *     Long.MIN_VALUE)
   */
  public Result run(Collection<StoryDigest> digests, boolean undatedSeeDated) {
    Map<String, List<StoryDigest>> byId = new HashMap<>();
    for (StoryDigest d : digests) {
      byId.computeIfAbsent(d.candidate().id(), k -> new ArrayList<>()).add(d);
    }
    List<StoryNode> nodes = new ArrayList<>();
    int superseded = 0;
    for (List<StoryDigest> versions : byId.values()) {
      Versions v = versions(versions, undatedSeeDated);
      nodes.addAll(v.nodes());
      superseded += v.superseded();
    }
    Map<Long, List<Map.Entry<Integer, StoryNode>>> buckets = new HashMap<>();
    for (StoryNode n : nodes) {
      StoryNode withoutEntities = new StoryNode(n.candidate(), n.windows(), n.global(), List.of());
      for (Bucket b : bucketKeys(n)) {
        buckets
            .computeIfAbsent(b.key(), k -> new ArrayList<>())
            .add(Map.entry(b.band(), withoutEntities));
      }
    }
    int capped = 0;
    int largest = 0;
    Map<String, List<StoryNode>> earlierByLater = new HashMap<>();
    for (List<Map.Entry<Integer, StoryNode>> bucket : buckets.values()) {
      largest = Math.max(largest, bucket.size());
      BucketResult r = links(bucket);
      capped += r.capped();
      for (Link l : r.links()) {
        for (long[] ctx : contexts(l)) {
          earlierByLater
              .computeIfAbsent(ctx[0] + "|" + l.later().key(), k -> new ArrayList<>())
              .add(l.earlier());
        }
      }
    }
    Map<String, StoryNode> parents = new HashMap<>();
    earlierByLater.forEach((k, v) -> parents.put(k, parent(v)));
    Map<String, List<StoryNode>> stories = new HashMap<>();
    Map<String, long[]> storyContext = new HashMap<>();
    for (StoryNode n : nodes) {
      for (long[] ctx : nodeContexts(n)) {
        String root = n.key();
        StoryNode p;
        while ((p = parents.get(ctx[0] + "|" + root)) != null) {
          root = p.key();
        }
        long t = n.candidate().eventTime();
        boolean member = t >= ctx[0] && t < ctx[1];
        String key = ctx[0] + "|" + root;
        stories.computeIfAbsent(key, k -> new ArrayList<>()).add(member ? n : n.ref());
        storyContext.put(key, ctx);
      }
    }
    Map<String, StoryVerdict> verdicts = new HashMap<>();
    Map<Long, List<KeptStory>> kept = new HashMap<>();
    for (Map.Entry<String, List<StoryNode>> s : stories.entrySet()) {
      long[] ctx = storyContext.get(s.getKey());
      String rootKey = s.getKey().substring(s.getKey().indexOf('|') + 1);
      StoryResult r = resolve(ctx[0], ctx[1], rootKey, s.getValue());
      for (StoryDeduplicator.Decision d : r.decisions()) {
        verdicts.put(d.versionKey(), d.verdict());
      }
      if (ctx != GLOBAL && !r.kept().isEmpty()) {
        kept.computeIfAbsent(ctx[0], k -> new ArrayList<>()).addAll(r.kept());
      }
    }
    kept.values().forEach(l -> l.sort(Comparator.comparing(KeptStory::articleId)));
    return new Result(verdicts, kept, superseded, capped, largest);
  }
}
