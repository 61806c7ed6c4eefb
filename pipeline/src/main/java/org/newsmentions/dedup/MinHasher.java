package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.Arrays;

/**
 * MinHash signatures over shingle hashes: one minimum per seeded hash function. The fraction of
 * equal positions in two signatures estimates the Jaccard similarity of the shingle sets.
 */
public final class MinHasher implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] seeds;

  public MinHasher(int numHashes, long seed) {
    if (numHashes <= 0) {
      throw new IllegalArgumentException("numHashes must be positive");
    }
    seeds = new long[numHashes];
    long s = seed;
    for (int i = 0; i < numHashes; i++) {
      s += 0x9E3779B97F4A7C15L;
      seeds[i] = TextFingerprint.mix(s);
    }
  }

  public int size() {
    return seeds.length;
  }

  public int[] signature(long[] shingles) {
    int[] sig = new int[seeds.length];
    Arrays.fill(sig, Integer.MAX_VALUE);
    for (long sh : shingles) {
      for (int i = 0; i < seeds.length; i++) {
        int v = (int) (TextFingerprint.mix(sh ^ seeds[i]) >>> 33);
        if (v < sig[i]) {
          sig[i] = v;
        }
      }
    }
    return sig;
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
