package org.newsmentions.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.Article;

class StoryClustererTest {
  private static final double THRESHOLD = 0.5;
  private static final StorySignatures SIGNATURES = new StorySignatures();
  private static final Instant T0 = Instant.parse("2025-05-04T08:00:00Z");

  private static StoryClusterer clusterer(DedupMode mode) {
    return new StoryClusterer(mode, StorySignatures.ROWS_PER_BAND, THRESHOLD);
  }

  private static StoryCandidate candidate(
      String id, String body, Instant published, String outlet, long ingestedMillis) {
    Article.Builder b =
        Article.newBuilder()
            .setId(id)
            .setSource("test/" + id)
            .setTitle("t")
            .setBody(body)
            .setOutlet(outlet)
            .setPublished(published)
            .setIngested(Instant.ofEpochMilli(ingestedMillis));
    return SIGNATURES.candidate(b.build(), published == null ? 0L : published.toEpochMilli());
  }

  private static StoryCandidate candidate(
      String id, String body, Instant published, String outlet) {
    return candidate(id, body, published, outlet, 1_000L);
  }

  private static Map<String, StoryVerdict> byId(List<StoryVerdict> verdicts) {
    return verdicts.stream()
        .filter(v -> !v.superseded())
        .collect(Collectors.toMap(StoryVerdict::id, Function.identity()));
  }

  private static final String A = NewsTexts.body(NewsTexts.HARBOUR);
  private static final String A_NEAR = NewsTexts.harbourWith(4, NewsTexts.HARBOUR_UPDATE);
  private static final String A_RELAID =
      A.toUpperCase(Locale.ROOT).replace("\n\n", "\n").replace(",", " ,  ");
  private static final String B = NewsTexts.body(NewsTexts.OBSERVATORY);

  @Test
  void offModeKeepsEveryArticle() {
    List<StoryVerdict> v =
        clusterer(DedupMode.OFF)
            .cluster(
                List.of(
                    candidate("a1", A, T0, "x"),
                    candidate("a2", A, T0.plusSeconds(60), "y"),
                    candidate("a3", A_NEAR, T0, "z")));
    assertEquals(3, v.size());
    for (StoryVerdict x : v) {
      assertTrue(x.kept(), x.toString());
      assertEquals(x.id(), x.storyId());
      assertEquals(1, x.copies());
      assertEquals(1, x.outlets().size());
    }
  }

  @Test
  void exactModeJoinsOnlyIdenticalNormalisedBodies() {
    Map<String, StoryVerdict> v =
        byId(
            clusterer(DedupMode.EXACT)
                .cluster(
                    List.of(
                        candidate("a1", A, T0, "x"),
                        candidate("a2", A_RELAID, T0.plusSeconds(60), "y"),
                        candidate("a3", A_NEAR, T0.plusSeconds(120), "z"),
                        candidate("b1", B, T0, "x"))));
    assertTrue(v.get("a1").kept());
    assertEquals(2, v.get("a1").copies());
    assertEquals(Set.of("x", "y"), v.get("a1").outlets());
    assertEquals("a1", v.get("a2").duplicateOf());
    assertEquals("a1", v.get("a2").storyId());
    assertTrue(v.get("a3").kept(), "near copy is not an exact copy");
    assertEquals(1, v.get("a3").copies());
    assertTrue(v.get("b1").kept());
  }

  @Test
  void nearModeJoinsNearCopiesButNotUnrelatedStories() {
    Map<String, StoryVerdict> v =
        byId(
            clusterer(DedupMode.NEAR)
                .cluster(
                    List.of(
                        candidate("a1", A, T0, "x"),
                        candidate("a2", A_RELAID, T0.plusSeconds(60), "y"),
                        candidate("a3", A_NEAR, T0.plusSeconds(120), "z"),
                        candidate("b1", B, T0, "x"))));
    assertEquals(3, v.get("a1").copies());
    assertEquals(Set.of("x", "y", "z"), v.get("a1").outlets());
    assertEquals("a1", v.get("a2").duplicateOf());
    assertEquals("a1", v.get("a3").duplicateOf());
    assertTrue(v.get("b1").kept());
    assertEquals(1, v.get("b1").copies());
    assertEquals("b1", v.get("b1").storyId());
  }

