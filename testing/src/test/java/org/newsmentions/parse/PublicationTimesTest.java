package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsmentions.Fixtures;
import org.newsmentions.reference.ReferenceModel;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

class PublicationTimesTest {
  private static final ParserSettings SETTINGS =
      ParserSettings.defaults().withClock(Fixtures.CLOCK);
  private final PublicationTimes times = new PublicationTimes(SETTINGS);

  private static RawArticle raw(RawFormat format, String text) {
    return RawArticle.newBuilder()
        .setSource("kafka:news/0/1")
        .setFormat(format)
        .setPayload(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)))
        .setIngested(Instant.parse("2025-05-30T00:00:00Z"))
        .build();
  }

  @Test
  void sameTimeAsTheParserForEverySample() throws Exception {
    List<RawArticle> samples = ReferenceModel.readFiles(Fixtures.sampleFiles(), 2 * 1024 * 1024);
    assertFalse(samples.isEmpty());
    ArticleParser parser = new ArticleParser(SETTINGS);
    int dated = 0;
    for (RawArticle r : samples) {
      Instant expected = parser.parse(r).article().getPublished();
      assertEquals(expected, times.of(r), r.getSource());
      dated += expected == null ? 0 : 1;
    }
    assertEquals(samples.size() - 1, dated, "all samples but one are dated");
  }

  @Test
  void aPageLargerThanTheTextLimitIsDatedFromItsMetadata() {
    String page =
        "<html><head><meta property=\"article:published_time\" content=\"2025-05-08T09:45:00Z\">"
            + "<title>Ferry strike ends</title></head><body><article><h1>Ferry strike ends</h1>"
            + "<p>The ferry crews returned to work on Thursday after a week-long strike over pay"
            + " and rosters, the union said.</p>"
            + "<!-- "
            + "x".repeat(4096)
            + " --></article></body></html>";
    PublicationTimes small =
        new PublicationTimes(
            ParserSettings.defaults()
                .withClock(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC))
                .withMaxArticleBytes(1024));
    assertEquals(Instant.parse("2025-05-08T09:45:00Z"), small.of(raw(RawFormat.HTML, page)));
  }

  @Test
  void scraperHeaderDate() {
    String text = " date 2025-05-08 Home | World\nHeadline here\n\nBody text of the article.";
    assertEquals(Instant.parse("2025-05-08T00:00:00Z"), times.of(raw(RawFormat.AUTO, text)));
  }

  @Test
  void bylineOnlyDateNeedsTheFullParseAndStillAgrees() {
    String text =
        "Headline of the story\n\nBy A Reporter | May 8, 2025 / 11:42 AM\n\n"
            + "The first paragraph of the article has enough words to be body text.";
    assertEquals(Instant.parse("2025-05-08T11:42:00Z"), times.of(raw(RawFormat.RAW_TEXT, text)));
  }

  @Test
  void jsonMetadataDate() {
    String json =
        "{\"title\":\"T\",\"maintext\":\"Body.\",\"date_publish\":\"2025-05-08T10:00:00+02:00\"}";
    assertEquals(Instant.parse("2025-05-08T08:00:00Z"), times.of(raw(RawFormat.JSON_LINE, json)));
  }

  @Test
  void ambiguousNumericDateFollowsTheOutletsDateOrder() {
    ParserSettings monthFirst = SETTINGS.withDateOrder(Map.of("lakeside", true));
    PublicationTimes t = new PublicationTimes(monthFirst);
    String json =
        "{\"url\":\"https://lakeside.example/a\",\"title\":\"T\",\"maintext\":\"Body text.\","
            + "\"date_publish\":\"04/05/2025\"}";
    RawArticle r = raw(RawFormat.JSON_LINE, json);
    assertEquals(Instant.parse("2025-04-05T00:00:00Z"), t.of(r));
    assertEquals(Instant.parse("2025-05-04T00:00:00Z"), times.of(r));
  }

  @Test
  void noDateFutureDateAndBadRecordsHaveNoTime() {
    assertNull(times.of(raw(RawFormat.RAW_TEXT, "Headline\n\nA body without any date in it.")));
    String future = " date 2025-12-31 Headline\n\nBody text of the article.";
    assertNull(times.of(raw(RawFormat.RAW_TEXT, future)));
    assertNull(times.of(raw(RawFormat.JSON_LINE, "{\"title\": \"trunc")));
    assertNull(times.of(raw(RawFormat.AUTO, "")));
  }

  @Test
  void oversizeRecordHasNoTime() {
    ParserSettings small =
        ParserSettings.defaults()
            .withClock(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC))
            .withMaxArticleBytes(16)
            .withDateOrder(Map.of());
    String text = " date 2025-05-08 Headline\n\nBody text of the article.";
    assertNull(new PublicationTimes(small).of(raw(RawFormat.RAW_TEXT, text)));
  }
}
