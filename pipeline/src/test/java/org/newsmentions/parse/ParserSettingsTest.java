package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParserSettingsTest {

  @Test
  void defaultsAreDayFirstExceptForBundledMonthFirstOutlets() {
    ParserSettings s = ParserSettings.defaults();
    assertFalse(s.monthFirst(null));
    assertFalse(s.monthFirst("someunlistedsite"));
    assertTrue(s.monthFirst("ap")); // apnews.com in the bundled file, reduced to its key
  }

  @Test
  void readsKeysNamesAndDomainsAndSkipsComments() throws IOException {
    var map =
        ParserSettings.readDateOrder(
            new StringReader(
                "# comment\n\nThe Cedar Gazette\tmonth-first\ncedarpost.example\tday-first\n"),
            "test");
    assertEquals(true, map.get("cedargazette"));
    assertEquals(false, map.get("cedarpost"));
    assertEquals(2, map.size());
  }

  @Test
  void malformedLineIsReportedWithItsNumber() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ParserSettings.readDateOrder(
                    new StringReader("cedar\tmonth-first\ncedar\tsideways\n"), "orders.tsv"));
    assertTrue(e.getMessage().startsWith("orders.tsv:2:"), e.getMessage());
  }

  @Test
  void userFileOverridesTheBundledOneAndDecidesAmbiguousDates(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("orders.tsv");
    Files.writeString(
        file, "cedargazette\tmonth-first\napnews.com\tday-first\n", StandardCharsets.UTF_8);
    ParserSettings s = ParserSettings.withDateOrderFile(file);
    assertTrue(s.monthFirst("cedargazette"));
    assertFalse(s.monthFirst("ap"));

    PublicationDateExtractor dates =
        new PublicationDateExtractor(
            s.withClock(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC)));
    List<String> lines = List.of("Posted 04-05-2025 10:00");
    assertEquals(
        Instant.parse("2025-04-05T10:00:00Z"),
        dates.find(null, null, lines, "cedargazette").published());
    assertEquals(
        Instant.parse("2025-05-04T10:00:00Z"),
        dates.find(null, null, lines, "otherpaper").published());
    // A part above 12 decides by itself, whatever the outlet's order.
    List<String> clear = List.of("Posted 25-05-2025 10:00");
    assertEquals(
        Instant.parse("2025-05-25T10:00:00Z"),
        dates.find(null, null, clear, "cedargazette").published());
  }

  @Test
  void missingFileIsAnError(@TempDir Path dir) {
    assertThrows(
        java.io.UncheckedIOException.class,
        () -> ParserSettings.withDateOrderFile(dir.resolve("none.tsv")));
  }
}
