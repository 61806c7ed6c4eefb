package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsmentions.parse.ArticleTextCleaner.Cleaned;

class ArticleTextCleanerTest {

  private static final String P1 =
      "The county council approved the new tram line on Monday after a long debate about costs"
          + " and the route through the old market square.";
  private static final String P2 =
      "Work will begin in the spring, and the first trams should run within three years if the"
          + " budget holds and the contractors deliver on time.";
  private static final String P3 =
      "Shop owners along the route said they welcomed the decision but asked for help during the"
          + " months of construction ahead.";

  private static Cleaned clean(String... lines) {
    return ArticleTextCleaner.clean(String.join("\n", lines), null);
  }

  @Test
  void findsTitleAfterNavigationAndKeepsParagraphs() {
    Cleaned c =
        clean(
            "Main Menu",
            "",
            "HOME",
            "",
            "Council Backs New Tram Line for the City",
            "",
            P1,
            "",
            P2);
    assertEquals("Council Backs New Tram Line for the City", c.title());
    assertEquals(List.of(P1, P2), c.paragraphs());
    assertEquals(P1 + "\n\n" + P2, c.body());
  }

  @Test
  void listHeadingsInTheMenuAboveTheTitleAreSkipped() {
    Cleaned c = clean("Most Read Stories", "Latest News", "Council Backs New Tram Line", P1, P2);
    assertEquals("Council Backs New Tram Line", c.title());
    assertEquals(List.of(P1, P2), c.paragraphs());
  }

  @Test
  void aLeadingProseSentenceIsBodyNotTitle() {
    Cleaned c = clean(P1, P2);
    assertEquals("", c.title());
    assertEquals(List.of(P1, P2), c.paragraphs());
  }

  @Test
  void singleSubheadingBetweenProseIsKept() {
    Cleaned c =
        clean("Council Backs New Tram Line", "", P1, "", "What Happens Next", "", P2, "", P3);
    assertEquals(List.of(P1, "What Happens Next", P2, P3), c.paragraphs());
  }

  @Test
  void runOfHeadlinesIsAList() {
    Cleaned c =
        clean(
            "Council Backs New Tram Line",
            "",
            P1,
            "",
            "Harbour Festival Draws Record Crowds",
            "",
            "Local Bakery Wins National Award",
            "",
            P2,
            "",
            P3);
    assertEquals(List.of(P1, P2, P3), c.paragraphs());
  }

  @Test
  void trailingTagAndHeadlineListIsDropped() {
    Cleaned c =
        clean(
            "Council Backs New Tram Line",
            P1,
            P2,
            "Trams Transport",
            "Bus Drivers Vote on New Contract in Northern Depot",
            "students planted a thousand trees in one weekend!",
            "Storm Damage Closes Coastal Path for Weeks",
            "Mayor Opens New Library Wing");
    assertEquals(List.of(P1, P2), c.paragraphs());
  }

  @Test
  void listHeadingDropsEverythingAfterIt() {
    Cleaned c =
        clean(
            "Council Backs New Tram Line",
            P1,
            P2,
            "Most Read",
            "1",
            "Harbour Festival Draws Record Crowds",
            "09:45",
            "A long teaser sentence about a flower show that drew thousands of visitors to the park"
                + " on a sunny Sunday afternoon in June.",
            "10:12",
            "Another long teaser sentence about a cycling race that closed several roads across the"
                + " valley for most of the day on Saturday.");
    assertEquals(List.of(P1, P2), c.paragraphs());
  }

  private static final String P4 =
      "Engineers will survey the old bridge first. Its arches may need to be strengthened before"
          + " the heavy trams can cross the river safely.";

  @Test
  void articleResumesAfterARelatedBlock() {
    Cleaned c =
        clean(
            "Council Backs New Tram Line",
            P1,
            "Related stories:",
            "Harbour Festival Draws Record Crowds",
            "Local Bakery Wins National Award",
            P4,
            P3);
    assertEquals(List.of(P1, P4, P3), c.paragraphs());
  }

  @Test
  void singleSentenceTeasersAfterAListHeadingDoNotResumeTheArticle() {
    Cleaned c =
        clean(
            "Council Backs New Tram Line",
            P1,
            "Recommended for you",
            "A teaser about a flower show that drew thousands of visitors to the park on a sunny"
                + " Sunday afternoon in June.",
            "A teaser about a cycling race that closed several roads across the valley for most of"
                + " the day on Saturday.");
    assertEquals(List.of(P1), c.paragraphs());
  }