  @Test
  void keptCopyIsEarliestPublished() {
    Map<String, StoryVerdict> v =
        byId(
            clusterer(DedupMode.NEAR)
                .cluster(
                    List.of(
                        candidate("first-listed", A, T0.plusSeconds(3600), "x"),
                        candidate("earliest", A_NEAR, T0, "y"),
                        candidate("middle", A, T0.plusSeconds(60), "z"))));
    assertTrue(v.get("earliest").kept());
    assertEquals(3, v.get("earliest").copies());
    assertEquals("earliest", v.get("first-listed").duplicateOf());
    assertEquals("earliest", v.get("middle").duplicateOf());
    assertEquals(0, v.get("middle").outlets().size());
    assertEquals(1, v.get("middle").copies());
  }

  @Test
  void undatedCopyIsKeptOnlyWhenNoCopyIsDated() {
    Map<String, StoryVerdict> v =
        byId(
            clusterer(DedupMode.EXACT)
                .cluster(
                    List.of(
                        candidate("aa-undated", A, null, "x"),
                        candidate("zz-dated", A, T0.plusSeconds(86_000), "y"))));
    assertTrue(v.get("zz-dated").kept());
    assertEquals("zz-dated", v.get("aa-undated").duplicateOf());
  }

  @Test
  void tiesAreBrokenByTextHash() {
    // Same published time, same signature, different text hash: the lower hash is kept.
    int[] sig = {1, 2, 3, 4, 5, 6};
    StoryCandidate low = new StoryCandidate("zz", 5L, 0L, -100L, sig.clone(), "x");
    StoryCandidate high = new StoryCandidate("aa", 5L, 0L, 100L, sig.clone(), "y");
    for (List<StoryCandidate> in : List.of(List.of(low, high), List.of(high, low))) {
      Map<String, StoryVerdict> v = byId(clusterer(DedupMode.NEAR).cluster(in));
      assertTrue(v.get("zz").kept());
      assertEquals("zz", v.get("aa").duplicateOf());
    }
    // all undated: the text hash decides as well
    StoryCandidate lowU = new StoryCandidate("zz", null, 0L, -100L, sig.clone(), "x");
    StoryCandidate highU = new StoryCandidate("aa", null, 0L, 100L, sig.clone(), "y");
    Map<String, StoryVerdict> v = byId(clusterer(DedupMode.NEAR).cluster(List.of(highU, lowU)));
    assertTrue(v.get("zz").kept());
  }

  @Test
  void resultDoesNotDependOnInputOrder() {
    List<StoryCandidate> input =
        new ArrayList<>(
            List.of(
                candidate("a1", A, T0.plusSeconds(300), "x"),
                candidate("a2", A_RELAID, T0.plusSeconds(300), "y"),
                candidate("a3", A_NEAR, null, null),
                candidate("a4", NewsTexts.harbourWith(3, NewsTexts.HARBOUR_ANALYSIS), T0, null),
                candidate("b1", B, null, "x"),
                candidate("b2", B, null, "z"),
                candidate("e1", "", T0, "x"),
                candidate("e2", " -- ", T0, "y"),
                candidate("v", A, T0, "x", 1_000L),
                candidate("v", B, T0, "x", 2_000L)));
    for (DedupMode mode : DedupMode.values()) {
      List<StoryVerdict> expected = clusterer(mode).cluster(input);
      assertEquals(input.size(), expected.size());
      for (long seed = 1; seed <= 12; seed++) {
        List<StoryCandidate> shuffled = new ArrayList<>(input);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(expected, clusterer(mode).cluster(shuffled), mode + " seed " + seed);
      }
    }
  }

  @Test
  void transitiveChainsFormOneCluster() {
    // A~B share band 0 and half the positions, B~C share band 1; A and C share nothing.
    StoryCandidate a = new StoryCandidate("A", 1L, 0L, 1L, new int[] {1, 2, 3, 4, 5, 6}, "p");
    StoryCandidate b = new StoryCandidate("B", 2L, 0L, 2L, new int[] {1, 2, 3, 7, 8, 9}, "q");
    StoryCandidate c = new StoryCandidate("C", 3L, 0L, 3L, new int[] {10, 11, 12, 7, 8, 9}, "r");
    assertEquals(0.0, MinHasher.similarity(a.signature(), c.signature()));
    Map<String, StoryVerdict> v =
        byId(new StoryClusterer(DedupMode.NEAR, 3, 0.5).cluster(List.of(c, a, b)));
    assertTrue(v.get("A").kept());
    assertEquals(3, v.get("A").copies());
    assertEquals(Set.of("p", "q", "r"), v.get("A").outlets());
    assertEquals("A", v.get("B").duplicateOf());
    assertEquals("A", v.get("C").duplicateOf());
    assertEquals("A", v.get("C").storyId());
  }

