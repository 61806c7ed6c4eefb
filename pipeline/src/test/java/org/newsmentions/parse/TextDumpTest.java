package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsmentions.parse.ArticleTextCleaner.Cleaned;
import org.newsmentions.parse.PublicationDateExtractor.DateFinding;

/**
 * Pages dumped as text the way simple scrapers save them: long menus before the headline, share
 * bars, lists inside the article, dates in many languages, scripts without spaces. The texts are
 * written for these tests.
 */
class TextDumpTest {
  private static final String P1 =
      "The harbour board voted on Tuesday to rebuild the northern pier, which storms damaged"
          + " twice last winter, and to reopen it to fishing boats by the autumn.";
  private static final String P2 =
      "Engineers told the board that the new pier would stand on steel piles driven deep into the"
          + " rock, so that the next storms would not wash away its footings again.";
  private static final String P3 =
      "Fishermen who moored at the southern quay during the works said the longer trips had cost"
          + " them fuel and time, and they welcomed the vote with some relief.";

  private static Cleaned clean(List<String> lines) {
    return ArticleTextCleaner.clean(String.join("\n", lines), null);
  }

  /** A site menu of {@code n} lines, with skip links, section names and a teaser headline. */
  private static List<String> menu(int n) {
    List<String> out = new ArrayList<>();
    out.add("Skip to main content");
    out.add("Harbour Weekly, a Coastal Media company");
    for (int i = 0; out.size() < n; i++) {
      out.add(i % 7 == 3 ? "Council Picks New Head for the Town Library" : "Section " + i);
    }
    return out;
  }

  @Test
  void headlineAfterALongMenuIsTheLineThatSharesWordsWithTheArticle() {
    List<String> page = new ArrayList<>(menu(120));
    page.addAll(
        List.of("", "Harbour Board Votes to Rebuild the Northern Pier", "", P1, "", P2, "", P3));
    Cleaned c = clean(page);
    assertEquals("Harbour Board Votes to Rebuild the Northern Pier", c.title());
    assertEquals(List.of(P1, P2, P3), c.paragraphs());
  }

  @Test
  void subheadingInsideTheArticleIsNotTheHeadline() {
    List<String> page = new ArrayList<>(menu(40));
    page.addAll(
        List.of(
            "Harbour Board Votes to Rebuild the Northern Pier",
            P1,
            "What the Pier Will Cost the Harbour Board",
            P2,
            P3));
    Cleaned c = clean(page);
    assertEquals("Harbour Board Votes to Rebuild the Northern Pier", c.title());
    assertTrue(c.paragraphs().contains("What the Pier Will Cost the Harbour Board"));
  }

  @Test
  void commentsButtonAboveTheArticleKeepsTheArticle() {
    List<String> page =
        List.of(
            "Harbour Board Votes to Rebuild the Northern Pier",
            "Share",
            "Comments",
            P1,
            P2,
            P3,
            "Comments",
            "I have fished from that pier for forty years and I am very glad to hear this news.");
    Cleaned c = clean(page);
    assertEquals(List.of(P1, P2, P3), c.paragraphs());
  }

  @Test
  void commentsAndRelatedListsInOtherLanguagesEndTheArticle() {
    String comment =
        "Anna: Endlich! Ich habe jahrelang auf diese Entscheidung gewartet, danke an alle, die"
            + " sich im Hafen und im Rat dafür eingesetzt haben.";
    String title = "Harbour Board Votes to Rebuild the Northern Pier";
    Cleaned related =
        clean(List.of(title, P1, P2, "Das könnte Sie auch interessieren", "Fähre fährt wieder"));
    assertEquals(List.of(P1, P2), related.paragraphs());
    Cleaned comments = clean(List.of(title, P1, P2, P3, "12 Kommentare", comment, comment + "!"));
    assertEquals(List.of(P1, P2, P3), comments.paragraphs());
    assertTrue(ListHeadings.isComments("Commentaires (3)"));
    assertTrue(ListHeadings.isRelated("À lire aussi :"));
    assertFalse(ListHeadings.isComments("Kommentare zur Lage der Fischer im Hafen"));
  }

