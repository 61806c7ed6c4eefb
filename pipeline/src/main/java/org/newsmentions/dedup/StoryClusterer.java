package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups the articles of one window into stories. Two articles are copies when their signatures
 * share an LSH band and their estimated Jaccard similarity reaches the threshold (or, in EXACT
 * mode, when their normalised bodies are equal); stories are the connected components of that
 * relation. The kept copy is the earliest published, ties broken by text hash, so the result
 * depends only on the set of candidates, never on their order.
 */
public final class StoryClusterer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final DedupMode mode;
  private final int rowsPerBand;
  private final double threshold;

  public StoryClusterer(DedupMode mode, int rowsPerBand, double threshold) {
    this.mode = mode;
    this.rowsPerBand = rowsPerBand;
    this.threshold = threshold;
  }

  public List<StoryVerdict> cluster(Collection<StoryCandidate> input) {
    List<StoryVerdict> verdicts = new ArrayList<>(input.size());
    List<StoryCandidate> current = latestVersions(input, verdicts);
    current.sort(StoryCandidate::compareForKeeping);
    int n = current.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    if (mode != DedupMode.OFF) {
      linkExact(current, parent);
    }
    if (mode == DedupMode.NEAR) {
      linkNear(current, parent);
    }
    Map<Integer, List<Integer>> components = new HashMap<>();
    for (int i = 0; i < n; i++) {
      components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> members : components.values()) {
      // Members are in keeping order because current is sorted and indices ascend.
      StoryCandidate kept = current.get(members.get(0));
      Set<String> outlets = new TreeSet<>();
      for (int m : members) {
        StoryCandidate c = current.get(m);
        outlets.add(c.outlet() != null ? c.outlet() : "unknown:" + c.id());
      }
      verdicts.add(
          new StoryVerdict(kept.id(), false, null, kept.id(), members.size(), Set.copyOf(outlets)));
      for (int k = 1; k < members.size(); k++) {
        StoryCandidate copy = current.get(members.get(k));
        verdicts.add(new StoryVerdict(copy.id(), false, kept.id(), kept.id(), 1, Set.of()));
      }
    }
    verdicts.sort(Comparator.comparing(StoryVerdict::id).thenComparing(StoryVerdict::superseded));
    return verdicts;
  }

  /** Keeps the newest version of each id; older versions get a superseded verdict. */
  private static List<StoryCandidate> latestVersions(
      Collection<StoryCandidate> input, List<StoryVerdict> verdicts) {
    Map<String, StoryCandidate> latest = new HashMap<>();
    for (StoryCandidate c : input) {
      latest.merge(c.id(), c, (a, b) -> newer(a, b) ? a : b);
    }
    for (StoryCandidate c : input) {
      if (latest.get(c.id()) != c) {
        verdicts.add(new StoryVerdict(c.id(), true, null, null, 0, Set.of()));
      }
    }
    return new ArrayList<>(latest.values());
  }

  private static boolean newer(StoryCandidate a, StoryCandidate b) {
    if (a.ingested() != b.ingested()) {
      return a.ingested() > b.ingested();
    }
    return a.textHash() >= b.textHash();
  }

  private static void linkExact(List<StoryCandidate> current, int[] parent) {
    Map<Long, Integer> first = new HashMap<>();
    for (int i = 0; i < current.size(); i++) {
      if (current.get(i).signature().length == 0) {
        continue;
      }
      Integer j = first.putIfAbsent(current.get(i).textHash(), i);
      if (j != null) {
        union(parent, i, j);
      }
    }
  }

  private void linkNear(List<StoryCandidate> current, int[] parent) {
    Map<BandKey, List<Integer>> buckets = new HashMap<>();
    for (int i = 0; i < current.size(); i++) {
      int[] sig = current.get(i).signature();
      for (int band = 0; band + rowsPerBand <= sig.length; band += rowsPerBand) {
        buckets.computeIfAbsent(BandKey.of(sig, band, rowsPerBand), k -> new ArrayList<>()).add(i);
      }
    }
    Set<Long> verified = new LinkedHashSet<>();
    for (List<Integer> bucket : buckets.values()) {
      for (int x = 0; x < bucket.size(); x++) {
        for (int y = x + 1; y < bucket.size(); y++) {
          int i = bucket.get(x);
          int j = bucket.get(y);
          if (find(parent, i) == find(parent, j) || !verified.add(((long) i << 32) | j)) {
            continue;
          }
          double s = MinHasher.similarity(current.get(i).signature(), current.get(j).signature());
          if (s >= threshold) {
            union(parent, i, j);
          }
        }
      }
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Union keeping the smaller index (the earlier copy) as root. */
  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra < rb) {
      parent[rb] = ra;
    } else if (rb < ra) {
      parent[ra] = rb;
    }
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
