package org.newsmentions.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MinHasherTest {
  private static final long SEED = 42L;

  private static long[] shingles(String text) {
    return TextFingerprint.shingles(text, 2);
  }

  private static double trueJaccard(long[] a, long[] b) {
    Set<Long> sa = Arrays.stream(a).boxed().collect(Collectors.toSet());
    Set<Long> sb = Arrays.stream(b).boxed().collect(Collectors.toSet());
    Set<Long> inter = new HashSet<>(sa);
    inter.retainAll(sb);
    Set<Long> union = new HashSet<>(sa);
    union.addAll(sb);
    return (double) inter.size() / union.size();
  }

  @Test
  void identicalTextsHaveSimilarityOne() {
    MinHasher h = new MinHasher(128, SEED);
    String body = NewsTexts.body(NewsTexts.HARBOUR);
    int[] a = h.signature(shingles(body));
    int[] b = h.signature(shingles(body.toUpperCase(Locale.ROOT).replace("\n\n", " ")));
    assertEquals(1.0, MinHasher.similarity(a, b));
  }

  @Test
  void oneParagraphChangedOutOfFiveIsCloseToTrueJaccard() {
    MinHasher h = new MinHasher(128, SEED);
    long[] a = shingles(NewsTexts.body(NewsTexts.HARBOUR));
    long[] b = shingles(NewsTexts.harbourWith(4, NewsTexts.HARBOUR_UPDATE));
    double truth = trueJaccard(a, b);
    assertTrue(truth > 0.5 && truth < 0.85, "sanity: true Jaccard " + truth);
    double est = MinHasher.similarity(h.signature(a), h.signature(b));
    assertEquals(truth, est, 0.15, "estimate " + est + " vs true " + truth);
  }

  @Test
  void estimateTracksTrueJaccardForSeveralSeeds() {
    long[] a = shingles(NewsTexts.body(NewsTexts.HARBOUR));
    long[] b = shingles(NewsTexts.harbourWith(3, NewsTexts.HARBOUR_ANALYSIS));
    double truth = trueJaccard(a, b);
    for (long seed = 1; seed <= 5; seed++) {
      MinHasher h = new MinHasher(128, seed);
      double est = MinHasher.similarity(h.signature(a), h.signature(b));
      assertEquals(truth, est, 0.15, "seed " + seed);
    }
  }

  @Test
  void unrelatedTextsAreNearZero() {
    MinHasher h = new MinHasher(128, SEED);
    double s =
        MinHasher.similarity(
            h.signature(shingles(NewsTexts.body(NewsTexts.HARBOUR))),
            h.signature(shingles(NewsTexts.body(NewsTexts.OBSERVATORY))));
    assertTrue(s < 0.1, "similarity " + s);
  }

  @Test
  void deterministicForASeedAndDifferentAcrossSeeds() {
    long[] sh = shingles(NewsTexts.body(NewsTexts.OBSERVATORY));
    int[] a = new MinHasher(64, 7L).signature(sh);
    int[] b = new MinHasher(64, 7L).signature(sh);
    int[] c = new MinHasher(64, 8L).signature(sh);
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
  }

  @Test
  void signatureDoesNotDependOnShingleOrder() {
    MinHasher h = new MinHasher(32, SEED);
    long[] sh = shingles(NewsTexts.body(NewsTexts.HARBOUR));
    long[] reversed = new long[sh.length];
    for (int i = 0; i < sh.length; i++) {
      reversed[i] = sh[sh.length - 1 - i];
    }
    assertArrayEquals(h.signature(sh), h.signature(reversed));
  }

  @Test
  void sizeAndNonNegativeValues() {
    MinHasher h = new MinHasher(16, SEED);
    assertEquals(16, h.size());
    int[] sig = h.signature(shingles("a few words of text"));
    assertEquals(16, sig.length);
    for (int v : sig) {
      assertTrue(v >= 0 && v < Integer.MAX_VALUE);
    }
  }

  @Test
  void emptyShinglesGiveMaxValues() {
    int[] sig = new MinHasher(8, SEED).signature(new long[0]);
    for (int v : sig) {
      assertEquals(Integer.MAX_VALUE, v);
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new MinHasher(0, SEED));
    assertThrows(IllegalArgumentException.class, () -> new MinHasher(-3, SEED));
    assertThrows(
        IllegalArgumentException.class, () -> MinHasher.similarity(new int[3], new int[4]));
  }
}