  @Test
  void commentsRunToTheEnd() {
    Cleaned c = clean("Council Backs New Tram Line", P1, "Comments (12)", P4, P4 + " Really.", P3);
    assertEquals(List.of(P1), c.paragraphs());
  }

  @Test
  void dropsBylinesCaptionsCreditsAndPrompts() {
    Cleaned c =
        clean(
            "Council Backs New Tram Line",
            "Metro Desk | Updated: 12-03-2025 10:02 GMT",
            "by  |  VIEW 88",
            "Council Backs New Tram Line",
            "Council Backs New Tram Line © Valley Photo Agency/Pool",
            "A tram at the depot. Photo: Getty Images",
            "This image is AI-generated and does not depict any real event.",
            P1,
            "Advertisement",
            P2,
            "(With inputs from wire services.)",
            "Subscribe to our newsletter",
            "Follow us on Facebook",
            "Facebook Twitter WhatsApp Email",
            "What is your opinion on this topic?",
            "Leave the first comment");
    assertEquals("Council Backs New Tram Line", c.title());
    assertEquals(List.of(P1, P2), c.paragraphs());
  }

  @Test
  void dropsDisclaimerBlockAndFooter() {
    Cleaned c =
        clean(
            "Council Backs New Tram Line",
            P1,
            P2,
            "",
            "Disclaimer:",
            "The publisher gives this text",
            "as is and accepts no liability for its accuracy, completeness",
            "or use by anyone.",
            "",
            "Email: desk@tramtimes.example",
            "Phone: +1-555-0100",
            "About | Careers | Terms of use | Privacy Policy",
            "© Copyright 2025");
    assertEquals(List.of(P1, P2), c.paragraphs());
  }

  @Test
  void separatorLinesAreNotParagraphs() {
    Cleaned c = clean("Council Backs New Tram Line", P1, "* * *", P2, "###", P3);
    assertEquals(List.of(P1, P2, P3), c.paragraphs());
  }

  @Test
  void repeatedParagraphsAreKeptOnce() {
    Cleaned c =
        clean("Council Backs New Tram Line", P1, P2, P3, P1, "  " + P2.replace(" ", "  "), P3);
    assertEquals(List.of(P1, P2, P3), c.paragraphs());
  }

  @Test
  void leadingAgencyTagIsRemoved() {
    Cleaned c = clean("Council backs tram line", "(CITYWIRE) " + P1, P2);
    assertEquals(List.of(P1, P2), c.paragraphs());
    assertTrue(c.firstParagraph().startsWith("(CITYWIRE)"));
  }

  @Test
  void knownTitleIsUsedAndItsRepeatRemoved() {
    Cleaned c =
        ArticleTextCleaner.clean(
            "Council Backs New Tram Line\n" + P1 + "\nRead more: Buses to run all night\n" + P2,
            "Council Backs New Tram Line");
    assertEquals("Council Backs New Tram Line", c.title());
    assertEquals(List.of(P1, P2), c.paragraphs());
  }

  @Test
  void bulletedPointsAndTheirIntroductionAreKept() {
    Cleaned c =
        clean(
            "Council Backs New Tram Line",
            P1,
            "The approved plan includes:",
            "- two new stops near the hospital",
            "- a cycle lane along the full route",
            "- cheaper fares for pupils",
            P2);
    assertEquals(
        List.of(
            P1,
            "The approved plan includes:",
            "- two new stops near the hospital",
            "- a cycle lane along the full route",
            "- cheaper fares for pupils",
            P2),
        c.paragraphs());
  }

  @Test
  void standfirstWithoutFinalPeriodIsKept() {
    Cleaned c =
        clean(
            "Council Backs New Tram Line",
            "",
            "Residents hope the line will ease traffic in the crowded centre",
            "",
            P1,
            "",
            P2);
    assertEquals(
        List.of("Residents hope the line will ease traffic in the crowded centre", P1, P2),
        c.paragraphs());
  }

  @Test
  void breadcrumbsTagsAndCookieNoticesAreNotText() {
    Cleaned c =
        clean(
            "Home > News > Transport",
            "We use cookies to give you the best experience on our site.",
            "Council Backs New Tram Line",
            P1,
            P2,
            "Tags: trams, council, transport",
            "Comments (12)",
            "Great news for the city!",
            "About time too.");
    assertEquals("Council Backs New Tram Line", c.title());
    assertEquals(List.of(P1, P2), c.paragraphs());
  }

