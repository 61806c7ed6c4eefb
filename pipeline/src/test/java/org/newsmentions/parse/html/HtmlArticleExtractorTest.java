package org.newsmentions.parse.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.parse.ParserSettings;

class HtmlArticleExtractorTest {
  private static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");
  private final HtmlArticleExtractor extractor =
      new HtmlArticleExtractor(
          ParserSettings.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));

  private static final String PROSE =
      "<p>The council voted on Tuesday to rebuild the old harbour bridge, which has been closed"
          + " to traffic since the storm in January, at a cost of twelve million euros.</p>"
          + "<p>Work is to start in the spring, the mayor said, and the bridge should reopen to"
          + " cyclists and pedestrians before the end of next year, if the weather allows it.</p>"
          + "<p>Residents, who had collected signatures for months, welcomed the decision but"
          + " asked for a temporary ferry, since the detour adds twenty minutes to every trip.</p>";

  private HtmlArticle extract(String html) throws BadArticleException {
    return extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null, null);
  }

  private static String page(String head, String body) {
    return "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        + head
        + "</head><body>"
        + body
        + "</body></html>";
  }

  @Test
  void titleLosesTheSiteName() throws Exception {
    HtmlArticle a =
        extract(
            page(
                "<title>Harbour bridge to be rebuilt | Harbour Gazette</title>"
                    + "<meta property=\"og:site_name\" content=\"Harbour Gazette\">",
                "<article>" + PROSE + "</article>"));
    assertEquals("Harbour bridge to be rebuilt", a.title());
    assertEquals("title", a.sources().title());
    assertEquals("Harbour Gazette", a.outlet());
    assertEquals("en", a.language());
  }

  @Test
  void titleFromOgTitleWithDashSiteName() throws Exception {
    HtmlArticle a =
        extract(
            page(
                "<meta property=\"og:title\" content=\"Harbour bridge to be rebuilt - Gazette\">"
                    + "<title>Home</title>",
                "<div>" + PROSE + "</div>"));
    // "Gazette" is the domain's label when the page is fetched from gazette.example.
    HtmlArticle b =
        extractor.extract(
            page(
                    "<meta property=\"og:title\" content=\"Harbour bridge to be rebuilt - Gazette\">",
                    "<div>" + PROSE + "</div>")
                .getBytes(StandardCharsets.UTF_8),
            null,
            "https://www.gazette.example/news/bridge",
            null);
    assertEquals("Harbour bridge to be rebuilt - Gazette", a.title());
    assertEquals("Harbour bridge to be rebuilt", b.title());
  }

  @Test
  void bodyKeepsTheArticleAndDropsCommentsShareBarCookiesAndRelated() throws Exception {
    String body =
        "<div class=\"cookie-consent\">We use cookies to improve your experience. Accept all"
            + " cookies, or manage your choices, in our privacy settings.</div>"
            + "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
            + "<article><h1>Harbour bridge to be rebuilt</h1>"
            + "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet"
            + " this</a></div>"
            + PROSE
            + "<div class=\"newsletter-signup\">Get our morning newsletter, every day, free of"
            + " charge, straight into your inbox.</div>"
            + "<div class=\"related\"><h3>Related stories</h3><ul>"
            + "<li><a href=\"/a\">Ferry service suspended after storm damage</a></li>"
            + "<li><a href=\"/b\">Mayor promises new cycle lanes on the coast road</a></li>"
            + "</ul></div></article>"
            + "<section id=\"comments\"><p>What a waste of money, the old bridge was fine, and"
            + " nobody asked the people who actually live here.</p></section>"
            + "<footer>Copyright 2024 Harbour Gazette, all rights reserved.</footer>";
    HtmlArticle a = extract(page("<title>Harbour bridge to be rebuilt</title>", body));
    String text = a.body();
    assertTrue(text.contains("rebuild the old harbour bridge"), text);
    assertTrue(text.contains("asked for a temporary ferry"), text);
    assertEquals(3, a.lines().size(), text);
    for (String bad :
        new String[] {
          "cookies",
          "Share on Facebook",
          "newsletter",
          "Related stories",
          "Ferry service",
          "waste of money",
          "Copyright",
          "Home"
        }) {
      assertFalse(text.contains(bad), bad + " leaked into: " + text);
    }
  }

  @Test
  void tableAndListInTheArticleAreKept() throws Exception {
    String body =
        "<div class=\"sidebar\"><ul><li><a href=\"/1\">Most read one</a></li>"
            + "<li><a href=\"/2\">Most read two</a></li></ul></div>"
            + "<div class=\"article-body\">"
            + PROSE
            + "<p>The costs, as listed by the council, are these:</p>"
            + "<table><tr><th>Item</th><th>Cost</th></tr>"
            + "<tr><td>Steel deck</td><td>7 million</td></tr>"
            + "<tr><td>Foundations</td><td>5 million</td></tr></table>"
            + "<ul><li>Closure of the coast road in May</li><li>Temporary ferry from June</li></ul>"
            + "</div>";
    HtmlArticle a = extract(page("<title>Costs</title>", body));
    assertTrue(a.lines().contains("Steel deck 7 million"), a.body());
    assertTrue(a.lines().contains("Temporary ferry from June"), a.body());
    assertFalse(a.body().contains("Most read"), a.body());
  }

  @Test
  void dateFromJsonLdKeepsThePagesOffset() throws Exception {
    String ld =
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
            + "{\"@type\":\"WebSite\",\"name\":\"Gazette\"},"
            + "{\"@type\":\"NewsArticle\",\"headline\":\"Bridge\","
            + "\"datePublished\":\"2023-11-07T23:30:00+01:00\","
            + "\"dateModified\":\"2023-11-08T08:00:00+01:00\","
            + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Harbour Gazette\"}}]}</script>";
    HtmlArticle a = extract(page(ld, "<article>" + PROSE + "</article>"));
    assertEquals(Instant.parse("2023-11-07T22:30:00Z"), a.published());
    assertEquals("2023-11-07T23:30:00+01:00", a.publishedLocal());
    assertEquals("json-ld", a.sources().published());
    assertEquals(Instant.parse("2023-11-08T07:00:00Z"), a.modified());
    assertEquals("Harbour Gazette", a.outlet());
  }

  @Test
  void aDateWrittenInUtcIsReadInThePagesOwnOffsetWhenThePageShowsOne() throws Exception {
    String head =
        "<meta property=\"article:published_time\" content=\"2023-11-09T06:35:29+00:00\">";
    String byline =
        "<p class=\"byline\">Posted <time datetime=\"2023-11-08T23:05:04-08:00\">"
            + "11:05 PM</time></p>";
    HtmlArticle a = extract(page(head, "<article>" + byline + PROSE + "</article>"));
    assertEquals(Instant.parse("2023-11-09T06:35:29Z"), a.published(), "the instant is unchanged");
    assertEquals("2023-11-08T22:35:29-08:00", a.publishedLocal(), "the reader's day");

    HtmlArticle utcOnly = extract(page(head, "<article>" + PROSE + "</article>"));
    assertEquals("2023-11-09T06:35:29Z", utcOnly.publishedLocal());

    String twoZones =
        "<p><time datetime=\"2023-11-08T23:05:04-08:00\">a</time>"
            + " <time datetime=\"2023-11-09T08:05:04+01:00\">b</time></p>";
    HtmlArticle unsure = extract(page(head, "<article>" + twoZones + PROSE + "</article>"));
    assertEquals("2023-11-09T06:35:29Z", unsure.publishedLocal(), "offsets disagree: left as is");

    String clockOnly =
        "<p><time datetime=\"2023-11-08 22:35:29\">November 8, 2023 at 10:35 p.m.</time></p>";
    HtmlArticle local = extract(page(head, "<article>" + clockOnly + PROSE + "</article>"));
    assertEquals(
        "2023-11-08T22:35:29-08:00",
        local.publishedLocal(),
        "a local clock reading of the same moment gives the offset");
  }

  @Test
  void dateFromJsonThePageEmbedsInAScriptWhenTheMetadataHasNone() throws Exception {
    String state =
        "<script>window.__STATE__ = {\"post\": {\"title\": \"Bridge\","
            + " \"createdAt\": \"2021-06-01T08:00:00+02:00\","
            + " \"published_at\": \"2021-06-02T09:30:00+02:00\"}};</script>";
    HtmlArticle a = extract(page(state, "<article>" + PROSE + "</article>"));
    assertEquals("2021-06-02T09:30:00+02:00", a.publishedLocal(), "publication before creation");
    assertEquals("script:published_at", a.sources().published());

    String odd = "<script>{\"datePublished\":\"2022-01-10T22:06:08:684Z\"}</script>";
    assertEquals(
        Instant.parse("2022-01-10T22:06:08Z"),
        extract(page(odd, "<article>" + PROSE + "</article>")).published(),
        "milliseconds after a colon");
  }

  @Test
  void anAsOfDateInTheTextIsTheDateWhenNothingElseIs() throws Exception {
    HtmlArticle a =
        extract(page("", "<article>" + PROSE + "<p>[Stand: 09.10.2017, 01:40 Uhr]</p></article>"));
    assertEquals("2017-10-09", a.publishedLocal().substring(0, 10));
  }

  @Test
  void dateFromMetaTag() throws Exception {
    HtmlArticle a =
        extract(
            page(
                "<meta property=\"article:published_time\" content=\"2023-05-02T09:10:00Z\">",
                "<article>" + PROSE + "</article>"));
    assertEquals(Instant.parse("2023-05-02T09:10:00Z"), a.published());
    assertEquals("meta:article:published_time", a.sources().published());
  }

  @Test
  void dateFromTimeElementPrefersThePublishedOne() throws Exception {
    String body =
        "<article><header><time datetime=\"2022-09-01\">1 Sep</time>"
            + "<time class=\"published\" datetime=\"2022-08-30T10:00:00+02:00\">30 Aug</time>"
            + "</header>"
            + PROSE
            + "</article>";
    HtmlArticle a = extract(page("", body));
    assertEquals("2022-08-30T10:00:00+02:00", a.publishedLocal());
    assertEquals("time:published", a.sources().published());
  }

  @Test
  void dateFromUrlPath() throws Exception {
    byte[] html = page("", "<article>" + PROSE + "</article>").getBytes(StandardCharsets.UTF_8);
    HtmlArticle a =
        extractor.extract(html, null, "https://gazette.example/2023/11/07/bridge", null);
    assertEquals("2023-11-07", a.publishedLocal());
    assertEquals("url", a.sources().published());
    HtmlArticle b = extractor.extract(html, null, "https://gazette.example/news/20210315-x", null);
    assertEquals("2021-03-15", b.publishedLocal());
  }

  @Test
  void dateFromVisibleTextInOtherLanguages() throws Exception {
    HtmlArticle a =
        extract(
            page(
                "",
                "<article><h1>Brücke</h1><p class=\"date\">Dienstag, 7. November 2023"
                    + "</p>"
                    + PROSE
                    + "</article>"));
    assertEquals("2023-11-07", a.publishedLocal().substring(0, 10));
    HtmlArticle b =
        extract(
            page(
                "",
                "<article><h1>Brücke</h1><div>03.11.2023 15:32 Uhr</div>" + PROSE + "</article>"));
    assertEquals("2023-11-03T15:32:00", b.publishedLocal());
  }

  @Test
  void futureAndPreWebDatesAreRejectedAndTheNextSourceIsUsed() throws Exception {
    String head =
        "<meta property=\"article:published_time\" content=\"2024-04-01T00:00:00Z\">"
            + "<meta name=\"date\" content=\"1980-01-01\">"
            + "<meta name=\"dc.date\" content=\"2024-03-09\">";
    HtmlArticle a = extract(page(head, "<article>" + PROSE + "</article>"));
    assertEquals("2024-03-09", a.publishedLocal());
    assertEquals("meta:dc.date", a.sources().published());
    assertEquals("2024-04-01T00:00:00Z", a.rejectedDate());
    // The fetch time, when given, is "now".
    HtmlArticle b =
        extractor.extract(
            page(head, "<article>" + PROSE + "</article>").getBytes(StandardCharsets.UTF_8),
            null,
            null,
            Instant.parse("2024-05-01T00:00:00Z"));
    assertEquals("meta:article:published_time", b.sources().published());
  }

  @Test
  void onlyAFutureDateGivesNoDate() throws Exception {
    HtmlArticle a =
        extract(
            page(
                "<meta property=\"article:published_time\" content=\"2030-01-01\">",
                "<article>" + PROSE + "</article>"));
    assertNull(a.published());
    assertEquals("2030-01-01", a.rejectedDate());
  }

  @Test
  void charsetFromHttpHeader() throws Exception {
    String html =
        page("", "<article><h1>Straße über Brücke</h1>" + PROSE + "</article>")
            .replace("<meta charset=\"utf-8\">", "");
    byte[] latin = html.getBytes(Charset.forName("ISO-8859-15"));
    HtmlArticle a = extractor.extract(latin, "text/html; charset=ISO-8859-15", null, null);
    assertEquals("Straße über Brücke", a.title());
    assertEquals("http-header", a.sources().charset());
  }

  @Test
  void charsetFromByteOrderMark() throws Exception {
    String html =
        page("", "<article><h1>Straße über Brücke</h1>" + PROSE + "</article>")
            .replace("<meta charset=\"utf-8\">", "");
    byte[] utf16 = html.getBytes(StandardCharsets.UTF_16BE);
    byte[] withBom = new byte[utf16.length + 2];
    withBom[0] = (byte) 0xFE;
    withBom[1] = (byte) 0xFF;
    System.arraycopy(utf16, 0, withBom, 2, utf16.length);
    HtmlArticle a = extractor.extract(withBom, null, null, null);
    assertEquals("Straße über Brücke", a.title());
    assertEquals("bom", a.sources().charset());
  }

  @Test
  void charsetFromMetaDeclaration() throws Exception {
    String html =
        page("", "<article><h1>Straße über Brücke</h1>" + PROSE + "</article>")
            .replace(
                "<meta charset=\"utf-8\">",
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">");
    HtmlArticle a =
        extractor.extract(html.getBytes(Charset.forName("windows-1252")), null, null, null);
    assertEquals("Straße über Brücke", a.title());
    assertEquals("meta-charset", a.sources().charset());
    assertEquals("windows-1252", a.charset());
  }

  @Test
  void undeclaredLegacyBytesFallBackToWindows1252() throws Exception {
    String html =
        page("", "<article><h1>Straße über Brücke</h1>" + PROSE + "</article>")
            .replace("<meta charset=\"utf-8\">", "");
    HtmlArticle a =
        extractor.extract(html.getBytes(Charset.forName("windows-1252")), null, null, null);
    assertEquals("Straße über Brücke", a.title());
  }

  @Test
  void emptyBinaryAndNonHtmlPagesAreRejected() {
    BadArticleException empty =
        assertThrows(
            BadArticleException.class, () -> extractor.extract(new byte[0], null, null, null));
    assertEquals("empty", empty.reason());
    BadArticleException blank =
        assertThrows(
            BadArticleException.class,
            () -> extractor.extract("  \n ".getBytes(StandardCharsets.UTF_8), null, null, null));
    assertEquals("empty", blank.reason());
    BadArticleException pdf =
        assertThrows(
            BadArticleException.class,
            () ->
                extractor.extract(
                    "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII), null, null, null));
    assertEquals("binary", pdf.reason());
    BadArticleException text =
        assertThrows(
            BadArticleException.class,
            () ->
                extractor.extract(
                    "just some words, no markup at all".getBytes(StandardCharsets.UTF_8),
                    null,
                    null,
                    null));
    assertEquals("not-html", text.reason());
    BadArticleException json =
        assertThrows(
            BadArticleException.class,
            () ->
                extractor.extract(
                    "<html><body><p>x</p></body></html>".getBytes(StandardCharsets.UTF_8),
                    "application/json",
                    null,
                    null));
    assertEquals("not-html", json.reason());
    BadArticleException noText =
        assertThrows(
            BadArticleException.class, () -> extract(page("", "<div><img src=\"a.png\"></div>")));
    assertEquals("no-text", noText.reason());
  }
}
