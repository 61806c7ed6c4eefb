package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  @Test
  void normalisesUrls() {
    assertEquals(
        "https://example.org/news/otters-return",
        ArticleIds.normalizeUrl("HTTPS://WWW.Example.ORG/news/otters-return/#comments"));
    assertEquals(
        "https://example.org/a?id=7&page=2",
        ArticleIds.normalizeUrl(
            "https://www.example.org/a/?utm_source=x&id=7&fbclid=abc&page=2&gclid=q&UTM_Medium=y"));
    assertEquals("https://example.org", ArticleIds.normalizeUrl("https://example.org/"));
    assertEquals("http://example.org/x", ArticleIds.normalizeUrl("http://example.org:80/x"));
    assertNull(ArticleIds.normalizeUrl("  "));
  }

  @Test
  void sameUrlModuloNoiseGivesSameIdWhateverTheSource() {
    String a = ArticleIds.of("https://www.example.org/story/1?utm_campaign=z", "a.jsonl#0");
    String b = ArticleIds.of("https://example.org/story/1/", "kafka:news/0/17");
    assertEquals(a, b);
    assertTrue(a.matches("u:[0-9a-f]{16}"), a);
    assertNotEquals(a, ArticleIds.of("https://example.org/story/2", "a.jsonl#0"));
  }

  @Test
  void withoutUrlTheIdComesFromTheSourceNeverFromTheText() {
    String a = ArticleIds.of(null, "/scraped/a.txt");
    assertEquals(a, ArticleIds.of("  ", "/scraped/a.txt"));
    assertTrue(a.matches("s:[0-9a-f]{16}"), a);
    assertEquals("s:" + ArticleIds.sha256Prefix("/scraped/a.txt"), a);
    // Two files with the same text are two documents.
    assertNotEquals(a, ArticleIds.of(null, "/scraped/b.txt"));
  }
}
