package org.newsmentions.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.EntityType;
import org.newsmentions.schema.Span;

/** Open-set rules on invented sentences: names the gazetteer does not list. */
class OpenSetRecognizerTest {
  static final EntityExtractor EXTRACTOR = new EntityExtractor(Gazetteer.loadDefault());

  /** The rules alone, for what only the rules promise (the tagger needs no cue word). */
  static final EntityExtractor RULES = EXTRACTOR.withRecognizer(EntityExtractor.Recognizer.RULES);

  /** Open-set mention counts ("n:" ids only) for an article. */
  static Map<String, Integer> open(String title, String body) {
    return open(EXTRACTOR, title, body);
  }

  static Map<String, Integer> open(EntityExtractor extractor, String title, String body) {
    Map<String, Integer> out = new TreeMap<>();
    for (ArticleEntity e : extractor.extract(title, body)) {
      if (e.getId().startsWith("n:")) {
        out.put(e.getId(), e.getMentions());
      }
    }
    return out;
  }

  static Map<String, Integer> open(String body) {
    return open("", body);
  }

  static Map<String, Integer> all(String body) {
    Map<String, Integer> out = new TreeMap<>();
    for (ArticleEntity e : EXTRACTOR.extract("", body)) {
      out.put(e.getId(), e.getMentions());
    }
    return out;
  }

  @Test
  void titleBeforeANameMakesAPerson() {
    assertEquals(
        Map.of("n:person:teodora-vasquel", 1),
        open("The council met on Monday. Mayor Teodora Vasquel opened the session."));
    assertEquals(
        Map.of("n:person:brannoc-heddle", 1),
        open("The plan was drafted by harbour engineer Brannoc Heddle last year."));
  }

  @Test
  void saidAndToldMakeAPersonOfTwoWordsOrMore() {
    assertEquals(
        Map.of("n:person:orwin-talsk", 1),
        open("“We are ready,” said Orwin Talsk at the ceremony."));
    assertEquals(
        Map.of("n:person:pell-ardwyn", 1),
        open("Turnout was low, Pell Ardwyn told reporters on the quay."));
  }

  @Test
  void givenNameListMakesAPerson() {
    assertEquals(
        Map.of("n:person:olga-ferrinsk", 1),
        open("The petition was started by Olga Ferrinsk and her neighbours."));
  }

  @Test
  void surnameAloneFollowsTheFullName() {
    Map<String, Integer> c =
        open(
            "Ferrinsk backs plan",
            "A petition was started by Olga Ferrinsk in March. Ferrinsk said the vote was fair,"
                + " and Ferrinsk's neighbours agreed.");
    assertEquals(Map.of("n:person:olga-ferrinsk", 4), c);
  }

  @Test
  void surnameAloneWithoutAFullNameIsNotCounted() {
    // By the rules only: the statistical tagger reads a capitalised word before "said" as a name.
    assertEquals(Map.of(), open(RULES, "", "Ferrinsk said the vote was fair."));
  }

  @Test
  void corporateSuffixesMakeOrganisations() {
    assertEquals(
        Map.of("n:organization:quorvale-logistics", 1, "n:organization:tamsen-bank", 1),
        open("The loan from Tamsen Bank lets Quorvale Logistics buy new trucks."));
    assertEquals(
        Map.of("n:organization:bank-of-lorrimar", 1),
        open("Bonds were bought by the Bank of Lorrimar this week."));
  }

  @Test
  void organisationShortFormCountsAfterTheFullName() {
    assertEquals(
        Map.of("n:organization:quorvale-logistics", 2),
        open("Quorvale Logistics opened a depot. Quorvale's drivers went on strike."));
  }

  @Test
  void descriptorNounsMakeOrganisations() {
    assertEquals(
        Map.of("n:organization:brindlecart", 1),
        open("The contract went to the builder Brindlecart after a tender."));
    assertEquals(
        Map.of("n:organization:zelvo", 1), open("The operator, Zelvo, raised fares in June."));
  }

  @Test
  void placeCuesMakeLocations() {
    assertEquals(
        Map.of("n:location:ostravel", 1), open("The bakery reopened in Ostravel after the flood."));
    assertEquals(
        Map.of("n:location:dunmarrow", 1),
        open("Water returned to the village of Dunmarrow on Friday."));
    assertEquals(
        Map.of("n:location:kessel-brook", 1),
        open("Residents of Kessel Brook, a small town near the border, cheered."));
    assertEquals(
        Map.of("n:location:varnask-oblast", 1), open("Shelling hit the Varnask Oblast at night."));
  }

