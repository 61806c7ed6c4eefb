package org.newsmentions.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.newsmentions.entities.ner.NerSpan;
import org.newsmentions.entities.ner.NerType;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.Span;

/**
 * How names a recogniser found are linked to the gazetteer and counted, by the rules of
 * MENTIONS.md. The names are given here, not tagged, so each case tests the linking alone.
 */
class NerLinkingTest {
  static final EntityExtractor EXTRACTOR = new EntityExtractor(Gazetteer.loadDefault());

  /** A name over the words {@code words} where they first occur at or after {@code from}. */
  static NerSpan name(String text, String words, NerType type) {
    return name(text, words, type, 0);
  }

  static NerSpan name(String text, String words, NerType type, int from) {
    int at = text.indexOf(words, from);
    assertTrue(at >= 0, words);
    int first = -1;
    int last = -1;
    int[][] tokens = EntityExtractor.tokenRanges(text);
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i][0] >= at && tokens[i][1] <= at + words.length()) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    return new NerSpan(first, last, type);
  }

  static List<ArticleEntity> link(String text, NerSpan... names) {
    return EXTRACTOR.extractWithNames(text, List.of(names));
  }

  static Map<String, Integer> counts(List<ArticleEntity> entities) {
    Map<String, Integer> out = new TreeMap<>();
    for (ArticleEntity e : entities) {
      out.put(e.getId(), e.getMentions());
    }
    return out;
  }

  static List<String> spans(String text, List<ArticleEntity> entities, String id) {
    List<String> out = new ArrayList<>();
    for (ArticleEntity e : entities) {
      if (e.getId().equals(id)) {
        for (Span s : e.getSpans()) {
          out.add(text.substring(s.getStart(), s.getEnd()));
        }
      }
    }
    return out;
  }

  /**
   * A function word the tagger takes for a name, cut off a name by punctuation or alone at a
   * sentence's start (spans the bundled model gave on a dateline), is not an entity; were it one,
   * it would count at every sentence it starts.
   */
  @Test
  void aFunctionWordTaggedAsANameIsNotAnEntity() {
    String text =
        "\n\nKASHMIR, May 4 (Meridian News Agency) - The agency said it would wait."
            + " The last agreement was old.";
    List<ArticleEntity> e =
        link(
            text,
            name(text, "Meridian News Agency) - The", NerType.ORG),
            name(text, "The", NerType.PER, text.indexOf("The last")));
    assertEquals(
        List.of("Meridian News Agency", "Kashmir"), e.stream().map(x -> x.getName()).toList());
  }

  @Test
  void variantsTheTaggerFindsResolveThroughTheAliases() {
    String text = "\n\nMr. XI met Poutine, and Zelenskiy stayed home.";
    List<ArticleEntity> e =
        link(
            text,
            name(text, "XI", NerType.PER),
            name(text, "Poutine", NerType.PER),
            name(text, "Zelenskiy", NerType.PER));
    assertEquals(Map.of("Q15031", 1, "Q7747", 1, "Q3874799", 1), counts(e));
    assertEquals(List.of("XI"), spans(text, e, "Q15031"));
  }

  @Test
  void unknownNamesGetStableIdsThatKeepTheirType() {
    String person = "\n\nKavrin said on Monday that talks would go on.";
    String place = "\n\nThe delegates flew to Kavrin on Monday.";
    Map<String, Integer> a = counts(link(person, name(person, "Kavrin", NerType.PER)));
    Map<String, Integer> b = counts(link(place, name(place, "Kavrin", NerType.LOC)));
    assertEquals(Map.of("n:person:kavrin", 1), a);
    assertEquals(Map.of("n:location:kavrin", 1), b);

    // In one article: each occurrence the tagger typed keeps its type.
    String both = "\n\nKavrin said the port of Kavrin was closed.";
    Map<String, Integer> c =
        counts(
            link(
                both,
                name(both, "Kavrin", NerType.PER),
                name(both, "Kavrin", NerType.LOC, both.indexOf("of Kavrin"))));
    assertEquals(Map.of("n:person:kavrin", 1, "n:location:kavrin", 1), c);
  }

  @Test
  void aNamedPersonCountsWhereverTheArticleRepeatsIt() {
    String text = "KAVRIN WINS VOTE\n\nOlga Kavrin won the vote. Kavrin thanked her voters.";
    Map<String, Integer> c = counts(link(text, name(text, "Olga Kavrin", NerType.PER)));
    assertEquals(Map.of("n:person:olga-kavrin", 3), c);
  }

  @Test
  void aLongerNameCountsOnlyAsItself() {
    String text = "\n\nShares fell on the London Stock Exchange on Monday.";
    Map<String, Integer> c = counts(link(text, name(text, "London Stock Exchange", NerType.ORG)));
    assertEquals(Map.of("n:organization:london-stock-exchange", 1), c);
    // Without the name, London is counted.
    assertEquals(1, counts(link(text)).get("Q84"));
  }

  @Test
  void aLongerGazetteerNameWinsOverANamePartInsideIt() {
    String text = "\n\nShips crossed the South China Sea.";
    Map<String, Integer> c = counts(link(text, name(text, "China", NerType.LOC)));
    assertFalse(c.containsKey("Q148"), c.toString());
    assertFalse(c.keySet().stream().anyMatch(k -> k.startsWith("n:")), c.toString());
  }

  @Test
  void aClubNamedAfterACityIsTheClub() {
    String text = "\n\nManchester beat the visitors 2-1 on Saturday.";
    assertEquals(
        Map.of("n:organization:manchester", 1),
        counts(link(text, name(text, "Manchester", NerType.ORG))));
    assertEquals(
        Map.of("x:city:manchester", 1), counts(link(text, name(text, "Manchester", NerType.LOC))));
  }

  @Test
  void titlesStayOutsideThePersonsSpan() {
    String text = "\n\nPrime Minister Ilvar Tamm said the vote would go ahead.";
    List<ArticleEntity> e = link(text, name(text, "Minister Ilvar Tamm", NerType.PER));
    assertEquals(Map.of("n:person:ilvar-tamm", 1), counts(e));
    assertEquals(List.of("Ilvar Tamm"), spans(text, e, "n:person:ilvar-tamm"));
  }

  @Test
  void demonymsCountForTheirCountry() {
    String text = "\n\nRussian President Vladimir Putin spoke.";
    Map<String, Integer> c =
        counts(
            link(
                text,
                name(text, "Russian", NerType.MISC),
                name(text, "Vladimir Putin", NerType.PER)));
    assertEquals(Map.of("Q159", 1, "Q7747", 1), c);
  }

  @Test
  void aHeadlineInCapitalsIsNotOneLongName() {
    String text = "PUTIN AND XI MEET IN MOSCOW\n\n";
    Map<String, Integer> c =
        counts(link(text, name(text, "PUTIN AND XI MEET IN MOSCOW", NerType.ORG)));
    assertEquals(Map.of("Q7747", 1, "Q15031", 1, "Q649", 1), c);
  }

  @Test
  void weakGuessesAreFilteredByTheRulesWordLists() {
    String modifier = "\n\nThe ministers met at what are known as Gymnich meetings in spring.";
    assertEquals(Map.of(), counts(link(modifier, name(modifier, "Gymnich", NerType.PER))));
    String start = "\n\nMobile internet was cut in the centre.";
    assertEquals(Map.of(), counts(link(start, name(start, "Mobile", NerType.ORG))));
    String landmark = "\n\nWreaths were laid at the Tomb of the Unknown Soldier.";
    assertEquals(Map.of(), counts(link(landmark, name(landmark, "Unknown Soldier", NerType.ORG))));
    String headline = "Putin and Xi to Strengthen Ties in Upcoming Meet\n\n";
    assertEquals(
        Map.of("Q7747", 1, "Q15031", 1),
        counts(link(headline, name(headline, "Upcoming Meet", NerType.LOC))));
    // With evidence the same kinds of guess stand: a verb after a sentence-initial name.
    String subject = "\n\nPolice detained him on Friday.\nKovarik was arrested in Hangzhou.";
    assertEquals(
        Map.of("n:person:kovarik", 1, "x:city:hangzhou", 1),
        counts(
            link(
                subject,
                name(subject, "Kovarik", NerType.PER),
                name(subject, "Hangzhou", NerType.LOC))));
  }

  @Test
  void theDefaultExtractorUsesTheTagger() {
    assertEquals(EntityExtractor.Recognizer.NER, EXTRACTOR.recognizer());
    Map<String, Integer> c =
        counts(
            EXTRACTOR.extract(
                "", "Madeleine Albright met officials in Lyon on Tuesday, Albright said."));
    assertEquals(Map.of("n:person:madeleine-albright", 2, "x:city:lyon", 1), c);
    Map<String, Integer> rules =
        counts(
            EXTRACTOR
                .withRecognizer(EntityExtractor.Recognizer.RULES)
                .extract(
                    "", "Madeleine Albright met officials in Lyon on Tuesday, Albright said."));
    assertFalse(rules.containsKey("n:person:madeleine-albright"), rules.toString());
  }
}
