package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Links each article to the story it copies. An article is a copy when an article earlier in the
 * keeping order (earliest published, undated last, ties by text hash) and published within the
 * horizon of it has a similar body: in NEAR mode, the two share an LSH band of their MinHash
 * signatures and their estimated Jaccard similarity reaches the threshold; in EXACT mode (and
 * always), their normalised bodies are equal. A copy belongs to the story of the earliest such
 * article, so chains of copies end at one kept article. Every verdict depends only on the set of
 * candidates (never their order), and only on candidates within the horizon of the article, which
 * is what lets a streaming window decide with the articles of its neighbours only.
 */
public final class StoryClusterer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A horizon that never ends: every candidate can be a copy of every other. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  private final DedupMode mode;
  private final int rowsPerBand;
  private final double threshold;

  public StoryClusterer(DedupMode mode, int rowsPerBand, double threshold) {
    this.mode = mode;
    this.rowsPerBand = rowsPerBand;
    this.threshold = threshold;
  }

  /** Clusters with an unbounded horizon. */
  public List<StoryVerdict> cluster(Collection<StoryCandidate> input) {
    return cluster(input, UNBOUNDED);
  }

  /**
   * @param horizonMillis two articles further apart than this in event time are never copies
   * @return one verdict per input candidate, sorted by id (superseded versions first marked)
   */
  public List<StoryVerdict> cluster(Collection<StoryCandidate> input, long horizonMillis) {
    List<StoryVerdict> verdicts = new ArrayList<>(input.size());
    List<StoryCandidate> current = latestVersions(input, verdicts);
    current.sort(StoryCandidate::compareForKeeping);
    int n = current.size();
    int[] root = new int[n];
    Earlier earlier = earlierCopies(current, horizonMillis);
    for (int i = 0; i < n; i++) {
      root[i] = i;
      if (mode == DedupMode.OFF || current.get(i).signature().length == 0) {
        continue;
      }
      // Only linked pairs are listed, ascending, so the first is the earliest copy.
      if (earlier.start[i] < earlier.start[i + 1]) {
        root[i] = root[earlier.index[earlier.start[i]]];
      }
    }
    Map<Integer, Set<String>> outlets = new HashMap<>();
    Map<Integer, Integer> copies = new HashMap<>();
    for (int i = 0; i < n; i++) {
      StoryCandidate c = current.get(i);
      outlets
          .computeIfAbsent(root[i], k -> new TreeSet<>())
          .add(c.outlet() != null ? c.outlet() : "unknown:" + c.id());
      copies.merge(root[i], 1, Integer::sum);
    }
    for (int i = 0; i < n; i++) {
      StoryCandidate c = current.get(i);
      if (root[i] == i) {
        verdicts.add(
            new StoryVerdict(
                c.id(), false, null, c.id(), copies.get(i), Set.copyOf(outlets.get(i))));
      } else {
        String keptId = current.get(root[i]).id();
        verdicts.add(new StoryVerdict(c.id(), false, keptId, keptId, 1, Set.of()));
      }
    }
    verdicts.sort(Comparator.comparing(StoryVerdict::id).thenComparing(StoryVerdict::superseded));
    return verdicts;
  }

  private boolean similar(StoryCandidate a, StoryCandidate b) {
    if (a.textHash() == b.textHash()) {
      return true;
    }
    return mode == DedupMode.NEAR
        && MinHasher.similarity(a.signature(), b.signature()) >= threshold;
  }

  private static boolean withinHorizon(StoryCandidate a, StoryCandidate b, long horizon) {
    return horizon == UNBOUNDED || Math.abs(a.eventTime() - b.eventTime()) <= horizon;
  }

  /**
   * For each candidate i, the ascending indices of the earlier candidates it copies: {@code
   * index[start[i]]} to {@code index[start[i + 1] - 1]}.
   */
  private record Earlier(int[] start, int[] index) {}

  /**
   * For each candidate (in keeping order), the ascending indices of the earlier candidates it
   * copies: those sharing an LSH band (NEAR) or the exact text hash that are also within the
   * horizon and similar.
   *
   * <p>Each key (the text hash, then each band) is grouped on its own with primitive arrays: the
   * hashes sorted, the values that occur more than once found, and only their members listed. A
   * window's horizon may hold a few hundred thousand digests; a hash map entry per candidate and
   * band (86 of them) would need gigabytes. Each colliding pair is verified as it is found and only
   * links are kept, so memory follows the number of copies, not the number of chance collisions
   * (tens of millions in a horizon of 200,000 unrelated articles).
   */
  private Earlier earlierCopies(List<StoryCandidate> current, long horizonMillis) {
    int n = current.size();
    boolean[] eligible = new boolean[n];
    int maxLength = 0;
    for (int i = 0; i < n; i++) {
      int[] sig = current.get(i).signature();
      eligible[i] = sig.length > 0 && mode != DedupMode.OFF;
      if (eligible[i]) {
        maxLength = Math.max(maxLength, sig.length);
      }
    }
    PairList pairs =
        new PairList(
            (i, j) ->
                withinHorizon(current.get(i), current.get(j), horizonMillis)
                    && similar(current.get(i), current.get(j)));
    long[] hashes = new long[n];
    boolean[] has = new boolean[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = current.get(i).textHash();
      has[i] = eligible[i];
    }
    addGroups(hashes, has, pairs);
    if (mode == DedupMode.NEAR) {
      for (int band = 0; band + rowsPerBand <= maxLength; band += rowsPerBand) {
        for (int i = 0; i < n; i++) {
          int[] sig = current.get(i).signature();
          has[i] = eligible[i] && band + rowsPerBand <= sig.length;
          if (has[i]) {
            hashes[i] = BandKey.of(sig, band, rowsPerBand).hash();
          }
        }
        addGroups(hashes, has, pairs);
      }
    }
    long[] sorted = pairs.sorted();
    int[] start = new int[n + 1];
    int[] index = new int[sorted.length];
    for (int k = 0; k < sorted.length; k++) {
      start[(int) (sorted[k] >>> 32) + 1]++;
      index[k] = (int) sorted[k];
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    return new Earlier(start, index);
  }

  /**
   * Offers a pair (later, earlier) for every two candidates with the same hash; {@code has[i]} says
   * whether candidate i has this key at all.
   */
  private static void addGroups(long[] hashes, boolean[] has, PairList pairs) {
    int n = hashes.length;
    long[] sorted = new long[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (has[i]) {
        sorted[m++] = hashes[i];
      }
    }
    Arrays.sort(sorted, 0, m);
    // The hash values shared by two or more candidates (usually few: copies of one story).
    int shared = 0;
    for (int k = 1; k < m; k++) {
      if (sorted[k] == sorted[k - 1] && (shared == 0 || sorted[shared - 1] != sorted[k])) {
        sorted[shared++] = sorted[k];
      }
    }
    if (shared == 0) {
      return;
    }
    Map<Long, IntList> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (has[i] && Arrays.binarySearch(sorted, 0, shared, hashes[i]) >= 0) {
        IntList g = groups.computeIfAbsent(hashes[i], h -> new IntList());
        for (int a = 0; a < g.size; a++) {
          pairs.add(i, g.values[a]); // members come in ascending order
        }
        g.add(i);
      }
    }
  }

  private static final class IntList {
    int[] values = new int[4];
    int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }

  /** Whether candidate i (later) copies candidate j (earlier). */
  private interface Link {
    boolean test(int i, int j);
  }

  /** The linked pairs (later, earlier) as longs, each once however many bands it shares. */
  private static final class PairList {
    private final Link link;

    /** Pairs already linked: a copy shares many bands with its original, tested once. */
    private final Set<Long> linked = new HashSet<>();

    long[] values = new long[64];
    int size;

    PairList(Link link) {
      this.link = link;
    }

    void add(int later, int earlier) {
      long pair = (long) later << 32 | earlier;
      if (linked.contains(pair) || !link.test(later, earlier)) {
        return;
      }
      linked.add(pair);
      if (size == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = pair;
    }

    long[] sorted() {
      long[] out = Arrays.copyOf(values, size);
      Arrays.sort(out);
      return out;
    }
  }

  /** Keeps the newest version of each id; older versions get a superseded verdict. */
  private static List<StoryCandidate> latestVersions(
      Collection<StoryCandidate> input, List<StoryVerdict> verdicts) {
    Map<String, StoryCandidate> latest = new HashMap<>();
    for (StoryCandidate c : input) {
      latest.merge(c.id(), c, (a, b) -> StoryCandidate.VERSION_ORDER.compare(a, b) >= 0 ? a : b);
    }
    for (StoryCandidate c : input) {
      if (latest.get(c.id()) != c) {
        verdicts.add(new StoryVerdict(c.id(), true, null, null, 0, Set.of()));
      }
    }
    return new ArrayList<>(latest.values());
  }

  /** One LSH band of a signature, as a hashable key. */
  record BandKey(int band, long hash) {
    static BandKey of(int[] sig, int start, int rows) {
      long h = start;
      for (int r = start; r < start + rows; r++) {
        h = TextFingerprint.mix(h * 31 + sig[r]);
      }
      return new BandKey(start, h);
    }
  }
}
