package org.newsmentions.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.PaneTiming;

class CountUpsertsTest {
  private static final Instant START = Instant.parse("2025-05-09T00:00:00Z");

  private static EntityMentionCount row(String entity, long mentions, long pane) {
    return EntityMentionCount.newBuilder()
        .setWindowStart(START)
        .setWindowEnd(START.plusSeconds(86_400))
        .setEntityId(entity)
        .setEntityName(entity)
        .setEntityType("PERSON")
        .setMentions(mentions)
        .setArticles(1)
        .setCopies(1)
        .setOutlets(1)
        .setPaneTiming(PaneTiming.EARLY)
        .setPaneIndex(pane)
        .build();
  }

  @Test
  void keyIsWindowStartAndEntity() {
    assertEquals("2025-05-09T00:00:00Z|Q7747", CountUpserts.key(row("Q7747", 1, 0)));
  }

  @Test
  void firstPaneIsAllUpserts() {
    CountUpserts.Step s = CountUpserts.apply(List.of(), List.of(row("B", 2, 0), row("A", 1, 0)));
    assertEquals(2, s.writes().size());
    assertTrue(s.writes().values().stream().allMatch(v -> v != null));
    assertEquals(List.of("2025-05-09T00:00:00Z|A", "2025-05-09T00:00:00Z|B"), s.live());
  }

  @Test
  void entityThatLeftTheWindowGetsATombstone() {
    CountUpserts.Step first =
        CountUpserts.apply(List.of(), List.of(row("A", 1, 0), row("B", 1, 0)));
    CountUpserts.Step second = CountUpserts.apply(first.live(), List.of(row("A", 3, 1)));
    assertEquals(3, second.writes().get("2025-05-09T00:00:00Z|A").getMentions());
    assertTrue(second.writes().containsKey("2025-05-09T00:00:00Z|B"));
    assertNull(second.writes().get("2025-05-09T00:00:00Z|B"));
    assertEquals(List.of("2025-05-09T00:00:00Z|A"), second.live());
    // Upserts come before deletes.
    assertEquals(
        List.of("2025-05-09T00:00:00Z|A", "2025-05-09T00:00:00Z|B"),
        new ArrayList<>(second.writes().keySet()));
  }

  @Test
  void emptyPaneDeletesEveryKeyOfTheWindow() {
    CountUpserts.Step first =
        CountUpserts.apply(List.of(), List.of(row("A", 1, 0), row("B", 1, 0)));
    CountUpserts.Step empty = CountUpserts.apply(first.live(), List.of());
    assertEquals(2, empty.writes().size());
    assertTrue(empty.writes().values().stream().allMatch(v -> v == null));
    assertTrue(empty.live().isEmpty());
    // Nothing left to delete afterwards.
    assertTrue(CountUpserts.apply(empty.live(), List.of()).writes().isEmpty());
  }

  @Test
  void entityThatComesBackIsUpsertedAgain() {
    CountUpserts.Step s = CountUpserts.apply(List.of(), List.of(row("A", 1, 2)));
    assertEquals(List.of("2025-05-09T00:00:00Z|A"), s.live());
  }
}
