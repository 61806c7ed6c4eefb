package org.newsmentions.comentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsmentions.dedup.KeptStory;

/** The pairs of one article (bounded by its most mentioned entities) and their sums per window. */
class CoMentionsTest {
  private static KeptStory.EntityRef ref(String id, int mentions) {
    return new KeptStory.EntityRef(id, "Name " + id, "PERSON", mentions);
  }

  private static KeptStory story(String id, KeptStory.EntityRef... refs) {
    return new KeptStory(id, 1, Set.of("outlet-" + id), List.of(refs));
  }

  @Test
  void pairsAreOrderedByIdAndCarryEachSidesMentions() {
    List<CoMention> pairs = CoMentions.pairs(story("s1", ref("q:zed", 3), ref("q:abe", 1)), 10);
    assertEquals(
        List.of(
            new CoMention(
                "q:abe", "Name q:abe", "PERSON", "q:zed", "Name q:zed", "PERSON", 1, 1, 3)),
        pairs);
    assertEquals("q:abe\tq:zed", pairs.get(0).key());
  }

  @Test
  void anArticleWithNEntitiesHasNChoose2Pairs() {
    KeptStory s = story("s1", ref("a", 1), ref("b", 1), ref("c", 1), ref("d", 1));
    assertEquals(6, CoMentions.pairs(s, 10).size());
    assertEquals(0, CoMentions.pairs(story("s2", ref("a", 4)), 10).size());
    assertEquals(0, CoMentions.pairs(story("s3"), 10).size());
  }

  @Test
  void onlyTheMostMentionedEntitiesOfAnArticlePairUpTiesByIdOrder() {
    List<KeptStory.EntityRef> refs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      refs.add(ref(String.format(java.util.Locale.ROOT, "e%02d", i), i < 5 ? 10 - i : 1));
    }
    Collections.shuffle(refs, new Random(7));
    KeptStory s = new KeptStory("s", 1, Set.of("o"), refs);
    List<KeptStory.EntityRef> top = CoMentions.topEntities(s, 10);
    // e00..e04 by mentions (10..6), then the first five of the 25 ties at 1 mention, by id.
    assertEquals(
        List.of("e00", "e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09"),
        top.stream().map(KeptStory.EntityRef::id).toList());
    assertEquals(45, CoMentions.pairs(s, 10).size());
    assertEquals(
        45, CoMentions.pairs(s, CoMentions.DEFAULT_MAX_ENTITIES_PER_ARTICLE).size(), "the cap");
    assertTrue(
        CoMentions.pairs(s, 10).stream().noneMatch(p -> p.bId().compareTo("e09") > 0),
        "no pair with an entity beyond the cap");
  }

  @Test
  void entitiesWithoutMentionsAreLeftOutAndRepeatedIdsAddUp() {
    KeptStory s = story("s", ref("a", 0), ref("b", -1), ref("c", 2), ref("d", 1), ref("c", 3));
    List<CoMention> pairs = CoMentions.pairs(s, 10);
    assertEquals(1, pairs.size());
    assertEquals(5, pairs.get(0).mentionsA(), "c: 2 + 3");
    assertEquals(1, pairs.get(0).mentionsB());
  }

  @Test
  void tallySumsPerPairAndKeepsPairsNamedInEnoughArticles() {
    List<KeptStory> stories =
        List.of(
            story("s1", ref("a", 2), ref("b", 1), ref("c", 1)),
            story("s2", ref("b", 4), ref("a", 1)),
            story("s3", ref("c", 1), ref("d", 1)));
    List<CoMention> atLeastTwo = CoMentions.tally(stories, 10, 2);
    assertEquals(
        List.of(new CoMention("a", "Name a", "PERSON", "b", "Name b", "PERSON", 2, 3, 5)),
        atLeastTwo);
    List<CoMention> all = CoMentions.tally(stories, 10, 1);
    assertEquals(
        List.of("a\tb", "a\tc", "b\tc", "c\td"), all.stream().map(CoMention::key).toList());
    assertEquals(List.of(), CoMentions.tally(stories, 10, 3));
  }

  @Test
  void tallyDoesNotDependOnTheOrderOfStories() {
    List<KeptStory> stories = new ArrayList<>();
    Random r = new Random(3);
    for (int i = 0; i < 40; i++) {
      List<KeptStory.EntityRef> refs = new ArrayList<>();
      for (int e = 0; e < 14; e++) {
        if (r.nextInt(3) == 0) {
          refs.add(ref("e" + e, 1 + r.nextInt(4)));
        }
      }
      stories.add(new KeptStory("s" + i, 1, Set.of("o"), refs));
    }
    List<CoMention> expected = CoMentions.tally(stories, 5, 2);
    assertTrue(expected.size() > 5, "the input has pairs: " + expected.size());
    for (long seed = 1; seed <= 5; seed++) {
      List<KeptStory> shuffled = new ArrayList<>(stories);
      Collections.shuffle(shuffled, new Random(seed));
      assertEquals(expected, CoMentions.tally(shuffled, 5, 2));
    }
  }

  @Test
  void aCapBelowTwoAndAnUnorderedPairAreRejected() {
    KeptStory s = story("s", ref("a", 1), ref("b", 1));
    assertThrows(IllegalArgumentException.class, () -> CoMentions.pairs(s, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CoMention("b", "B", "PERSON", "a", "A", "PERSON", 1, 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CoMention("a", "A", "PERSON", "a", "A", "PERSON", 1, 1, 1));
  }

  @Test
  void paneSumsKeepTheLatestPaneAndAddWithinIt() {
    CoMention one = new CoMention("a", "A", "PERSON", "b", "B", "PERSON", 1, 2, 3);
    PaneSum p0 = new PaneSum(0, one);
    PaneSum p1 = new PaneSum(1, one);
    PaneSum p1b = new PaneSum(1, one.plus(one));
    // Within a pane sums add; a later pane replaces; an earlier one is ignored; EMPTY is neutral.
    assertEquals(2, PaneSum.merge(p0, p0).sum().articles());
    assertEquals(p1, PaneSum.merge(p0, p1));
    assertEquals(p1, PaneSum.merge(p1, p0));
    assertEquals(p0, PaneSum.merge(PaneSum.EMPTY, p0));
    assertEquals(p0, PaneSum.merge(p0, PaneSum.EMPTY));
    // Associative and commutative over any grouping and order of the same parts.
    List<PaneSum> parts = List.of(p0, p1, p1b, p0, PaneSum.EMPTY, p1);
    PaneSum expected = new PaneSum(1, one.plus(one).plus(one).plus(one));
    for (long seed = 1; seed <= 20; seed++) {
      List<PaneSum> shuffled = new ArrayList<>(parts);
      Collections.shuffle(shuffled, new Random(seed));
      PaneSum left = PaneSum.EMPTY;
      for (PaneSum p : shuffled) {
        left = PaneSum.merge(left, p);
      }
      PaneSum right =
          PaneSum.merge(
              PaneSum.merge(shuffled.get(0), shuffled.get(1)),
              PaneSum.merge(
                  PaneSum.merge(shuffled.get(2), shuffled.get(3)),
                  PaneSum.merge(shuffled.get(4), shuffled.get(5))));
      assertEquals(expected, left, "seed " + seed);
      assertEquals(expected, right, "seed " + seed);
    }
  }
}
