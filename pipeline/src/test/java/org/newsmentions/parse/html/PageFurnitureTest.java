package org.newsmentions.parse.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageFurnitureTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "5 min read|reading time",
        "Lesezeit: 4 Minuten|reading time",
        "Aufrufe: 1.204|views and comments count",
        "Kategorie: News|category or tag label",
        "Tags: harbour, ferries|category or tag label",
        "Dana Roe is a senior writer for the Harbour Gazette.|author bio",
        "Written permission must be obtained before reprint in online or print media.|licence or"
            + " reprint notice",
        "© 2025 Gazette. Alle Rechte vorbehalten.|licence or reprint notice",
        "Den Artikel mit anderen teilen/diskutieren:|sharing prompt",
        "Sign up for our free newsletter and never miss a story|newsletter prompt",
        "NOTAS RELACIONADAS|related heading"
      })
  void furnitureLinesAreKnownByWhatTheySay(String line, String rule) {
    assertEquals(rule, PageFurniture.match(line).name());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The council said the bridge would reopen in five minutes, read from a statement.",
        "Dana Roe is a nurse at the harbour clinic and has worked there for twenty years.",
        "Tags on the cables showed the date of the last inspection.",
      })
  void articleSentencesAreNot(String line) {
    assertNull(PageFurniture.match(line));
  }

  @Test
  void onlyTheEndsAreTrimmedAndTheMiddleIsKept() {
    List<String> blocks =
        List.of(
            "5 min read",
            "The ferry fares rise in June.",
            "Kategorie: News",
            "Crews will be paid more.",
            "Dana Roe is a senior writer for the Harbour Gazette.",
            "Tags: ferries");
    assertEquals(
        List.of("The ferry fares rise in June.", "Kategorie: News", "Crews will be paid more."),
        PageFurniture.trim(blocks));
  }
}
