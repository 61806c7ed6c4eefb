package org.newsmentions.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.EntityType;
import org.newsmentions.schema.Span;

/** Rules of docs MENTIONS.md on sentences written for these tests. */
class EntityExtractorTest {
  static final EntityExtractor EXTRACTOR = new EntityExtractor(Gazetteer.loadDefault());

  static final String PUTIN = "Q7747";
  static final String XI = "Q15031";
  static final String RUSSIA = "Q159";
  static final String CHINA = "Q148";
  static final String US = "Q30";
  static final String JAPAN = "Q17";
  static final String GERMANY = "Q183";
  static final String EU = "Q458";
  static final String WASHINGTON_DC = "Q61";
  static final String WASHINGTON_STATE = "Q1223";
  static final String KIM_JONG_UN = "Q56226";
  static final String KIM_YO_JONG = "x:person:kim-yo-jong";

  /** Mention counts by entity id for a body with an empty title. */
  static Map<String, Integer> counts(String body) {
    Map<String, Integer> out = new TreeMap<>();
    for (ArticleEntity e : EXTRACTOR.extract("", body)) {
      out.put(e.getId().toString(), e.getMentions());
    }
    return out;
  }

  /** The covered text of each span of one entity, for a body with an empty title. */
  static List<String> spans(String body, String id) {
    String text = "\n\n" + body;
    List<String> out = new ArrayList<>();
    for (ArticleEntity e : EXTRACTOR.extract("", body)) {
      if (e.getId().toString().equals(id)) {
        for (Span s : e.getSpans()) {
          out.add(text.substring(s.getStart(), s.getEnd()));
        }
      }
    }
    return out;
  }

  @Nested
  class PeopleAndTitles {
    @Test
    void titledFullNameIsOnePersonMentionAndOneCountryMention() {
      String body = "Russian President Vladimir Putin opened the forum.";
      assertEquals(Map.of(PUTIN, 1, RUSSIA, 1), counts(body));
      assertEquals(List.of("Vladimir Putin"), spans(body, PUTIN));
      assertEquals(List.of("Russian"), spans(body, RUSSIA));
    }

    @Test
    void honorificsAndSurnamesAlone() {
      String body = "Mr. Putin spoke first. Later President Xi answered, and Putin nodded.";
      assertEquals(Map.of(PUTIN, 2, XI, 1), counts(body));
    }

    @Test
    void bareTitleCountsOnlyTheDemonym() {
      assertEquals(Map.of(RUSSIA, 1), counts("The Russian president declined to comment."));
      assertEquals(Map.of(CHINA, 1), counts("The Chinese leader left early."));
    }

    @Test
    void surnamesThatIdentifyOnePersonCountAlone() {
      Map<String, Integer> c =
          counts("Fico flew in on Tuesday. Lavrov and Ushakov met him, and Trump called later.");
      assertEquals(1, c.get("x:person:robert-fico"));
      assertEquals(1, c.get("x:person:sergei-lavrov"));
      assertEquals(1, c.get("x:person:yuri-ushakov"));
      assertEquals(1, c.get("Q22686"));
    }

    @Test
    void spellingVariantsResolveToOnePerson() {
      Map<String, Integer> c =
          counts("Zelensky, Zelenskiy and Zelenskyy are one man; Poutine is Putin in French.");
      assertEquals(3, c.get("Q3874799"));
      assertEquals(2, c.get(PUTIN));
    }

    @Test
    void droppedLetterInGivenNameStaysInTheSpan() {
      String body = "A new pact was signed with Nicols Maduro in the capital.";
      assertEquals(List.of("Nicols Maduro"), spans(body, "x:person:nicolas-maduro"));
      assertEquals(List.of("Maduro"), spans("Talks with Maduro ended.", "x:person:nicolas-maduro"));
    }

    @Test
    void middleInitialJoinsTheFullName() {
      assertEquals(List.of("Donald J. Trump"), spans("Donald J. Trump said so.", "Q22686"));
    }

    @Test
    void juniorIsNotHisFather() {
      assertEquals(Map.of("x:person:donald-trump-jr", 1), counts("Trump Jr. posted a video."));
    }

    @Test
    void namesThatContainXiAreNotXi() {
      assertEquals(Map.of("x:city:xian", 1), counts("Tourists flocked to Xi'an."));
      assertEquals(Map.of("x:person:li-xi", 1), counts("Li Xi chaired the meeting."));
      assertEquals(
          Map.of("x:person:george-washington", 1), counts("A statue of George Washington stood."));
    }