  @Test
  void connectorsStayInsideNames() {
    assertEquals(
        Map.of("n:person:luisa-de-almarenta", 1),
        open("“It is an honour,” said Luisa de Almarenta on stage."));
  }

  @Test
  void sentenceInitialWordCountsOnlyIfItRecursMidSentence() {
    assertEquals(Map.of(), open("Harvests were poor. Farmers blamed the rain."));
    assertEquals(
        Map.of("n:location:dunmarrow", 2),
        open("Dunmarrow flooded again. Water reached the village of Dunmarrow by noon."));
  }

  @Test
  void nameWithoutATypeCueIsSkipped() {
    // By the rules only: finding names without a cue is what the statistical tagger adds.
    assertEquals(
        Map.of(), open(RULES, "", "The team bought ten Glimmerjet drones for the survey."));
  }

  @Test
  void landmarksEventsAndHolidaysAreIgnored() {
    assertEquals(
        Map.of(),
        open("Crowds gathered in Korvath Square for the Harvest Festival and Unity Day."));
  }

  @Test
  void titleCaseHeadlineLinesDiscoverNothing() {
    assertEquals(Map.of(), open("Leaders To Discuss Closer Ties At Upcoming Meet"));
  }

  @Test
  void titleCountsOnlyNamesFoundInTheBody() {
    assertEquals(
        Map.of("n:organization:quorvale-logistics", 2),
        open(
            "QUORVALE LOGISTICS Opens Depot In Spring",
            "The haulier Quorvale Logistics opened a depot on Tuesday."));
  }

  @Test
  void openSetNamesDoNotStealGazetteerMatches() {
    Map<String, Integer> c = all("Minister Olga Ferrinsk met Vladimir Putin in Moscow.");
    assertEquals(1, c.get("Q7747"));
    assertEquals(1, c.get("n:person:olga-ferrinsk"));
    assertFalse(c.containsKey("n:person:vladimir-putin"));
  }

  @Test
  void demonymInsideAnOrganisationNameBelongsToIt() {
    Map<String, Integer> c =
        all("The report was carried by the Estonian Maritime Agency on Monday.");
    assertEquals(Map.of("n:organization:estonian-maritime-agency", 1), c);
  }

  @Test
  void demonymNounAfterAPlaceNameBelongsToIt() {
    Map<String, Integer> c = all("Silos were rebuilt in the village of Hollow Pole this spring.");
    assertEquals(Map.of("n:location:hollow-pole", 1), c);
  }

  @Test
  void sharedSurnameAfterAnotherGivenNameIsAnotherPerson() {
    // "Saar" alone is an ambiguous surname in the gazetteer; "Kaja Saar" is someone else.
    Map<String, Integer> c = all("“We waited years,” said shop owner Kaja Saar.");
    assertEquals(Map.of("n:person:kaja-saar", 1), c);
  }

  @Test
  void ambiguousSurnameRightAfterANewPersonIsThatPerson() {
    Map<String, Integer> c =
        all(
            "Kim Jong Un visited a factory.\n\n"
                + "In Seoul, spokesman Kim Dae-ho said talks were needed. Kim said no reply came.\n\n"
                + "Kim later toured a shipyard.");
    assertEquals(2, c.get("n:person:kim-dae-ho"));
    assertEquals(2, c.get("Q56226"));
  }

  @Test
  void typesAndNamesAreReported() {
    List<ArticleEntity> es =
        EXTRACTOR.extract("", "The loan came from Tamsen Bank, said Olga Ferrinsk.");
    List<String> got = new ArrayList<>();
    for (ArticleEntity e : es) {
      got.add(e.getName() + "/" + e.getType());
    }
    assertEquals(List.of("Tamsen Bank/ORGANIZATION", "Olga Ferrinsk/PERSON"), got);
    assertTrue(es.stream().allMatch(e -> e.getType() != EntityType.LOCATION));
  }

  @Test
  void spansCoverTheNameWithoutPossessive() {
    String body = "Quorvale Logistics grew. Quorvale's drivers struck.";
    String text = "\n\n" + body;
    List<String> covered = new ArrayList<>();
    for (ArticleEntity e : EXTRACTOR.extract("", body)) {
      for (Span s : e.getSpans()) {
        covered.add(text.substring(s.getStart(), s.getEnd()));
      }
    }
    assertEquals(List.of("Quorvale Logistics", "Quorvale"), covered);
  }

  @Test
  void openSetCanBeTurnedOff() {
    EntityExtractor gazetteerOnly = new EntityExtractor(Gazetteer.loadDefault()).withOpenSet(false);
    assertTrue(gazetteerOnly.extract("", "Mayor Teodora Vasquel spoke.").isEmpty());
  }
}
