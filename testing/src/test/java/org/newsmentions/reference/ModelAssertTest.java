package org.newsmentions.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The oracle comparison itself fails where it must: it is what every model test relies on. */
class ModelAssertTest {
  private static final Map<String, Map<String, String>> TWO_WINDOWS =
      Map.of(
          "2025-05-12", Map.of("Q142", "1/2/2/2", "Q183", "1/1/1/1"),
          "2025-05-13", Map.of("Q142", "1/1/1/1"));

  @Test
  void equalWindowsPass() {
    ModelAssert.assertSameWindows("counts", TWO_WINDOWS, new TreeMap<>(TWO_WINDOWS));
  }

  @Test
  void anEmptyExpectationFails() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> ModelAssert.assertSameWindows("counts", Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("expects no rows"), e.getMessage());
    // Windows without rows are no expectation either.
    assertThrows(
        AssertionError.class,
        () -> ModelAssert.assertSameWindows("counts", Map.of("w", Map.of()), Map.of()));
  }

  @Test
  void anExtraWindowFailsByName() {
    Map<String, Map<String, String>> actual = new TreeMap<>(TWO_WINDOWS);
    actual.put("2025-05-14", Map.of("Q30", "1/1/1/1"));
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> ModelAssert.assertSameWindows("counts", TWO_WINDOWS, actual));
    assertTrue(e.getMessage().contains("extra windows: [2025-05-14]"), e.getMessage());
    assertTrue(!e.getMessage().contains("missing windows"), e.getMessage());
  }

  @Test
  void aMissingWindowFailsByName() {
    Map<String, Map<String, String>> actual = new TreeMap<>(TWO_WINDOWS);
    actual.remove("2025-05-13");
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> ModelAssert.assertSameWindows("counts", TWO_WINDOWS, actual));
    assertTrue(e.getMessage().contains("missing windows: [2025-05-13]"), e.getMessage());
  }

  @Test
  void differingRowsFailWithTheirKeys() {
    Map<String, Map<String, String>> actual = new TreeMap<>(TWO_WINDOWS);
    actual.put("2025-05-12", Map.of("Q142", "1/1/1/1", "Q30", "2/1/1/1"));
    String d = ModelAssert.differences(TWO_WINDOWS, actual);
    assertEquals(
        "\n  window 2025-05-12:"
            + "\n    missing keys (1): Q183"
            + "\n    extra keys (1): Q30"
            + "\n    different (1): Q142 (expected 1/2/2/2, actual 1/1/1/1)",
        d);
    assertThrows(
        AssertionError.class, () -> ModelAssert.assertSameWindows("counts", TWO_WINDOWS, actual));
  }

  @Test
  void keysSplitIntoWindowsAndDuplicatesFail() {
    assertEquals(
        Map.of("2025-05-12T00:00:00Z", Map.of("Q142", "1/2/2/2", "Q183", "1/1/1/1")),
        ModelAssert.byWindowOfKeys(
            Map.of(
                "2025-05-12T00:00:00Z|Q142", "1/2/2/2", "2025-05-12T00:00:00Z|Q183", "1/1/1/1")));
    assertThrows(AssertionError.class, () -> ModelAssert.byWindowOfKeys(Map.of("no-bar", "1")));
    assertThrows(
        AssertionError.class,
        () -> ModelAssert.finalPanes(List.of("true\t0\tw\tQ1\ta", "true\t0\tw\tQ1\tb")));
  }

  @Test
  void finalPanesAreThePanesMarkedLastElseTheHighest() {
    // Streaming: an early pane, then the final one, which no longer has Q2.
    assertEquals(
        Map.of("w1", Map.of("Q1", "b")),
        ModelAssert.finalPanes(
            List.of("false\t0\tw1\tQ1\ta", "false\t0\tw1\tQ2\ta", "true\t1\tw1\tQ1\tb")));
    // No pane marked last: each window's highest pane.
    assertEquals(
        Map.of("w1", Map.of("Q1", "b"), "w2", Map.of("Q3", "c")),
        ModelAssert.finalPanes(
            List.of("false\t0\tw1\tQ1\ta", "false\t1\tw1\tQ1\tb", "false\t0\tw2\tQ3\tc")));
  }

  @Test
  void coMentionFinalPanesArePerKey() {
    // Panes per pair: pair "a b" ends at pane 2, "a c" at pane 0 (both marked last); the early
    // row of "a d", never marked last, fell below the minimum later and is not final.
    assertEquals(
        Map.of("w1", Map.of("a b", "x3", "a c", "y")),
        ModelAssert.finalPanesPerKey(
            List.of(
                "false\t0\tw1\ta b\tx1",
                "false\t1\tw1\ta b\tx2",
                "true\t2\tw1\ta b\tx3",
                "true\t0\tw1\ta c\ty",
                "false\t0\tw1\ta d\tz")));
    // Batch (nothing marked last): each pair's highest pane, not the window's highest.
    assertEquals(
        Map.of("w1", Map.of("a b", "x2", "a c", "y")),
        ModelAssert.finalPanesPerKey(
            List.of("false\t0\tw1\ta b\tx1", "false\t1\tw1\ta b\tx2", "false\t0\tw1\ta c\ty")));
  }
}
