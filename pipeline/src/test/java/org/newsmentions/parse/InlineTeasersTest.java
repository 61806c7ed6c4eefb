package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InlineTeasersTest {

  @Test
  void teaserEndsWhereACapitalFollowsALowercaseContentWord() {
    String text =
        "The mayor spoke last. Also read | Watch: A cat sits quietly in the garden of Maria Lopez"
            + " is lifted by a neighbour Flood warnings issued Residents were told to stay home.";
    assertEquals(
        "The mayor spoke last. Flood warnings issued Residents were told to stay home.",
        InlineTeasers.cut(text));
  }

  @Test
  void teaserEndsAtASentenceEnd() {
    assertEquals(
        "Rain fell all day. The roads stayed open.",
        InlineTeasers.cut(
            "Rain fell all day. Also Read: Storm season starts early. The roads stayed open."));
  }

  @Test
  void teaserAtTheEndRunsToTheEnd() {
    assertEquals(
        "Boats returned at dusk.",
        InlineTeasers.cut(
            "Boats returned at dusk. Also read | Harbour Board says that the United States and the"
                + " Isle of Skye will sign a “broad and broad” deal"));
  }

  @Test
  void severalMarkers() {
    assertEquals(
        "Bakers opened early. Prices held steady. Queues were long.",
        InlineTeasers.cut(
            "Bakers opened early. READ MORE Bread shortage hits the capital Prices held steady."
                + " Related: Flour mills close for repairs Queues were long."));
  }

  @Test
  void aLineThatIsOnlyATeaserDisappears() {
    assertEquals("", InlineTeasers.cut("Also Read: Tigers spotted near Village School"));
    assertEquals("", InlineTeasers.cut("READ MORE: Ten things to know about the ferry strike"));
  }

  @Test
  void ordinaryWordsAreNotMarkers() {
    String prose =
        "Readers can read more about the plan online. The related costs rose. Also, the watch"
            + " committee met.";
    assertEquals(prose, InlineTeasers.cut(prose));
  }

  @Test
  void abbreviationsDoNotEndTheTeaser() {
    assertEquals(
        "Talks ended. Delegates left.",
        InlineTeasers.cut("Talks ended. Also read: U.S. Senate delays the vote Delegates left."));
  }

  @Test
  void titleCaseTeaserEndsBeforeTheSentenceThatFollowsIt() {
    assertEquals(
        "Wells ran dry. Officials said the pumps would be fixed.",
        InlineTeasers.cut(
            "Wells ran dry. Also read | Video: A Goat Climbs Onto The Roof Of A Bus Officials said"
                + " the pumps would be fixed."));
    assertEquals(
        "Wells ran dry. Water and power The pumps were fixed.",
        InlineTeasers.cut(
            "Wells ran dry. Also read | Ferry Crews Plan New Winter Timetable Water and power The"
                + " pumps were fixed."));
    assertEquals(
        "Wells ran dry.",
        InlineTeasers.cut("Wells ran dry. Also read | Ferry Crews Plan New Winter Timetable"));
  }

  @Test
  void aSentenceCaseHeadlineOpeningWithANameIsNotTitleCase() {
    assertEquals(
        "Wells ran dry. Crews were sent.",
        InlineTeasers.cut(
            "Wells ran dry. Also read | Port Saint Clement sees record heat Crews were sent."));
  }
}
