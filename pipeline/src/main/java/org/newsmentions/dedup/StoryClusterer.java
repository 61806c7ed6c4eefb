package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
    List<List<Integer>> earlier = earlierCandidates(current);
    for (int i = 0; i < n; i++) {
      root[i] = i;
      if (mode == DedupMode.OFF || current.get(i).signature().length == 0) {
        continue;
      }
      // Candidates are ascending, so the first match is the earliest copy.
      for (int j : earlier.get(i)) {
        if (withinHorizon(current.get(i), current.get(j), horizonMillis)
            && similar(current.get(i), current.get(j))) {
          root[i] = root[j];
          break;
        }
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
   * For each candidate (in keeping order), the ascending indices of earlier candidates that may be
   * copies of it: those sharing an LSH band (NEAR) or the exact text hash.
   */
  private List<List<Integer>> earlierCandidates(List<StoryCandidate> current) {
    Map<Object, List<Integer>> buckets = new HashMap<>();
    List<TreeSet<Integer>> found = new ArrayList<>(current.size());
    for (int i = 0; i < current.size(); i++) {
      TreeSet<Integer> mine = new TreeSet<>();
      StoryCandidate c = current.get(i);
      if (c.signature().length > 0 && mode != DedupMode.OFF) {
        List<Object> keys = new ArrayList<>();
        keys.add(c.textHash());
        if (mode == DedupMode.NEAR) {
          int[] sig = c.signature();
          for (int band = 0; band + rowsPerBand <= sig.length; band += rowsPerBand) {
            keys.add(BandKey.of(sig, band, rowsPerBand));
          }
        }
        for (Object key : keys) {
          List<Integer> bucket = buckets.computeIfAbsent(key, k -> new ArrayList<>());
          mine.addAll(bucket);
          bucket.add(i);
        }
      }
      found.add(mine);
    }
    List<List<Integer>> out = new ArrayList<>(found.size());
    found.forEach(s -> out.add(new ArrayList<>(s)));
    return out;
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
