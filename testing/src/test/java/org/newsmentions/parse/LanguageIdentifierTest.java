package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

  private static final String ENGLISH =
      "The town council voted on Tuesday to rebuild the old wooden bridge over the river, after"
          + " residents complained for years that the crossing was unsafe in winter.";
  private static final String GERMAN =
      "Der Gemeinderat hat am Dienstag beschlossen, die alte Holzbrücke über den Fluss neu zu"
          + " bauen, nachdem sich die Anwohner jahrelang über den Zustand beschwert hatten.";
  private static final String FRENCH =
      "Le conseil municipal a décidé mardi de reconstruire le vieux pont en bois sur la rivière,"
          + " après des années de plaintes des habitants sur son état en hiver.";
  private static final String SPANISH =
      "El ayuntamiento decidió el martes reconstruir el viejo puente de madera sobre el río,"
          + " después de años de quejas de los vecinos sobre su estado en invierno.";
  private static final String RUSSIAN =
      "Городской совет во вторник решил восстановить старый деревянный мост через реку после"
          + " многолетних жалоб жителей на его состояние зимой.";

  @Test
  void modelIsOnTheClasspath() {
    assertTrue(LanguageIdentifier.modelAvailable());
  }

  @Test
  void detectsLanguagesAsIso6391() {
    assertEquals("en", LanguageIdentifier.detect(ENGLISH));
    assertEquals("de", LanguageIdentifier.detect(GERMAN));
    assertEquals("fr", LanguageIdentifier.detect(FRENCH));
    assertEquals("es", LanguageIdentifier.detect(SPANISH));
    assertEquals("ru", LanguageIdentifier.detect(RUSSIAN));
  }

  @Test
  void tooLittleTextIsUnknown() {
    assertNull(LanguageIdentifier.detect(null));
    assertNull(LanguageIdentifier.detect(""));
    assertNull(LanguageIdentifier.detect("Bridge vote 2025"));
  }

  @Test
  void onlyTheStartOfALongTextIsRead() {
    String text = ENGLISH.repeat(20) + " " + GERMAN.repeat(40);
    assertEquals("en", LanguageIdentifier.detect(text));
  }

  @Test
  void mapsIso6393Codes() {
    assertEquals("en", LanguageIdentifier.iso1("eng"));
    assertEquals("de", LanguageIdentifier.iso1("deu"));
    assertEquals("zh", LanguageIdentifier.iso1("cmn"));
    assertEquals("et", LanguageIdentifier.iso1("ekk"));
    assertEquals("fa", LanguageIdentifier.iso1("pes"));
    assertEquals("ceb", LanguageIdentifier.iso1("ceb")); // no two-letter code: kept as it is
  }

  @Test
  void isFastEnoughForTheParser() {
    String text = (ENGLISH + " ").repeat(10);
    LanguageIdentifier.detect(text); // loads the model
    int n = 2000;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      LanguageIdentifier.detect(text);
    }
    double perSecond = n / ((System.nanoTime() - start) / 1e9);
    System.out.printf(Locale.ROOT, "language detection: %.0f texts/s on one thread%n", perSecond);
    assertTrue(perSecond > 200, "only " + perSecond + " texts/s");
  }

  @Test
  void featuresEqualOpenNlpsOwnContextAndGiveItsAnswer() {
    LanguageDetectorModel model = LanguageIdentifier.model();
    LanguageDetectorME reference = new LanguageDetectorME(model);
    String odd =
        "Caf\u00e9 DE LA Pa\u00efx!!! costs 12,50 \u20ac \u2014 see https://cafe.example/menu or"
            + " write @cafe #coffee \ud83d\ude00 aaaaaa ok\u00df\u00c6\u0416";
    for (String text : new String[] {ENGLISH, GERMAN, FRENCH, SPANISH, RUSSIAN, odd, "a", ""}) {
      Set<String> expected = new HashSet<>();
      for (CharSequence f : model.getFactory().getContextGenerator().getContext(text)) {
        expected.add(f.toString());
      }
      Set<String> actual = new HashSet<>(Arrays.asList(LanguageIdentifier.features(text)));
      assertEquals(expected, actual, text);
      assertEquals(actual.size(), LanguageIdentifier.features(text).length, "no duplicates");
    }
    for (String text : new String[] {ENGLISH, GERMAN, FRENCH, SPANISH, RUSSIAN}) {
      assertEquals(
          LanguageIdentifier.iso1(reference.predictLanguage(text).getLang()),
          LanguageIdentifier.detect(text));
    }
  }

  @Test
  void scorerGivesTheModelsProbabilitiesBitForBit() {
    java.util.List<String> texts =
        new java.util.ArrayList<>(
            java.util.List.of(ENGLISH, GERMAN, FRENCH, SPANISH, RUSSIAN, "", "x", "日本語のテキスト"));
    for (org.newsmentions.bench.CorpusGenerator.Record r :
        org.newsmentions.bench.CorpusGenerator.sample(9, 200)) {
      String t = new String(r.bytes(), java.nio.charset.StandardCharsets.UTF_8);
      texts.add(t.substring(0, Math.min(t.length(), LanguageIdentifier.SAMPLE_CHARS)));
    }
    for (String t : texts) {
      double[] viaModel = LanguageIdentifier.probabilities(t, false);
      double[] viaScorer = LanguageIdentifier.probabilities(t, true);
      assertEquals(viaModel.length, viaScorer.length);
      for (int i = 0; i < viaModel.length; i++) {
        assertEquals(
            Double.doubleToRawLongBits(viaModel[i]), Double.doubleToRawLongBits(viaScorer[i]), t);
      }
    }
  }
}