  @Test
  void headerIsReadAndTheRestOfTheLineKept() {
    String text = " date 2025-05-04 Main Menu\nCouncil Backs New Tram Line\n" + P1;
    assertEquals("2025-05-04", ArticleTextCleaner.headerDate(text));
    assertTrue(ArticleTextCleaner.withoutHeader(text).startsWith("Main Menu\n"));
    Cleaned c = ArticleTextCleaner.clean(ArticleTextCleaner.withoutHeader(text), null);
    assertEquals("Council Backs New Tram Line", c.title());
    assertFalse(c.body().contains("Main Menu"));
  }

  @Test
  void slashBreadcrumbAndGapLaidMenuAreNeverTheTitle() {
    Cleaned c = clean("Home / Region / Coast", "", "Council backs new tram line", "", P1, "", P2);
    assertEquals("Council backs new tram line", c.title());
    assertEquals(List.of(P1, P2), c.paragraphs());

    c = clean("Menu \u25be   News   Towns   Sport   Weather", "", "Tram line wins vote", P1, P2);
    assertEquals("Tram line wins vote", c.title());
    assertEquals(List.of(P1, P2), c.paragraphs());

    c = clean("Sections\tNews\tTowns\tSport", "Tram line wins vote", P1, P2);
    assertEquals("Tram line wins vote", c.title());
  }

  @Test
  void menuLaidOutLineInsideTheBodyIsDropped() {
    Cleaned c = clean("Tram line wins vote", P1, "Towns   Sport   Weather   Jobs", P2);
    assertEquals(List.of(P1, P2), c.paragraphs());
  }

  @Test
  void aSingleWideGapInProseIsNotAMenu() {
    assertFalse(ArticleTextCleaner.isMenuLayout("The mayor said   it would be fine."));
    assertFalse(ArticleTextCleaner.isMenuLayout(P1));
  }

  @Test
  void datedBylineAndPictureLabelBetweenParagraphsAreDroppedButKeepTheirDate() {
    Cleaned c =
        clean(
            "Tram line wins vote",
            "",
            P1,
            "",
            "Rosa Tamm \u00b7 Published on 3 June 2024",
            "",
            "Illustration: The Harbour Post / Stock",
            "",
            P2,
            "",
            P3);
    assertEquals(List.of(P1, P2, P3), c.paragraphs());
    assertTrue(c.dateLines().contains("Rosa Tamm \u00b7 Published on 3 June 2024"));
    assertTrue(ArticleTextCleaner.isBylineWithDate("Rosa Tamm \u00b7 3 June 2024"));
    assertTrue(ArticleTextCleaner.isBylineWithDate("by Ann Lee | 2024/06/03 | VIEW 12"));
    assertFalse(ArticleTextCleaner.isBylineWithDate("Rosa Tamm \u00b7 Reporter"));
    assertFalse(
        ArticleTextCleaner.isBylineWithDate(
            "The vote was held on 3 June 2024 after a long debate. | More"));
  }

  @Test
  void contactNumbersAndAiToolNoticesAreDropped() {
    Cleaned c =
        clean(
            "Tram line wins vote",
            P1,
            "This drawing was made with an AI image tool and shows no real place.",
            P2,
            "Newsdesk tel. +44 20 5550 0101, fax +44 20 5550 0102",
            P3);
    assertEquals(List.of(P1, P2, P3), c.paragraphs());
  }

  @Test
  void proseAboutAiOrGivingAPhoneNumberIsKept() {
    String ai = "The council said the new timetable was made with AI and checked by staff.";
    String phone =
        "Residents who see a leak can phone 0 555 010 2030 at any hour, the council said.";
    Cleaned c = clean("Tram line wins vote", P1, ai, phone, P2);
    assertEquals(List.of(P1, ai, phone, P2), c.paragraphs());
  }

  @Test
  void slashNavigationNeedsShortCapitalisedEntries() {
    assertTrue(ArticleTextCleaner.isSlashNavigation("Home / World / Europe"));
    assertTrue(ArticleTextCleaner.isSlashNavigation("News / Local"));
    assertFalse(ArticleTextCleaner.isSlashNavigation("Prices rose 3% / year in the north"));
    assertFalse(ArticleTextCleaner.isSlashNavigation("and / or"));
  }
}