  @Test
  void aTableInsideTheArticleStays() {
    List<String> page =
        List.of(
            "Harbour Board Votes to Rebuild the Northern Pier",
            P1,
            "Pier 1: 120 m, 1962",
            "Pier 2: 95 m, 1978",
            "Pier 3: 140 m, 2004",
            P2,
            P3);
    Cleaned c = clean(page);
    assertTrue(c.paragraphs().contains("Pier 2: 95 m, 1978"), c.paragraphs().toString());
  }

  @Test
  void japaneseTextIsKept() {
    String p1 = "港の委員会は火曜日、昨年の冬に嵐で二度壊れた北の桟橋を建て直すことを決めました。秋までに漁船が使えるようにします。";
    String p2 = "技術者によると、新しい桟橋は岩の奥まで打ち込んだ鋼の杭の上に建てられ、次の嵐でも土台が流されないということです。";
    Cleaned c = clean(List.of("ホーム", "ニュース", "北の桟橋を建て直すことを決定", p1, p2));
    assertEquals("北の桟橋を建て直すことを決定", c.title());
    assertEquals(List.of(p1, p2), c.paragraphs());
  }

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private final PublicationDateExtractor dates =
      new PublicationDateExtractor(
          ParserSettings.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiterString = " -> ",
      value = {
        "2025-05-08 -> Dienstag, 8. Mai 2025",
        "2025-05-08T15:32:00 -> 08.05.2025 15:32 Uhr",
        "2025-05-08T15:32:00 -> 08.05.2025, 15.32 Uhr",
        "2025-05-08T09:10:00+01:00 -> 8 May 2025 • 9:10am BST",
        "2025-05-08T14:49:00 -> Publié le 08/05/2025 à 14h49",
        "2025-05-08 -> jeudi 8 mai 2025",
        "2025-05-08 -> 8 de mayo de 2025",
        "2025-05-08 -> giovedì 8 maggio 2025",
        "2025-05-08 -> 8 de maio de 2025",
        "2025-05-08 -> 8 мая 2025 г.",
        "2025-05-08 -> 2025年5月8日",
        "2025-05-08 -> 2025年5月8日（木）",
        "2025-05-08 -> 8. Mai 2025, Donnerstag",
        "2025-05-08T23:30:00+02:00 -> Veröffentlicht am 08.05.2025 um 23:30 MESZ",
        "2025-05-08 -> Von Heike Roe 8. Mai 2025"
      })
  void datesInTheFormsAndLanguagesPagesUse(String local, String line) {
    DateFinding f = dates.find(null, null, List.of(line), null);
    assertEquals(local, f.local(), line);
  }

  @Test
  void theDateNearTheTitleBeatsTheSiteDateAboveIt() {
    DateFinding f =
        dates.find(
            null,
            null,
            List.of("Freitag, 23. Mai 2025", "Menu", "Harbour Board Votes", "12. Mai 2025", P1),
            2,
            null);
    assertEquals("2025-05-12", f.local());
  }

  @Test
  void datesBeforeTheWebAndFarInTheFutureAreRefused() {
    assertNull(dates.find(null, null, List.of("3. März 1989"), null).published());
    assertNull(dates.find(null, null, List.of("4. Juni 2025"), null).published());
    assertFalse(dates.find(null, null, List.of("2. Juni 2025"), null).published() == null);
  }

  @Test
  void headlinesPickerNeedsSharedWords() {
    List<String> texts = List.of("Skip to main content", "Harbour Board Votes on the Pier", P1);
    boolean[] candidate = {true, true, false};
    int[] prose = {0, 0, 28};
    assertEquals(1, Headlines.pick(texts, candidate, prose, 250));
    assertEquals(-1, Headlines.pick(texts, new boolean[] {true, false, false}, prose, 250));
  }
}
