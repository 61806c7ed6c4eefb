package org.newsmentions.dedup;

import java.util.Arrays;

/**
 * Word-level fingerprints of a clean body: a hash of the whole normalised text and the hashes of
 * its word shingles. Normalisation folds case and keeps letters and digits only, so boilerplate
 * punctuation, quotes and line breaks do not matter.
 */
public final class TextFingerprint {
  private TextFingerprint() {}

  /** Lowercase letter/digit words of {@code text}, as an array of hashes (64-bit FNV-1a). */
  static long[] wordHashes(CharSequence text) {
    long[] out = new long[Math.max(16, text.length() / 5)];
    int n = 0;
    long h = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (!inWord) {
          h = 0xcbf29ce484222325L;
          inWord = true;
        }
        h ^= Character.toLowerCase(c);
        h *= 0x100000001b3L;
      } else if (inWord) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = h;
        inWord = false;
      }
    }
    if (inWord) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n + 1);
      }
      out[n++] = h;
    }
    return Arrays.copyOf(out, n);
  }

  /** Hash of the whole normalised word sequence: equal for texts that differ only in layout. */
  public static long exactHash(CharSequence text) {
    return exactHash(wordHashes(text));
  }

  /** {@link #exactHash(CharSequence)} from the text's word hashes. */
  static long exactHash(long[] words) {
    long h = 0x9E3779B97F4A7C15L;
    for (long w : words) {
      h = mix(h ^ w);
    }
    return h;
  }

  /**
   * Distinct hashes of the k-word shingles of {@code text}, ascending (fewer than k words: one
   * shingle).
   */
  public static long[] shingles(CharSequence text, int k) {
    return shingles(wordHashes(text), k);
  }

  /** {@link #shingles(CharSequence, int)} from the text's word hashes. */
  static long[] shingles(long[] words, int k) {
    long[] out = shingleHashes(words, k);
    // Sort and drop repeats in place: LongStream.distinct() boxed every hash into a HashSet and
    // was a quarter of the signature's cost. MinHash takes minima, so the order does not matter.
    Arrays.sort(out);
    int n = 0;
    for (long h : out) {
      if (n == 0 || h != out[n - 1]) {
        out[n++] = h;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * The hashes of the k-word shingles in text order, repeats included (enough for MinHash, which
   * takes minima).
   */
  static long[] shingleHashes(long[] words, int k) {
    if (words.length == 0) {
      return new long[0];
    }
    int count = Math.max(1, words.length - k + 1);
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      long h = 0x2545F4914F6CDD1DL;
      for (int j = i; j < Math.min(words.length, i + k); j++) {
        h = mix(h ^ words[j]);
      }
      out[i] = h;
    }
    return out;
  }

  /** A strong 64-bit mixer (splitmix64 finaliser). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
