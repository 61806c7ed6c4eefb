package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DateSource;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

class ArticleParserTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Instant INGESTED = Instant.parse("2025-05-09T08:00:00Z");
  private static final ParserSettings SETTINGS =
      ParserSettings.defaults()
          .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
          .withMaxArticleBytes(4096)
          .withDateOrder(Map.of());
  private final ArticleParser parser = new ArticleParser(SETTINGS);

  private static final String BODY_1 =
      "Volunteers cleared two tonnes of litter from the riverbank on Saturday, the largest haul"
          + " since the clean-up began five years ago.";
  private static final String BODY_2 =
      "Organisers said plastic bottles made up most of the rubbish and called for a deposit"
          + " scheme to be introduced before the summer.";

  private static RawArticle raw(RawFormat format, String payload) {
    return raw(format, payload.getBytes(StandardCharsets.UTF_8), null, null);
  }

  private static RawArticle raw(
      RawFormat format, byte[] payload, String urlHint, String outletHint) {
    return RawArticle.newBuilder()
        .setSource("test/source.txt")
        .setFormat(format)
        .setPayload(ByteBuffer.wrap(payload))
        .setIngested(INGESTED)
        .setUrlHint(urlHint)
        .setOutletHint(outletHint)
        .build();
  }

  private static String reason(ThrowingCall call) {
    return assertThrows(BadArticleException.class, call::run).reason();
  }

  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void parsesRawText() throws Exception {
    String text =
        " date 2025-05-07 Site Menu\n\nVolunteers Clear Riverbank of Litter\n\nRiverside Desk |"
            + " Updated: 07-05-2025 18:30 IST\n\n"
            + BODY_1
            + "\n\n"
            + BODY_2
            + "\n\nTrending\n\nCyclists Race Through Valley Villages\n\n© 2025 Riverside Weekly."
            + " All rights reserved.\n";
    ParseOutcome out = parser.parse(raw(RawFormat.RAW_TEXT, text));
    Article a = out.article();
    assertEquals("Volunteers Clear Riverbank of Litter", a.getTitle());
    assertEquals(BODY_1 + "\n\n" + BODY_2, a.getBody());
    assertEquals(Instant.parse("2025-05-07T00:00:00Z"), a.getPublished());
    assertEquals(DateSource.header, a.getPublishedFrom());
    assertEquals("riversideweekly", a.getOutlet());
    assertEquals("test/source.txt", a.getSource());
    assertEquals(INGESTED, a.getIngested());
    assertNull(a.getUrl());
    assertEquals("en", a.getLanguage()); // detected: raw text carries no language
    assertEquals(ArticleIds.of(null, "test/source.txt"), a.getId()); // no URL: by source
    assertNull(a.getDuplicateOf());
    assertEquals(1, a.getCopies());
    assertFalse(out.dateRejected());
  }

  @Test
  void rawTextBylineDate() throws Exception {
    String text =
        "Volunteers Clear Riverbank of Litter\nPublished on 6 May 2025\n" + BODY_1 + "\n" + BODY_2;
    Article a = parser.parse(raw(RawFormat.AUTO, text)).article();
    assertEquals(Instant.parse("2025-05-06T00:00:00Z"), a.getPublished());
    assertEquals(DateSource.byline, a.getPublishedFrom());
    assertEquals(BODY_1 + "\n\n" + BODY_2, a.getBody());
  }

  @Test
  void datesInsideATeaserListAreNotThisArticlesDate() throws Exception {
    String text =
        "Volunteers Clear Riverbank of Litter\n"
            + BODY_1
            + "\n"
            + BODY_2
            + "\nMore stories\nCyclists Race Through Valley Villages\nMay 3, 2025\n"
            + "Flower Show Opens in the Park\nMay 2, 2025\n";
    ParseOutcome out = parser.parse(raw(RawFormat.RAW_TEXT, text));
    assertNull(out.article().getPublished());
    assertEquals(BODY_1 + "\n\n" + BODY_2, out.article().getBody());
  }

  @Test
  void parsesNewsPleaseJson() throws Exception {
    String json =
        "{\"url\": \"https://www.riverside-weekly.co.uk/news/litter?utm_source=feed\","
            + " \"source_domain\": \"www.riverside-weekly.co.uk\","
            + " \"title\": \"Volunteers Clear Riverbank of Litter\","
            + " \"maintext\": \""
            + BODY_1
            + "\\nAlso read: Ducks return to the mill pond\\n"
            + BODY_2
            + "\\n"
            + BODY_2
            + "\","
            + " \"date_publish\": \"2025-05-08 09:14:00\","
            + " \"date_download\": \"2025-05-09 01:00:00\","
            + " \"language\": \"en\"}";
    Article a = parser.parse(raw(RawFormat.AUTO, json)).article();
    assertEquals("Volunteers Clear Riverbank of Litter", a.getTitle());
    assertEquals(BODY_1 + "\n\n" + BODY_2, a.getBody());
    assertEquals("https://www.riverside-weekly.co.uk/news/litter?utm_source=feed", a.getUrl());
    assertEquals("riversideweekly", a.getOutlet());
    assertEquals(Instant.parse("2025-05-08T09:14:00Z"), a.getPublished());
    assertEquals(DateSource.metadata, a.getPublishedFrom());
    assertEquals("en", a.getLanguage());
    assertEquals(
        "u:" + ArticleIds.sha256Prefix("https://riverside-weekly.co.uk/news/litter"), a.getId());
  }

  @Test
  void jsonDateDownloadIsNeverThePublicationDate() throws Exception {
    String json =
        "{\"title\": \"Volunteers Clear Riverbank\", \"maintext\": \""
            + BODY_1
            + "\", \"date_publish\": null, \"date_download\": \"2025-05-09 01:00:00\"}";
    ParseOutcome out = parser.parse(raw(RawFormat.JSON_LINE, json));
    assertNull(out.article().getPublished());
    assertEquals(DateSource.none, out.article().getPublishedFrom());
    assertNull(out.rejectedDate());
  }

  @Test
  void jsonFallsBackToBylineAndToTextOrDescription() throws Exception {
    String json =
        "{\"title\": \"Volunteers Clear Riverbank\", \"maintext\": null, \"text\": \"Posted: 3 May"
            + " 2025\\n"
            + BODY_1
            + "\", \"date_publish\": \"soon\"}";
    Article a = parser.parse(raw(RawFormat.JSON_LINE, json)).article();
    assertEquals(BODY_1, a.getBody());
    assertEquals(Instant.parse("2025-05-03T00:00:00Z"), a.getPublished());
    assertEquals(DateSource.byline, a.getPublishedFrom());

    String onlyDescription = "{\"title\": null, \"description\": \"" + BODY_2 + "\"}";
    Article b = parser.parse(raw(RawFormat.JSON_LINE, onlyDescription)).article();
    assertEquals("", b.getTitle());
    assertEquals(BODY_2, b.getBody());
  }

  @Test
  void jsonMaintextIsArticleTextAndKeepsItsTablesListsAndDatelines() throws Exception {
    String[] lines = {
      "LEEDS, May 8 (Northern Wire) - " + BODY_1,
      "Squad:",
      "Goalkeepers: Ada Price, Ben Cole",
      "Defenders: Carl Dunn, Dev Patel, Eli Ford",
      "Standings",
      "1. Harrogate 34 80",
      "2. Ripon 34 74",
      "Comments",
      BODY_2,
      "Also read | Ducks return to the mill pond",
      "Follow Northern Wire on Telegram",
      "Join Northern Wire on WhatsApp for the latest",
      BODY_2
    };
    String json =
        "{\"title\": \"Volunteers Clear Riverbank\", \"maintext\": \""
            + String.join("\\n", lines)
            + "\", \"date_publish\": \"2025-05-08 09:14:00\"}";
    Article a = parser.parse(raw(RawFormat.JSON_LINE, json)).article();
    assertEquals(
        String.join(
            "\n\n",
            "LEEDS, May 8 (Northern Wire) - " + BODY_1,
            "Squad:",
            "Goalkeepers: Ada Price, Ben Cole",
            "Defenders: Carl Dunn, Dev Patel, Eli Ford",
            "Standings",
            "1. Harrogate 34 80",
            "2. Ripon 34 74",
            "Comments",
            BODY_2),
        a.getBody(),
        "only the teaser, the call to action and the repeated paragraph are taken out");
  }

  private static final String PAGE =
      "<!DOCTYPE html><html lang=\"en\"><head><title>Litter haul breaks record | Riverside"
          + " Weekly</title><link rel=\"canonical\""
          + " href=\"https://www.riverside-weekly.co.uk/news/litter-record\"><meta"
          + " property=\"og:site_name\" content=\"Riverside Weekly\"><meta"
          + " property=\"article:published_time\" content=\"2025-05-07T18:30:00+01:00\"><meta"
          + " property=\"article:modified_time\" content=\"2025-05-08T07:00:00+01:00\"></head>"
          + "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Litter"
          + " haul breaks record</h1><p>"
          + BODY_1
          + "</p><p>"
          + BODY_2
          + "</p></article></body></html>";

  private static String jsonWithPage(String fields) {
    String page = PAGE.replace("\"", "\\\"");
    return "{" + fields + (fields.isEmpty() ? "" : ", ") + "\"html\": \"" + page + "\"}";
  }

  @Test
  void jsonWithOnlyAPageTakesEverythingFromThePage() throws Exception {
    ParseOutcome out = parser.parse(raw(RawFormat.JSON_LINE, jsonWithPage("")));
    Article a = out.article();
    assertEquals("Litter haul breaks record", a.getTitle());
    assertEquals(BODY_1 + "\n\n" + BODY_2, a.getBody());
    assertEquals(Instant.parse("2025-05-07T17:30:00Z"), a.getPublished());
    assertEquals("2025-05-07T18:30:00+01:00", a.getPublishedLocal());
    assertEquals(DateSource.metadata, a.getPublishedFrom());
    assertEquals(Instant.parse("2025-05-08T06:00:00Z"), a.getModified());
    assertEquals("https://www.riverside-weekly.co.uk/news/litter-record", a.getCanonicalUrl());
    assertEquals("https://www.riverside-weekly.co.uk/news/litter-record", a.getUrl());
    assertEquals("riversideweekly", a.getOutlet());
    assertEquals("en", a.getLanguage());
  }

  @Test
  void jsonWithAPageKeepsTheScrapersFieldsAndTakesOnlyWhatTheyLack() throws Exception {
    String fields =
        "\"url\": \"https://www.riverside-weekly.co.uk/news/litter-record?ref=rss\","
            + " \"title\": \"Riverbank volunteers set a record\", \"maintext\": \""
            + BODY_2
            + "\", \"date_publish\": \"2025-05-07 20:00:00\"";
    Article a = parser.parse(raw(RawFormat.JSON_LINE, jsonWithPage(fields))).article();
    assertEquals("Riverbank volunteers set a record", a.getTitle());
    assertEquals(BODY_2, a.getBody());
    assertEquals(Instant.parse("2025-05-07T20:00:00Z"), a.getPublished());
    assertNull(a.getPublishedLocal(), "the scraper's date is used, not the page's");
    assertEquals("https://www.riverside-weekly.co.uk/news/litter-record?ref=rss", a.getUrl());
    assertEquals("https://www.riverside-weekly.co.uk/news/litter-record", a.getCanonicalUrl());
    assertEquals(Instant.parse("2025-05-08T06:00:00Z"), a.getModified());

    String noDate = fields.replace("\"2025-05-07 20:00:00\"", "null");
    Article b = parser.parse(raw(RawFormat.JSON_LINE, jsonWithPage(noDate))).article();
    assertEquals(Instant.parse("2025-05-07T17:30:00Z"), b.getPublished(), "the page's date");
    assertEquals("2025-05-07T18:30:00+01:00", b.getPublishedLocal());
  }

  @Test
  void aJsonLineWithAPageIsHeldToThePageLimitAndOneWithoutToTheTextLimit() throws Exception {
    String padding = "x".repeat(5000);
    String withPage =
        jsonWithPage("").replace("<nav>", "<script>var pad = '" + padding + "';</script><nav>");
    assertTrue(withPage.length() > SETTINGS.maxArticleBytes());
    assertEquals(
        "Litter haul breaks record",
        parser.parse(raw(RawFormat.JSON_LINE, withPage)).article().getTitle());

    String withoutPage =
        "{\"title\": \"Volunteers\", \"maintext\": \""
            + BODY_1
            + "\", \"extra\": \""
            + padding
            + "\"}";
    BadArticleException e =
        assertThrows(
            BadArticleException.class, () -> parser.parse(raw(RawFormat.JSON_LINE, withoutPage)));
    assertEquals("oversize", e.reason());
    assertTrue(e.getMessage().contains("without a page"), e.getMessage());
  }

  @Test
  void badJson() {
    assertEquals(
        "bad-json", reason(() -> parser.parse(raw(RawFormat.JSON_LINE, "{\"title\": \"Cut"))));
    assertEquals(
        "bad-json", reason(() -> parser.parse(raw(RawFormat.AUTO, "{\"title\": \"A\"} trailing"))));
    assertEquals("bad-json", reason(() -> parser.parse(raw(RawFormat.JSON_LINE, "[1, 2, 3]"))));
    assertEquals(
        "bad-json", reason(() -> parser.parse(raw(RawFormat.JSON_LINE, "\"just a string\""))));
    assertEquals(
        "bad-json",
        reason(
            () -> parser.parse(raw(RawFormat.JSON_LINE, "{\"title\": \"A\", \"maintext\": 42}"))));
    BadArticleException e =
        assertThrows(
            BadArticleException.class,
            () ->
                parser.parse(
                    raw(RawFormat.JSON_LINE, "{\"title\": \"A\", \"maintext\": [\"x\"]}")));
    assertEquals("bad-json", e.reason());
    assertTrue(e.getMessage().contains("maintext"), e.getMessage());
  }

  @Test
  void noText() {
    assertEquals("no-text", reason(() -> parser.parse(raw(RawFormat.JSON_LINE, "{}"))));
    assertEquals(
        "no-text",
        reason(
            () ->
                parser.parse(raw(RawFormat.JSON_LINE, "{\"title\": \" \", \"maintext\": \"\"}"))));
    assertEquals(
        "no-text",
        reason(() -> parser.parse(raw(RawFormat.RAW_TEXT, "HOME\nMENU\nSubscribe\n14:02\n"))));
  }

  @Test
  void emptyBinaryAndOversize() {
    assertEquals("empty", reason(() -> parser.parse(raw(RawFormat.AUTO, ""))));
    assertEquals("empty", reason(() -> parser.parse(raw(RawFormat.AUTO, "  \n\r\n  "))));
    assertEquals(
        "binary",
        reason(
            () ->
                parser.parse(
                    raw(RawFormat.AUTO, new byte[] {0, 1, 2, 3, 0, 0, 5, 6, 0, 'a'}, null, null))));
    byte[] big = new byte[4097];
    java.util.Arrays.fill(big, (byte) 'a');
    assertEquals("oversize", reason(() -> parser.parse(raw(RawFormat.AUTO, big, null, null))));
  }

  @Test
  void payloadIsReadWithoutBeingConsumed() throws Exception {
    RawArticle r = raw(RawFormat.AUTO, "Volunteers Clear Riverbank\n" + BODY_1);
    ParseOutcome first = parser.parse(r);
    ParseOutcome second = parser.parse(r);
    assertEquals(first.article(), second.article());
    assertTrue(r.getPayload().hasRemaining());
  }

  @Test
  void futureAndImpossibleDatesAreRejectedButTheArticleKept() throws Exception {
    ParseOutcome out =
        parser.parse(
            raw(RawFormat.RAW_TEXT, " date 2025-13-45 Volunteers Clear Riverbank\n" + BODY_1));
    assertNull(out.article().getPublished());
    assertEquals(DateSource.none, out.article().getPublishedFrom());
    assertEquals("2025-13-45", out.rejectedDate());
    assertEquals(BODY_1, out.article().getBody());

    String json =
        "{\"title\": \"Volunteers Clear Riverbank\", \"maintext\": \""
            + BODY_1
            + "\", \"date_publish\": \"2026-01-01T00:00:00Z\"}";
    ParseOutcome future = parser.parse(raw(RawFormat.JSON_LINE, json));
    assertNull(future.article().getPublished());
    assertEquals("2026-01-01T00:00:00Z", future.rejectedDate());
  }

  @Test
  void outletFromHintsWhenThePayloadHasNone() throws Exception {
    byte[] text = ("Volunteers Clear Riverbank\n" + BODY_1).getBytes(StandardCharsets.UTF_8);
    Article withHint = parser.parse(raw(RawFormat.AUTO, text, null, "Riverside Weekly")).article();
    assertEquals("riversideweekly", withHint.getOutlet());
    Article withUrl =
        parser
            .parse(raw(RawFormat.AUTO, text, "https://m.valleygazette.com/x/", "Riverside Weekly"))
            .article();
    assertEquals("valleygazette", withUrl.getOutlet());
    assertEquals("https://m.valleygazette.com/x/", withUrl.getUrl());
    Article none = parser.parse(raw(RawFormat.AUTO, text, null, null)).article();
    assertNull(none.getOutlet());
  }

  @Test
  void sameArticleFromFileAndFromKafkaGetsOneId() throws Exception {
    String fileText =
        "Volunteers Clear Riverbank\r\n\r\n" + BODY_1 + "\r\n\r\nShare on Facebook\r\n";
    String kafkaJson =
        "{\"title\": \"Volunteers  Clear Riverbank\", \"maintext\": \"" + BODY_1 + "\"}";
    String a = parser.parse(raw(RawFormat.RAW_TEXT, fileText)).article().getId();
    String b = parser.parse(raw(RawFormat.AUTO, kafkaJson)).article().getId();
    assertEquals(a, b);
  }

  @Test
  void isSerializable() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(parser);
    }
    ArticleParser copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ArticleParser) in.readObject();
    }
    ParseOutcome out = copy.parse(raw(RawFormat.AUTO, "Volunteers Clear Riverbank\n" + BODY_1));
    assertNotNull(out.article());
    assertEquals(BODY_1, out.article().getBody());
  }

  private static final String GERMAN_BODY =
      "Freiwillige haben am Samstag zwei Tonnen Abfall vom Flussufer gesammelt, so viel wie noch"
          + " nie seit dem Beginn der Aktion vor fünf Jahren. Die Veranstalter forderten ein"
          + " Pfandsystem noch vor dem Sommer.";

  @Test
  void languageIsDetectedWhenJsonHasNoneAndKeptWhenItHasOne() throws Exception {
    String noField = "{\"title\": \"Müll am Fluss\", \"maintext\": \"" + GERMAN_BODY + "\"}";
    assertEquals("de", parser.parse(raw(RawFormat.JSON_LINE, noField)).article().getLanguage());
    String withField =
        "{\"title\": \"Müll am Fluss\", \"maintext\": \""
            + GERMAN_BODY
            + "\", \"language\": \"nl\"}";
    assertEquals("nl", parser.parse(raw(RawFormat.JSON_LINE, withField)).article().getLanguage());
    String english =
        "{\"title\": \"Volunteers Clear Riverbank\", \"maintext\": \"" + BODY_1 + "\"}";
    assertEquals("en", parser.parse(raw(RawFormat.JSON_LINE, english)).article().getLanguage());
  }

  @Test
  void rawTextInAnotherLanguageIsKeptWithItsLanguage() throws Exception {
    Article a = parser.parse(raw(RawFormat.RAW_TEXT, "Müll am Fluss\n\n" + GERMAN_BODY)).article();
    assertEquals("de", a.getLanguage());
    assertEquals(GERMAN_BODY, a.getBody());
  }

  @Test
  void tooShortATextHasNoLanguage() throws Exception {
    Article a = parser.parse(raw(RawFormat.RAW_TEXT, "Flood warning lifted")).article();
    assertNull(a.getLanguage());
  }
}