  @Test
  void sharedBandBelowThresholdDoesNotLink() {
    StoryCandidate a = new StoryCandidate("A", 1L, 0L, 1L, new int[] {1, 2, 3, 4, 5, 6}, "p");
    StoryCandidate b = new StoryCandidate("B", 2L, 0L, 2L, new int[] {1, 2, 3, 7, 8, 9}, "q");
    Map<String, StoryVerdict> v =
        byId(new StoryClusterer(DedupMode.NEAR, 3, 0.6).cluster(List.of(a, b)));
    assertTrue(v.get("A").kept());
    assertTrue(v.get("B").kept());
  }

  @Test
  void outletsAreDistinctAndUnknownOutletsCountPerArticle() {
    Map<String, StoryVerdict> v =
        byId(
            clusterer(DedupMode.EXACT)
                .cluster(
                    List.of(
                        candidate("a1", A, T0, "x"),
                        candidate("a2", A, T0.plusSeconds(1), "x"),
                        candidate("a3", A, T0.plusSeconds(2), "y"),
                        candidate("a4", A, T0.plusSeconds(3), null),
                        candidate("a5", A, T0.plusSeconds(4), null))));
    StoryVerdict kept = v.get("a1");
    assertEquals(5, kept.copies());
    assertEquals(4, kept.outlets().size(), kept.outlets().toString());
    assertTrue(kept.outlets().containsAll(Set.of("x", "y")));
    for (String id : List.of("a2", "a3", "a4", "a5")) {
      assertEquals("a1", v.get(id).duplicateOf());
      assertEquals(1, v.get(id).copies());
      assertTrue(v.get(id).outlets().isEmpty());
    }
  }

  @Test
  void newestVersionOfAnIdWinsAndOlderIsSuperseded() {
    StoryCandidate old = candidate("v", A, T0, "x", 1_000L);
    StoryCandidate fresh = candidate("v", B, T0, "x", 5_000L);
    StoryCandidate other = candidate("o", A, T0.plusSeconds(10), "y");
    for (List<StoryCandidate> in :
        List.of(List.of(old, fresh, other), List.of(other, fresh, old))) {
      List<StoryVerdict> verdicts = clusterer(DedupMode.NEAR).cluster(in);
      assertEquals(3, verdicts.size());
      List<StoryVerdict> sup = verdicts.stream().filter(StoryVerdict::superseded).toList();
      assertEquals(1, sup.size());
      StoryVerdict s = sup.get(0);
      assertEquals("v", s.id());
      assertFalse(s.kept());
      assertNull(s.duplicateOf());
      assertNull(s.storyId());
      assertEquals(0, s.copies());
      Map<String, StoryVerdict> v = byId(verdicts);
      // the current version carries B now, so "o" (still A) is its own story
      assertTrue(v.get("v").kept());
      assertTrue(v.get("o").kept());
      assertEquals(1, v.get("o").copies());
    }
  }

  @Test
  void emptyBodiesNeverCluster() {
    for (DedupMode mode : DedupMode.values()) {
      Map<String, StoryVerdict> v =
          byId(
              clusterer(mode)
                  .cluster(
                      List.of(
                          candidate("e1", "", T0, "x"),
                          candidate("e2", "", T0, "y"),
                          candidate("e3", "... -- !!", T0, "z"))));
      for (String id : List.of("e1", "e2", "e3")) {
        assertTrue(v.get(id).kept(), mode + " " + id);
        assertEquals(1, v.get(id).copies());
      }
    }
  }

  @Test
  void verdictsSortedById() {
    List<StoryVerdict> v =
        clusterer(DedupMode.NEAR)
            .cluster(
                List.of(
                    candidate("c", B, T0, "x"),
                    candidate("a", A, T0, "x"),
                    candidate("b", A, T0, "y")));
    assertEquals(List.of("a", "b", "c"), v.stream().map(StoryVerdict::id).toList());
  }
}
