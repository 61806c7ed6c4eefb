package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DateSource;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * Raw HTML records through the whole parser: the page's structure and metadata make the article.
 */
class HtmlRecordsTest {
  private static final Instant FETCHED = Instant.parse("2025-05-09T08:00:00Z");
  private static final ArticleParser PARSER =
      new ArticleParser(
          ParserSettings.defaults()
              .withClock(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC)));

  private static final String PAGE =
      "<!DOCTYPE html><html lang=\"en-GB\"><head>"
          + "<title>Harbour bridge reopens after repairs | Valley Gazette</title>"
          + "<meta property=\"og:site_name\" content=\"Valley Gazette\">"
          + "<meta property=\"article:published_time\" content=\"2025-05-08T21:30:00-04:00\">"
          + "<link rel=\"canonical\" href=\"https://valleygazette.example/news/bridge-reopens\">"
          + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
          + "<article><h1>Harbour bridge reopens after repairs</h1>"
          + "<p>The harbour bridge reopened to traffic on Thursday after eight months of repairs"
          + " that cost the city more than it had planned.</p>"
          + "<p>Engineers replaced the deck and two of the cables, the council said in a"
          + " statement, and the bridge will be inspected again next spring.</p></article>"
          + "<section class=\"comments\"><p>Great news, finally!</p></section></body></html>";

  private static RawArticle raw(RawFormat format, String page, String url) {
    return RawArticle.newBuilder()
        .setSource("crawl.warc@123")
        .setFormat(format)
        .setPayload(ByteBuffer.wrap(page.getBytes(StandardCharsets.UTF_8)))
        .setIngested(FETCHED)
        .setUrlHint(url)
        .setContentType("text/html; charset=utf-8")
        .build();
  }

  @Test
  void aPageBecomesAnArticleFromItsStructureAndMetadata() throws Exception {
    Article a =
        PARSER
            .parse(raw(RawFormat.HTML, PAGE, "https://valleygazette.example/news/bridge-reopens"))
            .article();
    assertEquals("Harbour bridge reopens after repairs", a.getTitle());
    assertTrue(a.getBody().contains("The harbour bridge reopened"), a.getBody());
    assertFalse(a.getBody().contains("Great news"), a.getBody());
    assertFalse(a.getBody().contains("Home"), a.getBody());
    assertEquals(Instant.parse("2025-05-09T01:30:00Z"), a.getPublished());
    assertEquals(DateSource.metadata, a.getPublishedFrom());
    assertTrue(a.getPublishedLocal().startsWith("2025-05-08T21:30"), a.getPublishedLocal());
    assertEquals("https://valleygazette.example/news/bridge-reopens", a.getCanonicalUrl());
    assertEquals("en", a.getLanguage());
    assertTrue(a.getId().startsWith("u:"), a.getId());
  }

  @Test
  void anAutoRecordThatStartsLikeAPageIsReadAsHtml() throws Exception {
    Article a = PARSER.parse(raw(RawFormat.AUTO, PAGE, null)).article();
    assertEquals("Harbour bridge reopens after repairs", a.getTitle());
    assertFalse(a.getBody().contains("<p>"), a.getBody());
  }

  @Test
  void aPageAboveThePageLimitIsOversize() {
    ArticleParser small = new ArticleParser(ParserSettings.defaults().withMaxPageBytes(100));
    BadArticleException e =
        assertThrows(BadArticleException.class, () -> small.parse(raw(RawFormat.HTML, PAGE, null)));
    assertEquals("oversize", e.reason());
  }
}