    @Test
    void namesStartingWithALowercaseParticle() {
      assertEquals(
          Map.of("x:person:ursula-von-der-leyen", 2),
          counts("Ursula von der Leyen spoke; later von der Leyen left."));
      assertEquals(Map.of("x:org:al-qaeda", 1), counts("A cell linked to al-Qaeda was found."));
      assertEquals(Map.of(), counts("the von and the al of nothing"));
    }

    @Test
    void longerFamilyNameWinsOverTheBareSurname() {
      Map<String, Integer> c = counts("Ivanka Trump posted a photo; Trump did not.");
      assertEquals(1, c.get("x:person:ivanka-trump"));
      assertEquals(1, c.get("Q22686"));
    }
  }

  @Nested
  class AmbiguousSurnames {
    @Test
    void bareKimFollowsTheOnlyKimNamedInFull() {
      Map<String, Integer> c = counts("Kim Jong Un inspected a plant. Kim later left by train.");
      assertEquals(Map.of(KIM_JONG_UN, 2), c);
      c = counts("Kim Yo Jong issued a statement. Kim called the drills a provocation.");
      assertEquals(Map.of(KIM_YO_JONG, 2), c);
    }

    @Test
    void bareKimWithoutAFullNameIsNotCounted() {
      assertEquals(Map.of(), counts("Kim said nothing about the launch."));
    }

    @Test
    void bareKimWithTwoKimsNamedIsNotCounted() {
      Map<String, Integer> c =
          counts("Kim Jong Un and his sister Kim Yo Jong attended. Kim waved to the crowd.");
      assertEquals(Map.of(KIM_JONG_UN, 1, KIM_YO_JONG, 1), c);
    }

    @Test
    void ambiguousPlaceNameNeedsContext() {
      assertEquals(Map.of(), counts("Rebels advanced in Congo."));
      Map<String, Integer> c = counts("Fighting in the DRC spread. Congo asked for help.");
      assertEquals(Map.of("Q974", 2), c);
    }
  }

  @Nested
  class Countries {
    @Test
    void namesDemonymsAndPossessives() {
      Map<String, Integer> c =
          counts("Russia's envoy met Russians and Ukrainians' leaders; Ukraine’s army held.");
      assertEquals(2, c.get(RUSSIA));
      assertEquals(2, c.get("Q212"));
    }

    @Test
    void shortFormsOfTheUnitedStates() {
      Map<String, Integer> c =
          counts("The United States, the U.S. and the US: America and Americans alike.");
      assertEquals(Map.of(US, 5), c);
    }

    @Test
    void hyphenatedCompoundsCountEachCountry() {
      assertEquals(Map.of(RUSSIA, 1, CHINA, 1), counts("Russian-Chinese relations improved."));
      assertEquals(Map.of(RUSSIA, 1, CHINA, 1), counts("China-Russia relations improved."));
      assertEquals(Map.of(US, 1, JAPAN, 1), counts("U.S.-Japan talks stalled."));
      assertEquals(Map.of(RUSSIA, 1, CHINA, 1), counts("Sino-Russian trade grew."));
    }

    @Test
    void apostropheInsideANameIsKept() {
      assertEquals(Map.of("Q1008", 2), counts("Côte d'Ivoire and Cote d’Ivoire are one country."));
    }

    @Test
    void otherNationalityAdjectivesCount() {
      assertEquals(Map.of("Q39", 1), counts("The Swiss ambassador arrived."));
    }

    @Test
    void kashmirAndItsAdministeringCountry() {
      assertEquals(
          Map.of("Q668", 1, "x:region:kashmir", 1),
          counts("Troops in Indian-administered Kashmir"));
    }

    @Test
    void historicalStatesAreTheirOwnEntities() {
      assertEquals(Map.of("Q7318", 1), counts("The defeat of Nazi Germany was marked."));
      assertEquals(Map.of("Q15180", 2), counts("The Soviet Union fell; Soviet veterans marched."));
    }
  }

