package org.newsmentions.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.newsmentions.schema.EntityCoMentionCount;
import org.newsmentions.schema.EntityMentionCount;

/**
 * The one comparison of pipeline output with {@link ReferenceModel} output, as Nexmark's model
 * assertions: per window. It fails when the model expects nothing (a comparison with an empty
 * expectation passes whatever the pipeline does), when the sets of windows differ (naming the
 * missing and the extra windows), and when a window's rows differ (naming the missing, extra and
 * different keys).
 *
 * <p>Both sides are {@code window -> (row key -> row)}: for counts, the window is {@code
 * start/end}, the key the entity id and the row its figures (see {@link #byWindow}); for the Kafka
 * tests, the window is the {@code window_start} of the topic's {@code window_start|entity_id} keys
 * ({@link #byWindowOfKeys}).
 */
public final class ModelAssert {
  /** At most this many keys are listed per window and kind of difference. */
  private static final int SHOWN = 10;

  private ModelAssert() {}

  /** Fails unless {@code actual} equals {@code expected} window by window and row by row. */
  public static void assertSameWindows(
      String what,
      Map<String, ? extends Map<String, String>> expected,
      Map<String, ? extends Map<String, String>> actual) {
    requireExpectation(what, expected);
    String d = differences(expected, actual);
    if (d != null) {
      throw new AssertionError(what + " differs from the reference model:" + d);
    }
  }

  /** Fails when the model's expectation has no row at all: nothing would be compared. */
  public static void requireExpectation(
      String what, Map<String, ? extends Map<String, String>> expected) {
    if (expected.values().stream().allMatch(Map::isEmpty)) {
      throw new AssertionError(
          what
              + ": the reference model expects no rows, so the comparison would pass whatever the"
              + " pipeline wrote; the test's input is wrong");
    }
  }

