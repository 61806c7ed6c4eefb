package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsmentions.parse.PublicationDateExtractor.DateFinding;
import org.newsmentions.schema.DateSource;

class PublicationDateExtractorTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final ParserSettings SETTINGS =
      ParserSettings.defaults()
          .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
          .withFutureTolerance(Duration.ofDays(2))
          .withDateOrder(Map.of("usdaily", true));
  private final PublicationDateExtractor dates = new PublicationDateExtractor(SETTINGS);

  private DateFinding byline(String... lines) {
    return dates.find(null, null, List.of(lines), null);
  }

  private Instant bylineInstant(String... lines) {
    return byline(lines).published();
  }

  @Test
  void headerBeatsMetadataAndByline() {
    DateFinding f =
        dates.find("2025-05-04", "2025-05-03T10:00:00Z", List.of("Published on 2 May 2025"), null);
    assertEquals(Instant.parse("2025-05-04T00:00:00Z"), f.published());
    assertEquals(DateSource.header, f.from());
    assertNull(f.rejected());
  }

  @Test
  void metadataBeatsByline() {
    DateFinding f =
        dates.find(null, "2025-05-08 09:14:00", List.of("Published on 2 May 2025"), null);
    assertEquals(Instant.parse("2025-05-08T09:14:00Z"), f.published());
    assertEquals(DateSource.metadata, f.from());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiterString = " -> ",
      value = {
        "2025-05-08T09:14:00Z -> 2025-05-08T09:14:00",
        "2025-05-08T09:14:00Z -> 2025-05-08T09:14:00Z",
        "2025-05-08T07:14:00Z -> 2025-05-08T09:14:00+02:00",
        "2025-05-08T14:14:00Z -> 2025-05-08T09:14:00-0500",
        "2025-05-08T09:14:05.250Z -> 2025-05-08T09:14:05.25Z",
        "2025-05-08T09:14:05.123456Z -> 2025-05-08 09:14:05.123456",
        "2025-05-08T00:00:00Z -> 2025-05-08",
        "2025-05-08T00:00:00Z -> May 8, 2025",
        "2025-05-08T09:14:00Z -> Thu, 08 May 2025 09:14:00 GMT",
        "2025-05-08T09:14:00Z -> 2025-05-08 09:14:00+00:00"
      })
  void metadataFormats(Instant expected, String value) {
    assertEquals(expected, meta(value), value);
  }

  private Instant meta(String value) {
    DateFinding f = dates.find(null, value, List.of(), null);
    assertEquals(DateSource.metadata, f.from(), value);
    return f.published();
  }

  @Test
  void unparseableMetadataFallsBackToByline() {
    DateFinding f = dates.find(null, "not a date", List.of("Posted: 3 March 2025"), null);
    assertEquals(Instant.parse("2025-03-03T00:00:00Z"), f.published());
    assertEquals(DateSource.byline, f.from());
    assertNull(f.rejected());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiterString = " -> ",
      value = {
        "2025-05-04T07:29:00Z -> Lakeside Desk | Updated: 04-05-2025 12:59 IST | Created: 04-05-2025 12:59 IST",
        "2025-05-08T00:00:00Z -> Published on 8 May 2025",
        "2025-05-08T09:14:00Z -> May 8, 2025 / 9:14 AM",
        "2025-05-08T21:14:00Z -> May 8, 2025 9:14 pm GMT",
        "2025-05-08T00:00:00Z -> 8 May 2025",
        "2025-05-08T00:00:00Z -> 2025/05/08",
        "2025-05-08T00:00:00Z -> 08.05.2025",
        "2025-05-08T00:00:00Z -> Thursday, 8th May 2025",
        "2025-05-08T00:00:00Z -> Posted 8 May 2025",
        "2025-05-08T00:00:00Z -> Created: 08/05/2025",
        "2025-05-08T00:00:00Z -> By Ana Ruiz | May 8, 2025 | 4 min read",
        "2025-05-08T00:00:00Z -> HARBOURTOWN, May 8, 2025 (Wire) - The ferry left early on Thursday."
      })
  void bylineForms(Instant expected, String line) {
    assertEquals(expected, bylineInstant(line), line);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiterString = " -> ",
      value = {
        "2025-05-08T13:14:00Z -> Updated: May 8, 2025 9:14 AM ET",
        "2025-01-08T14:14:00Z -> Updated: Jan 8, 2025 9:14 AM ET",
        "2025-05-08T14:14:00Z -> Updated: 8 May 2025 09:14 EST",
        "2025-05-08T13:14:00Z -> Updated: 8 May 2025 09:14 EDT",
        "2025-05-08T08:14:00Z -> Updated: 8 May 2025 09:14 CET",
        "2025-05-08T08:14:00Z -> Updated: 8 May 2025 09:14 BST",
        "2025-05-08T06:14:00Z -> Updated: 8 May 2025 09:14 MSK",
        "2025-05-08T09:14:00Z -> Updated: 8 May 2025 09:14 UTC",
        "2025-05-08T03:44:00Z -> Updated: 8 May 2025 09:14 +05:30",
        "2025-05-08T06:14:00Z -> Updated: 8 May 2025 09:14 GMT+3"
      })
  void timeZones(Instant expected, String line) {
    assertEquals(expected, bylineInstant(line), line);
  }

  @Test
  void numericDatesAreDayFirstUnlessOutletIsMonthFirst() {
    assertEquals(Instant.parse("2025-05-04T00:00:00Z"), bylineInstant("Updated: 04-05-2025"));
    DateFinding us = dates.find(null, null, List.of("Updated: 04-05-2025"), "usdaily");
    assertEquals(Instant.parse("2025-04-05T00:00:00Z"), us.published());
    // A part above 12 decides by itself, whatever the outlet's habit.
    assertEquals(Instant.parse("2025-05-20T00:00:00Z"), bylineInstant("Updated: 20-05-2025"));
    DateFinding us2 = dates.find(null, null, List.of("Updated: 20-05-2025"), "usdaily");
    assertEquals(Instant.parse("2025-05-20T00:00:00Z"), us2.published());
    assertEquals(Instant.parse("2025-05-20T00:00:00Z"), bylineInstant("Updated: 05/20/2025"));
  }

  @Test
  void bylineWithAuthorAnywhereInTheText() {
    String prose =
        "A paragraph of ordinary prose that mentions nothing about when it was written at all.";
    String[] lines = new String[20];
    java.util.Arrays.fill(lines, prose);
    lines[10] = "By Lena Park | 9 April 2025";
    assertEquals(Instant.parse("2025-04-09T00:00:00Z"), bylineInstant(lines));
  }

  @Test
  void publishedIsPreferredToUpdated() {
    assertEquals(
        Instant.parse("2025-05-01T00:00:00Z"),
        bylineInstant("Updated: 3 May 2025", "Published: 1 May 2025"));
  }

  @Test
  void proseAndPhoneNumbersAreNotBylines() {
    assertNull(
        bylineInstant(
            "The fair runs from May 7 to May 10 and the organisers expect large crowds at the gates.",
            "Officials said the deadline of 12 June 2025 would be extended if the weather turned bad"
                + " again, as it did last spring when the river rose above the old stone bridge.",
            "Phone: +44-20-7946-0018, 0800 123 4567"));
    assertNull(bylineInstant("He posted on 8 May 2025 a short video of the parade."));
  }

  @Test
  void relativeWordingGivesNothing() {
    DateFinding f = byline("Updated Tuesday", "Published yesterday", "3 hours ago");
    assertNull(f.published());
    assertEquals(DateSource.none, f.from());
    assertNull(f.rejected());
  }

  @Test
  void impossibleDatesAreRejected() {
    DateFinding f = dates.find("2025-13-45", null, List.of(), null);
    assertNull(f.published());
    assertEquals(DateSource.none, f.from());
    assertEquals("2025-13-45", f.rejected());

    DateFinding g = dates.find(null, "2025-02-30T10:00:00Z", List.of(), null);
    assertNull(g.published());
    assertEquals("2025-02-30T10:00:00Z", g.rejected());

    DateFinding h = byline("Updated: 45-13-2025");
    assertNull(h.published());
    assertEquals("45-13-2025", h.rejected());
  }

  @Test
  void futureDatesAreRejected() {
    DateFinding f = dates.find(null, "2025-06-10T00:00:00Z", List.of(), null);
    assertNull(f.published());
    assertEquals(DateSource.none, f.from());
    assertEquals("2025-06-10T00:00:00Z", f.rejected());
    // Within the tolerance is fine.
    DateFinding g = dates.find(null, "2025-06-02T00:00:00Z", List.of(), null);
    assertEquals(Instant.parse("2025-06-02T00:00:00Z"), g.published());
  }

  @Test
  void aRejectedSourceFallsThroughToTheNext() {
    DateFinding f = dates.find("2031-01-01", null, List.of("Published: 2 May 2025"), null);
    assertEquals(Instant.parse("2025-05-02T00:00:00Z"), f.published());
    assertEquals(DateSource.byline, f.from());
    assertEquals("2031-01-01", f.rejected());
  }
}
