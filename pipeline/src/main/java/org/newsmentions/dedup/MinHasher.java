package org.newsmentions.dedup;

import java.io.Serializable;

/**
 * MinHash signatures by one-permutation hashing with optimal densification (Shrivastava, 2017):
 * each shingle is hashed once, its hash picks one of n buckets and competes for that bucket's
 * minimum; an empty bucket borrows the value of a non-empty one chosen by a fixed probe sequence.
 * The fraction of equal positions in two signatures estimates the Jaccard similarity of the shingle
 * sets, like n independent MinHash functions would (standard deviation about sqrt(J(1-J)/n)), at
 * the cost of one hash per shingle instead of n.
 */
public final class MinHasher implements Serializable {
  private static final long serialVersionUID = 2L;

  private final int numHashes;
  private final long seed;

  public MinHasher(int numHashes, long seed) {
    if (numHashes <= 0) {
      throw new IllegalArgumentException("numHashes must be positive");
    }
    this.numHashes = numHashes;
    this.seed = TextFingerprint.mix(seed);
  }

  public int size() {
    return numHashes;
  }

  public int[] signature(long[] shingles) {
    int n = numHashes;
    int[] sig = new int[n];
    java.util.Arrays.fill(sig, Integer.MAX_VALUE);
    if (shingles.length == 0) {
      return sig;
    }
    boolean[] filled = new boolean[n];
    for (long sh : shingles) {
      long h = TextFingerprint.mix(sh ^ seed);
      int bucket = (int) Long.remainderUnsigned(h, n);
      int value = (int) (h >>> 33);
      if (!filled[bucket] || value < sig[bucket]) {
        sig[bucket] = value;
        filled[bucket] = true;
      }
    }
    // Densification: each empty bucket copies the bucket its own probe sequence reaches first.
    // The sequence depends only on the bucket's index, so equal sets get equal signatures.
    int[] dense = sig.clone();
    for (int i = 0; i < n; i++) {
      if (filled[i]) {
        continue;
      }
      long probe = seed ^ (0x9E3779B97F4A7C15L * (i + 1));
      for (int attempt = 0; ; attempt++) {
        probe = TextFingerprint.mix(probe + attempt);
        int j = (int) Long.remainderUnsigned(probe, n);
        if (filled[j]) {
          dense[i] = sig[j];
          break;
        }
      }
    }
    return dense;
  }

  /** Estimated Jaccard similarity: the share of positions where both signatures agree. */
  public static double similarity(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("signatures of different lengths");
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }
}
