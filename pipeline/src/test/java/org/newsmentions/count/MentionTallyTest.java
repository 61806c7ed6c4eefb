package org.newsmentions.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsmentions.dedup.KeptStory;

class MentionTallyTest {
  private static KeptStory.EntityRef ortiz(int mentions) {
    return new KeptStory.EntityRef("q:ortiz", "Lena Ortiz", "PERSON", mentions);
  }

  private static KeptStory.EntityRef valmora(int mentions) {
    return new KeptStory.EntityRef("q:valmora", "Valmora", "LOCATION", mentions);
  }

  private static KeptStory.EntityRef union(int mentions) {
    return new KeptStory.EntityRef("q:union", "Dockers Union", "ORGANIZATION", mentions);
  }

  private static final List<KeptStory> STORIES =
      List.of(
          new KeptStory("s1", 3, Set.of("a", "b"), List.of(ortiz(3), valmora(1))),
          new KeptStory("s2", 1, Set.of("b", "c"), List.of(ortiz(2), union(0))),
          new KeptStory("s3", 4, Set.of("d"), List.of(valmora(5), union(2))),
          new KeptStory("s4", 2, Set.of("e", "f"), List.of(ortiz(0))));

  private static EntityTally find(List<EntityTally> t, String id) {
    return t.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void sumsOverKeptStories() {
    List<EntityTally> t = MentionTally.tally(STORIES);
    assertEquals(3, t.size());
    assertEquals(
        new EntityTally("q:ortiz", "Lena Ortiz", "PERSON", 5, 2, 4, 3), find(t, "q:ortiz"));
    assertEquals(
        new EntityTally("q:valmora", "Valmora", "LOCATION", 6, 2, 7, 3), find(t, "q:valmora"));
    assertEquals(
        new EntityTally("q:union", "Dockers Union", "ORGANIZATION", 2, 1, 4, 1),
        find(t, "q:union"));
  }

  @Test
  void zeroMentionRefsAreIgnored() {
    List<EntityTally> t =
        MentionTally.tally(
            List.of(
                new KeptStory("s1", 5, Set.of("a"), List.of(ortiz(0), valmora(-1))),
                new KeptStory("s2", 1, Set.of("b"), List.of(valmora(1)))));
    assertEquals(1, t.size());
    // s1's zero/negative refs add neither articles, copies nor outlets
    assertEquals(new EntityTally("q:valmora", "Valmora", "LOCATION", 1, 1, 1, 1), t.get(0));
  }

  @Test
  void outletsAreUnionedNotSummed() {
    List<EntityTally> t =
        MentionTally.tally(
            List.of(
                new KeptStory("s1", 2, Set.of("a", "b"), List.of(ortiz(1))),
                new KeptStory("s2", 2, Set.of("a", "b"), List.of(ortiz(1)))));
    assertEquals(2, find(t, "q:ortiz").outlets());
    assertEquals(4, find(t, "q:ortiz").copies());
  }

  @Test
  void sortedByEntityIdAndOrderIndependent() {
    List<EntityTally> expected = MentionTally.tally(STORIES);
    assertEquals(
        List.of("q:ortiz", "q:union", "q:valmora"),
        expected.stream().map(EntityTally::id).toList());
    for (long seed = 1; seed <= 10; seed++) {
      List<KeptStory> shuffled = new ArrayList<>(STORIES);
      Collections.shuffle(shuffled, new Random(seed));
      assertEquals(expected, MentionTally.tally(shuffled), "seed " + seed);
    }
  }

  @Test
  void emptyInput() {
    assertTrue(MentionTally.tally(List.of()).isEmpty());
    assertTrue(
        MentionTally.tally(List.of(new KeptStory("s", 1, Set.of("a"), List.of()))).isEmpty());
  }
}