  @Nested
  class CaseAndAcronyms {
    @Test
    void allCapsHeadlinesMatch() {
      Map<String, Integer> c = counts("XI AND PUTIN SIGN PACT IN MOSCOW");
      assertEquals(Map.of(XI, 1, PUTIN, 1, "Q649", 1), c);
      assertEquals(Map.of(PUTIN, 1, CHINA, 1), counts("PUTIN'S VISIT TO CHINA"));
      assertEquals(Map.of(PUTIN, 1, XI, 1, "Q649", 1), counts("Putin And Xi Meet In Moscow"));
    }

    @Test
    void lowercaseWordsNeverMatch() {
      assertEquals(Map.of(), counts("they said putin and china were words on a menu in turkey"));
    }

    @Test
    void acronymAliasesNeedCapitals() {
      assertEquals(Map.of(), counts("Let us go. Us and them. Who knows? Un jour."));
      assertEquals(Map.of(US, 1, EU, 1), counts("The US and the EU disagreed."));
      assertEquals(Map.of("Q7817", 1), counts("The WHO warned of a new strain."));
    }

    @Test
    void acronymsThatAreWordsInsideCapitalisedRunsAreWords() {
      assertEquals(Map.of(), counts("CONTACT US\nABOUT US\nWHO WE ARE"));
      assertEquals(Map.of(US, 1, CHINA, 1), counts("US-CHINA TALKS RESUME"));
      assertEquals(Map.of(US, 1), counts("U.S. SANCTIONS"));
      assertEquals(Map.of(US, 1), counts("New US sanctions"));
    }

    @Test
    void spelledOutAcronymFormsAreAliases() {
      assertEquals(Map.of("Q7184", 2), counts("Nato and NATO are the same alliance."));
    }

    @Test
    void accentsAreIgnored() {
      Map<String, Integer> c = counts("Vučić met Vucic's critics; Erdoğan and Erdogan too.");
      assertEquals(2, c.get("x:person:aleksandar-vucic"));
      assertEquals(2, c.get("Q39259"));
    }
  }

  @Nested
  class BrokenPossessives {
    @Test
    void scrapedPossessivesOfKnownNamesResolveToTheName() {
      Map<String, Integer> c =
          counts("The timing of Xis trip and XIS's speech; Washingtons's stance; Serbias leader.");
      assertEquals(2, c.get(XI));
      assertEquals(1, c.get(WASHINGTON_DC));
      assertEquals(1, c.get("Q403"));
    }

    @Test
    void shortPlaceNamesAreNotStemmed() {
      // Not a broken "Rio's": no gazetteer entity; the open-set rules read a coach's name.
      assertEquals(Map.of("n:person:rios", 1), counts("Coach Rios praised the team."));
    }

    @Test
    void frenchIeEndingIsReadAsIa() {
      assertEquals(Map.of("Q214", 1), counts("The prime minister of Slovakies spoke."));
    }

    @Test
    void realPluralsAreTheirOwnNames() {
      assertEquals(Map.of("Q828", 1), counts("Trade across the Americas grew."));
      assertEquals(Map.of(), counts("Spices from the East Indies."));
    }
  }

  @Nested
  class LongestMatch {
    @Test
    void longerProperNamesCountOnlyAsThemselves() {
      assertEquals(
          Map.of("x:org:cnpc", 1), counts("China National Petroleum Corporation signed a deal."));
      assertEquals(Map.of("Q8880", 1), counts("The European Commission proposed a rule."));
      assertEquals(Map.of("Q423", 1), counts("North Korean troops were absent."));
      assertEquals(
          Map.of("x:region:south-china-sea", 1), counts("Patrols in the South China Sea rose."));
      assertEquals(Map.of("Q60", 1), counts("She moved to New York last year."));
      assertFalse(counts("Nazi Germany surrendered.").containsKey(GERMANY));
    }

    @Test
    void lowercaseDescriptorAfterANameDoesNotMakeANewEntity() {
      assertEquals(
          Map.of("x:org:sco", 1), counts("Members discussed the SCO development bank plan."));
    }

    @Test
    void opecPlusIsNotOpec() {
      assertEquals(Map.of("x:org:opec-plus", 1), counts("OPEC+ agreed to cut output."));
      assertEquals(Map.of("Q7795", 1), counts("OPEC agreed to cut output."));
    }
  }

