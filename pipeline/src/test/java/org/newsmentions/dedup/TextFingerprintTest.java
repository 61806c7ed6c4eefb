package org.newsmentions.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextFingerprintTest {

  private static Set<Long> set(long[] a) {
    return Arrays.stream(a).boxed().collect(Collectors.toSet());
  }

  @Test
  void exactHashIgnoresLayoutCaseAndPunctuation() {
    String a = "BREAKING: Port workers strike!\n\nThe union said, \"no deal\" -- talks failed.";
    String b = "  breaking port workers STRIKE the union\r\nsaid no deal talks failed ";
    assertEquals(TextFingerprint.exactHash(a), TextFingerprint.exactHash(b));
  }

  @Test
  void exactHashFoldsCaseOfNonAsciiLetters() {
    assertEquals(
        TextFingerprint.exactHash("Zürich café ÉTÉ"), TextFingerprint.exactHash("ZÜRICH CAFÉ été"));
  }

  @Test
  void exactHashSeesWordsOrderAndBoundaries() {
    long base = TextFingerprint.exactHash("port workers strike");
    assertNotEquals(base, TextFingerprint.exactHash("port workers strikes"));
    assertNotEquals(base, TextFingerprint.exactHash("workers port strike"));
    assertNotEquals(base, TextFingerprint.exactHash("portworkers strike"));
    assertNotEquals(base, TextFingerprint.exactHash("port workers strike 2"));
  }

  @Test
  void exactHashOfTextsWithoutWordsAreEqual() {
    assertEquals(TextFingerprint.exactHash(""), TextFingerprint.exactHash(" -- !! \n\n ..."));
    assertNotEquals(TextFingerprint.exactHash(""), TextFingerprint.exactHash("a"));
  }

  @Test
  void wordHashesSplitOnNonLettersAndGrowPastInitialCapacity() {
    String text = IntStream.range(0, 1000).mapToObj(i -> "x").collect(Collectors.joining(" "));
    long[] words = TextFingerprint.wordHashes(text);
    assertEquals(1000, words.length);
    assertEquals(1, Arrays.stream(words).distinct().count());
    assertEquals(3, TextFingerprint.wordHashes("a,b;c").length);
    assertEquals(2, TextFingerprint.wordHashes("2025 Zürich").length);
  }

  @Test
  void shinglesCountForDistinctWords() {
    // 6 distinct words: 5 two-word shingles, 4 three-word shingles, 6 one-word shingles
    String t = "one two three four five six";
    assertEquals(5, TextFingerprint.shingles(t, 2).length);
    assertEquals(4, TextFingerprint.shingles(t, 3).length);
    assertEquals(6, TextFingerprint.shingles(t, 1).length);
  }

  @Test
  void shinglesAreDistinct() {
    long[] s = TextFingerprint.shingles("a b a b a b a b", 2);
    // only "a b" and "b a"
    assertEquals(2, s.length);
    assertEquals(2, set(s).size());
    assertEquals(1, TextFingerprint.shingles("same same same same", 2).length);
  }

  @Test
  void shinglesAreOrderedKWordWindows() {
    Set<Long> abc = set(TextFingerprint.shingles("a b c", 2));
    assertEquals(2, abc.size());
    assertTrue(abc.containsAll(set(TextFingerprint.shingles("a b", 2))));
    assertTrue(abc.containsAll(set(TextFingerprint.shingles("B, C!", 2))));
    assertFalse(abc.containsAll(set(TextFingerprint.shingles("a c", 2))));
    assertFalse(abc.containsAll(set(TextFingerprint.shingles("b a", 2))));
  }

  @Test
  void shortTextsGiveOneShingle() {
    assertEquals(1, TextFingerprint.shingles("alone", 2).length);
    assertEquals(1, TextFingerprint.shingles("just two", 3).length);
    // a short text's single shingle differs from a longer text's shingles
    assertNotEquals(
        TextFingerprint.shingles("alone", 2)[0], TextFingerprint.shingles("alone here", 2)[0]);
  }

  @Test
  void textsWithoutWordsHaveNoShingles() {
    assertEquals(0, TextFingerprint.shingles("", 2).length);
    assertEquals(0, TextFingerprint.shingles("  -- ... !!! \n\n", 2).length);
  }

  @Test
  void shinglesIgnoreLayout() {
    assertArrayEquals(
        TextFingerprint.shingles("Port workers, on strike.\n\nTalks FAILED", 2),
        TextFingerprint.shingles("port workers on strike talks failed", 2));
  }
}