  /** The differences, one per line, or null when there are none. */
  public static String differences(
      Map<String, ? extends Map<String, String>> expected,
      Map<String, ? extends Map<String, String>> actual) {
    StringBuilder sb = new StringBuilder();
    TreeSet<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(actual.keySet());
    TreeSet<String> extra = new TreeSet<>(actual.keySet());
    extra.removeAll(expected.keySet());
    if (!missing.isEmpty()) {
      sb.append("\n  missing windows: ").append(missing);
    }
    if (!extra.isEmpty()) {
      sb.append("\n  extra windows: ").append(extra);
    }
    for (String w : new TreeSet<>(expected.keySet())) {
      Map<String, String> want = expected.get(w);
      Map<String, String> got = actual.get(w);
      if (got == null || want.equals(got)) {
        continue;
      }
      List<String> missingKeys = new ArrayList<>();
      List<String> extraKeys = new ArrayList<>();
      List<String> different = new ArrayList<>();
      TreeSet<String> keys = new TreeSet<>(want.keySet());
      keys.addAll(got.keySet());
      for (String k : keys) {
        String e = want.get(k);
        String a = got.get(k);
        if (a == null) {
          missingKeys.add(k);
        } else if (e == null) {
          extraKeys.add(k);
        } else if (!Objects.equals(e, a)) {
          different.add(k + " (expected " + e + ", actual " + a + ")");
        }
      }
      sb.append("\n  window ").append(w).append(":");
      appendKeys(sb, "missing keys", missingKeys);
      appendKeys(sb, "extra keys", extraKeys);
      appendKeys(sb, "different", different);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private static void appendKeys(StringBuilder sb, String kind, List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    sb.append("\n    ").append(kind).append(" (").append(keys.size()).append("): ");
    sb.append(String.join(", ", keys.subList(0, Math.min(SHOWN, keys.size()))));
    if (keys.size() > SHOWN) {
      sb.append(", ...");
    }
  }

  /**
   * Counts as {@code start/end -> entity id -> figures}; fails on two rows for one entity in one
   * window (a duplicate would otherwise hide in the map).
   */
  public static TreeMap<String, TreeMap<String, String>> byWindow(
      Iterable<EntityMentionCount> counts) {
    TreeMap<String, TreeMap<String, String>> out = new TreeMap<>();
    for (EntityMentionCount c : counts) {
      put(out, window(c), c.getEntityId().toString(), figures(c));
    }
    return out;
  }

  /** {@code window_start|entity_id -> row} (the Kafka sink's keys) split into windows. */
  public static TreeMap<String, TreeMap<String, String>> byWindowOfKeys(Map<String, String> rows) {
    TreeMap<String, TreeMap<String, String>> out = new TreeMap<>();
    rows.forEach(
        (k, v) -> {
          int bar = k.indexOf('|');
          if (bar < 0) {
            throw new AssertionError("not a window_start|entity_id key: " + k);
          }
          put(out, k.substring(0, bar), k.substring(bar + 1), v);
        });
    return out;
  }

  private static void put(
      TreeMap<String, TreeMap<String, String>> out, String window, String key, String row) {
    String before = out.computeIfAbsent(window, w -> new TreeMap<>()).put(key, row);
    if (before != null) {
      throw new AssertionError(
          "two rows for " + key + " in window " + window + ": " + before + " and " + row);
    }
  }

  private static String window(EntityMentionCount c) {
    return c.getWindowStart() + "/" + c.getWindowEnd();
  }

  /** A count's figures and entity, without its window and pane fields. */
  private static String figures(EntityMentionCount c) {
    return c.getEntityName()
        + " "
        + c.getEntityType()
        + " mentions="
        + c.getMentions()
        + " articles="
        + c.getArticles()
        + " copies="
        + c.getCopies()
        + " outlets="
        + c.getOutlets();
  }

  /**
   * Asserts, when the pipeline runs, that the final pane of each window of {@code counts} equals
   * the model's {@code expected} counts (all windows, all rows; panes in batch: the one pane).
   * Fails at once when {@code expected} is empty.
   */
  public static void assertFinalPanes(
      String what, PCollection<EntityMentionCount> counts, List<EntityMentionCount> expected) {
    assertFinalRows(
        what,
        byWindow(expected),
        counts.apply(what + "/PaneRows", ParDo.of(new PaneRowFn())),
        ModelAssert::finalPanes);
  }

  /**
   * Asserts, when the pipeline runs, that the final rows that {@code select} picks from {@code
   * paneRows} (rows of {@link PaneRowFn}'s form) equal {@code want}; fails at once when {@code
   * want} is empty.
   */
  private static void assertFinalRows(
      String what,
      TreeMap<String, TreeMap<String, String>> want,
      PCollection<String> paneRows,
      SerializableFunction<Iterable<String>, TreeMap<String, TreeMap<String, String>>> select) {
    requireExpectation(what, want);
    PCollection<String> rows =
        paneRows
            .setCoder(StringUtf8Coder.of())
            .apply(what + "/AllPanes", Window.into(new GlobalWindows()));
    PAssert.that(rows)
        .satisfies(
            all -> {
              assertSameWindows(what, want, select.apply(all));
              return null;
            });
  }

  /**
   * Co-mentions as {@code start/end -> "a_id b_id" -> figures}; fails on two rows for one pair in
   * one window.
   */
  public static TreeMap<String, TreeMap<String, String>> coMentionsByWindow(
      Iterable<EntityCoMentionCount> rows) {
    TreeMap<String, TreeMap<String, String>> out = new TreeMap<>();
    for (EntityCoMentionCount c : rows) {
      put(out, window(c), pair(c), figures(c));
    }
    return out;
  }

  private static String window(EntityCoMentionCount c) {
    return c.getWindowStart() + "/" + c.getWindowEnd();
  }

  private static String pair(EntityCoMentionCount c) {
    return c.getEntityAId() + " " + c.getEntityBId();
  }

  /** A co-mention's entities and figures, without its window and pane fields. */
  private static String figures(EntityCoMentionCount c) {
    return c.getEntityAName()
        + " ("
        + c.getEntityAType()
        + ") + "
        + c.getEntityBName()
        + " ("
        + c.getEntityBType()
        + ") articles="
        + c.getArticles()
        + " mentions_a="
        + c.getMentionsA()
        + " mentions_b="
        + c.getMentionsB();
  }

  /**
   * Asserts, when the pipeline runs, that the final pane of each window and pair of {@code
   * coMentions} equals the model's {@code expected} rows. Co-mentions have panes per pair, not per
   * window: in streaming the rows of panes marked last, in batch each pair's highest pane. Fails at
   * once when {@code expected} is empty.
   */
  public static void assertFinalCoMentionPanes(
      String what,
      PCollection<EntityCoMentionCount> coMentions,
      List<EntityCoMentionCount> expected) {
    assertFinalRows(
        what,
        coMentionsByWindow(expected),
        coMentions.apply(what + "/PaneRows", ParDo.of(new CoMentionPaneRowFn())),
        ModelAssert::finalPanesPerKey);
  }

  static class CoMentionPaneRowFn extends DoFn<EntityCoMentionCount, String> {
    @ProcessElement
    public void process(
        @Element EntityCoMentionCount c, PaneInfo pane, OutputReceiver<String> out) {
      out.output(
          String.join(
              "\t",
              Boolean.toString(pane.isLast()),
              Long.toString(pane.getIndex()),
              window(c),
              pair(c),
              figures(c)));
    }
  }

  /**
   * The final row of each window and key: when any pane is marked last, only rows of panes marked
   * last (so a key whose last pane has no row is absent); otherwise each key's highest pane.
   */
  static TreeMap<String, TreeMap<String, String>> finalPanesPerKey(Iterable<String> paneRows) {
    return finalRows(paneRows, f -> f[2] + "\t" + f[3]);
  }

  /** A count with its pane: is-last, pane index, window, entity and figures, tab-separated. */
  static class PaneRowFn extends DoFn<EntityMentionCount, String> {
    @ProcessElement
    public void process(@Element EntityMentionCount c, PaneInfo pane, OutputReceiver<String> out) {
      out.output(
          String.join(
              "\t",
              Boolean.toString(pane.isLast()),
              Long.toString(pane.getIndex()),
              window(c),
              c.getEntityId().toString(),
              figures(c)));
    }
  }

  /**
   * The rows of each window's final pane: those of the pane marked last (streaming: every window
   * ends with one), or, when no pane is marked last anywhere, of each window's highest pane.
   */
  static TreeMap<String, TreeMap<String, String>> finalPanes(Iterable<String> paneRows) {
    return finalRows(paneRows, f -> f[2]);
  }

  /**
   * The rows of the final panes, a pane's index compared within the group {@code group} names (the
   * window, or the window and key): rows of panes marked last when any is, else each group's
   * highest pane.
   */
  private static TreeMap<String, TreeMap<String, String>> finalRows(
      Iterable<String> paneRows, java.util.function.Function<String[], String> group) {
    List<String[]> rows = new ArrayList<>();
    boolean anyLast = false;
    Map<String, Long> highest = new TreeMap<>();
    for (String r : paneRows) {
      String[] f = r.split("\t", 5);
      rows.add(f);
      anyLast |= Boolean.parseBoolean(f[0]);
      highest.merge(group.apply(f), Long.parseLong(f[1]), Math::max);
    }
    TreeMap<String, TreeMap<String, String>> out = new TreeMap<>();
    for (String[] f : rows) {
      boolean last =
          anyLast
              ? Boolean.parseBoolean(f[0])
              : Long.parseLong(f[1]) == highest.get(group.apply(f));
      if (last) {
        put(out, f[2], f[3], f[4]);
      }
    }
    return out;
  }
}
