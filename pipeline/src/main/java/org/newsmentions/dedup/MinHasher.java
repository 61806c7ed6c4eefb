package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.Arrays;

/**
 * MinHash signatures over shingle hashes: one minimum per hash function of a multiply-shift family
 * (odd multiplier, random offset, top 32 bits), applied to shingle hashes that are already well
 * mixed. The fraction of equal positions in two signatures estimates the Jaccard similarity of the
 * shingle sets (standard deviation about sqrt(J(1-J)/n) for n functions).
 */
public final class MinHasher implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] multipliers;
  private final long[] offsets;

  public MinHasher(int numHashes, long seed) {
    if (numHashes <= 0) {
      throw new IllegalArgumentException("numHashes must be positive");
    }
    multipliers = new long[numHashes];
    offsets = new long[numHashes];
    long s = seed;
    for (int i = 0; i < numHashes; i++) {
      s += 0x9E3779B97F4A7C15L;
      multipliers[i] = TextFingerprint.mix(s) | 1L;
      s += 0x9E3779B97F4A7C15L;
      offsets[i] = TextFingerprint.mix(s);
    }
  }

  public int size() {
    return multipliers.length;
  }

  public int[] signature(long[] shingles) {
    int n = multipliers.length;
    long[] min = new long[n];
    Arrays.fill(min, Long.MAX_VALUE);
    for (long sh : shingles) {
      for (int i = 0; i < n; i++) {
        // Unsigned top 32 bits of a*x+b, compared as a non-negative long.
        long v = (multipliers[i] * sh + offsets[i]) >>> 32;
        if (v < min[i]) {
          min[i] = v;
        }
      }
    }
    int[] sig = new int[n];
    for (int i = 0; i < n; i++) {
      sig[i] = min[i] == Long.MAX_VALUE ? Integer.MAX_VALUE : (int) min[i];
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
