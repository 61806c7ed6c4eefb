package org.newsmentions.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsmentions.count.KeptStory;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.EntityType;
import org.newsmentions.schema.Span;

class WindowDeduplicatorTest {
  private static final Instant T0 = Instant.parse("2025-05-04T08:00:00Z");
  private static final String A = NewsTexts.body(NewsTexts.HARBOUR);
  private static final String A_NEAR = NewsTexts.harbourWith(4, NewsTexts.HARBOUR_UPDATE);
  private static final String B = NewsTexts.body(NewsTexts.OBSERVATORY);

  private static ArticleEntity entity(String id, String name, EntityType type, int mentions) {
    return ArticleEntity.newBuilder()
        .setId(id)
        .setName(name)
        .setType(type)
        .setMentions(mentions)
        .setSpans(List.of(new Span(0, 3)))
        .build();
  }

  private static Article article(
      String id, String body, Instant published, String outlet, long ingested, ArticleEntity... e) {
    return Article.newBuilder()
        .setId(id)
        .setSource("file:/" + id)
        .setTitle("Title " + id)
        .setBody(body)
        .setPublished(published)
        .setOutlet(outlet)
        .setIngested(Instant.ofEpochMilli(ingested))
        .setEntities(List.of(e))
        .build();
  }

  private static Map<String, Article> byId(List<Article> articles) {
    return articles.stream().collect(Collectors.toMap(Article::getId, Function.identity()));
  }

  @Test
  void enrichesCopiesAndKeptStories() {
    Article a1 =
        article(
            "a1",
            A,
            T0,
            "valmora-times",
            1,
            entity("q:ortiz", "Lena Ortiz", EntityType.PERSON, 2),
            entity("q:valmora", "Valmora", EntityType.LOCATION, 3));
    Article a2 =
        article(
            "a2",
            A_NEAR,
            T0.plusSeconds(600),
            "coast-news",
            1,
            entity("q:x", "X", EntityType.ORGANIZATION, 9));
    Article b1 = article("b1", B, T0, "sky-weekly", 1);
    WindowDeduplicator.Result r =
        new WindowDeduplicator(DedupMode.NEAR, 0.5).deduplicate(List.of(a2, b1, a1));

    assertEquals(0, r.superseded());
    assertEquals(List.of("a1", "a2", "b1"), r.articles().stream().map(Article::getId).toList());
    Map<String, Article> out = byId(r.articles());
    Article k = out.get("a1");
    assertNull(k.getDuplicateOf());
    assertEquals("a1", k.getStoryId());
    assertEquals(2, k.getCopies());
    assertEquals(2, k.getOutlets());
    assertEquals(A, k.getBody());
    assertEquals(2, k.getEntities().size());
    Article c = out.get("a2");
    assertEquals("a1", c.getDuplicateOf());
    assertEquals("a1", c.getStoryId());
    assertEquals(1, c.getCopies());
    assertEquals(1, c.getOutlets());
    Article b = out.get("b1");
    assertNull(b.getDuplicateOf());
    assertEquals("b1", b.getStoryId());
    assertEquals(1, b.getCopies());
    assertEquals(1, b.getOutlets());

    assertEquals(2, r.kept().size());
    Map<String, KeptStory> kept =
        r.kept().stream().collect(Collectors.toMap(KeptStory::articleId, Function.identity()));
    KeptStory ka = kept.get("a1");
    assertEquals(2, ka.copies());
    assertEquals(Set.of("valmora-times", "coast-news"), ka.outlets());
    assertEquals(
        List.of(
            new KeptStory.EntityRef("q:ortiz", "Lena Ortiz", "PERSON", 2),
            new KeptStory.EntityRef("q:valmora", "Valmora", "LOCATION", 3)),
        ka.entities());
    assertTrue(kept.get("b1").entities().isEmpty());
    assertEquals(Set.of("sky-weekly"), kept.get("b1").outlets());
  }

  @Test
  void offModeKeepsEverything() {
    WindowDeduplicator.Result r =
        new WindowDeduplicator(DedupMode.OFF, 0.5)
            .deduplicate(List.of(article("a1", A, T0, "x", 1), article("a2", A, T0, "y", 1)));
    assertEquals(2, r.kept().size());
    for (Article a : r.articles()) {
      assertNull(a.getDuplicateOf());
      assertEquals(a.getId(), a.getStoryId());
      assertEquals(1, a.getCopies());
    }
  }

  @Test
  void supersededVersionIsDropped() {
    Article old = article("u:1", A, T0, "x", 1_000, entity("q:old", "Old", EntityType.PERSON, 1));
    Article fresh = article("u:1", B, T0, "x", 9_000, entity("q:new", "New", EntityType.PERSON, 4));
    Article copyOfOld = article("c", A, T0.plusSeconds(5), "y", 1_000);
    for (List<Article> window :
        List.of(List.of(old, fresh, copyOfOld), List.of(fresh, copyOfOld, old))) {
      WindowDeduplicator.Result r = new WindowDeduplicator(DedupMode.NEAR, 0.5).deduplicate(window);
      assertEquals(1, r.superseded());
      assertEquals(2, r.articles().size());
      Map<String, Article> out = byId(r.articles());
      assertEquals(B, out.get("u:1").getBody());
      assertEquals(Instant.ofEpochMilli(9_000), out.get("u:1").getIngested());
      // the old text is gone, so its copy stands alone
      assertNull(out.get("c").getDuplicateOf());
      assertEquals(1, out.get("c").getCopies());
      assertEquals(2, r.kept().size());
      KeptStory ku =
          r.kept().stream().filter(k -> k.articleId().equals("u:1")).findFirst().orElseThrow();
      assertEquals(List.of(new KeptStory.EntityRef("q:new", "New", "PERSON", 4)), ku.entities());
    }
  }

  @Test
  void emptyWindow() {
    WindowDeduplicator.Result r =
        new WindowDeduplicator(DedupMode.NEAR, 0.5).deduplicate(List.of());
    assertTrue(r.articles().isEmpty());
    assertTrue(r.kept().isEmpty());
    assertEquals(0, r.superseded());
  }
}