  @Nested
  class PlacesAndOrganisations {
    @Test
    void washingtonIsTheCapitalUnlessTheStateIsSaid() {
      assertEquals(Map.of(WASHINGTON_DC, 1), counts("Officials in Washington said no."));
      assertEquals(Map.of(WASHINGTON_DC, 1), counts("She lives in Washington, D.C. now."));
      assertEquals(Map.of(WASHINGTON_STATE, 1), counts("Fires spread in Washington state."));
      assertEquals(Map.of(WASHINGTON_STATE, 1), counts("Fires spread in Washington State."));
      assertEquals(
          Map.of(WASHINGTON_DC, 1), counts("He flew to Washington. State officials were upset."));
    }

    @Test
    void theKremlinIsAnOrganisationWhereverItIsNamed() {
      List<ArticleEntity> found = EXTRACTOR.extract("", "Flowers lay by the Kremlin wall.");
      assertEquals(1, found.size());
      assertEquals("x:kremlin", found.get(0).getId().toString());
      assertEquals(EntityType.ORGANIZATION, found.get(0).getType());
    }

    @Test
    void cityDoesNotAlsoCountAsItsCountry() {
      assertEquals(Map.of("Q649", 1), counts("Talks in Moscow ran late."));
    }

    @Test
    void saintWithADot() {
      assertEquals(List.of("St. Petersburg"), spans("A forum in St. Petersburg.", "Q656"));
    }

    @Test
    void eventsLandmarksAndTheWestAreNotEntities() {
      String body =
          "On Victory Day troops crossed Red Square. World War II ended long ago. The Belt and"
              + " Road Forum met in the Great Hall of the People. The West and Western media,"
              + " and Anti-Western slogans.";
      assertEquals(Map.of(), counts(body));
    }
  }

  @Nested
  class Output {
    @Test
    void offsetsPointIntoTitlePlusBlankLinePlusBody() {
      String title = "Putin in Beijing";
      String body = "Xi met Putin.";
      String text = title + "\n\n" + body;
      for (ArticleEntity e : EXTRACTOR.extract(title, body)) {
        assertEquals(e.getSpans().size(), e.getMentions());
        for (Span s : e.getSpans()) {
          String covered = text.substring(s.getStart(), s.getEnd());
          switch (e.getId().toString()) {
            case PUTIN:
              assertEquals("Putin", covered);
              break;
            case XI:
              assertEquals("Xi", covered);
              break;
            default:
              assertEquals("Beijing", covered);
          }
        }
      }
      Map<String, Integer> c = new TreeMap<>();
      EXTRACTOR.extract(title, body).forEach(e -> c.put(e.getId().toString(), e.getMentions()));
      assertEquals(Map.of(PUTIN, 2, XI, 1, "Q956", 1), c);
    }

    @Test
    void sortedByIdWithSpansInTextOrder() {
      List<ArticleEntity> found =
          EXTRACTOR.extract("", "Ukraine, Russia, China, Moscow, Putin, Xi and Ukraine again.");
      List<String> ids = new ArrayList<>();
      for (ArticleEntity e : found) {
        ids.add(e.getId().toString());
        for (int i = 1; i < e.getSpans().size(); i++) {
          assertTrue(e.getSpans().get(i - 1).getStart() < e.getSpans().get(i).getStart());
        }
      }
      List<String> sorted = new ArrayList<>(ids);
      sorted.sort(null);
      assertEquals(sorted, ids);
    }

    @Test
    void emptyAndNullTextGiveNoEntities() {
      assertTrue(EXTRACTOR.extract("", "").isEmpty());
      assertTrue(EXTRACTOR.extract(null, null).isEmpty());
    }

    @Test
    void survivesJavaSerialisation() throws Exception {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(EXTRACTOR);
      }
      EntityExtractor copy;
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy = (EntityExtractor) in.readObject();
      }
      String body = "Putin met Xi in Moscow.";
      assertEquals(EXTRACTOR.extract("T", body), copy.extract("T", body));
    }

    @Test
    void oneInstanceIsSafeToShareAcrossThreads() throws Exception {
      String body = "Russian President Vladimir Putin met Xi Jinping in Moscow and Beijing.";
      List<ArticleEntity> expected = EXTRACTOR.extract("", body);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<ArticleEntity>>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          results.add(pool.submit(() -> EXTRACTOR.extract("", body)));
        }
        for (Future<List<ArticleEntity>> r : results) {
          assertEquals(expected, r.get());
        }
      } finally {
        pool.shutdown();
      }
    }
  }
}
