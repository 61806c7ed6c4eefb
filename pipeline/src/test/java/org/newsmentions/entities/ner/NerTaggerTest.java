package org.newsmentions.entities.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.Gazetteer;

/** The tagger: its features, Viterbi decoding, training, model files and the bundled model. */
class NerTaggerTest {

  /** Tokens split at spaces (enough for these tests), no gazetteer codes. */
  static NerInput input(String text) {
    return input(text, null);
  }

  static NerInput input(String text, byte[] gazetteer) {
    List<int[]> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == ' ' || text.charAt(i) == '\n') {
        i++;
        continue;
      }
      int j = i;
      while (j < text.length() && text.charAt(j) != ' ' && text.charAt(j) != '\n') {
        j++;
      }
      tokens.add(new int[] {i, j});
      i = j;
    }
    int[] start = new int[tokens.size()];
    int[] end = new int[tokens.size()];
    for (int k = 0; k < tokens.size(); k++) {
      start[k] = tokens.get(k)[0];
      end[k] = tokens.get(k)[1];
    }
    return new NerInput(text, tokens.size(), start, end, gazetteer);
  }

  private static long feature(NerInput in, int token, int template) {
    return NerFeatures.extract(in)[token * NerFeatures.COUNT + template];
  }

  @Test
  void featuresSeeCaseShapeContextAndTheGazetteer() {
    NerInput mixed = input("the envoy Kavrin said");
    NerInput caps = input("the envoy KAVRIN said");
    assertEquals(4 * NerFeatures.COUNT, NerFeatures.extract(mixed).length);
    assertNotEquals(feature(mixed, 2, 1), feature(caps, 2, 1), "the word as written");
    assertEquals(feature(mixed, 2, 2), feature(caps, 2, 2), "the word in lower case");
    assertNotEquals(feature(mixed, 2, 3), feature(caps, 2, 3), "its shape, Xx against X");
    assertEquals(feature(mixed, 2, 9), feature(caps, 2, 9), "a suffix, in lower case");

    NerInput other = input("a town Kavrin said");
    assertEquals(feature(mixed, 2, 2), feature(other, 2, 2));
    assertNotEquals(feature(mixed, 2, 12), feature(other, 2, 12), "the previous word");
    assertEquals(feature(mixed, 2, 13), feature(other, 2, 13), "the next word");

    NerInput known = input("the envoy Kavrin said", new byte[] {0, 0, 3, 0});
    assertNotEquals(feature(mixed, 2, 23), feature(known, 2, 23), "the gazetteer's match");
    assertNotEquals(feature(mixed, 3, 24), feature(known, 3, 24), "the match before");

    NerInput headline = input("ENVOY KAVRIN SAID\nthe envoy Kavrin said");
    assertNotEquals(
        feature(headline, 1, 26), feature(headline, 5, 26), "a line in capitals is a headline");
    // The headline's KAVRIN borrows the context of the body's first capitalised Kavrin.
    assertEquals(feature(headline, 1, 31), feature(headline, 5, 31));
  }

  @Test
  void neighboursStopAtLineBreaks() {
    NerInput broken = input("said\nKavrin");
    NerInput joined = input("said Kavrin");
    assertNotEquals(feature(broken, 1, 12), feature(joined, 1, 12));
  }

  @Test
  void viterbiKeepsBioValid() {
    int l = NerType.LABELS;
    float[] emit = new float[3 * l];
    int bPer = NerType.begin(NerType.PER);
    int iPer = NerType.inside(NerType.PER);
    int bLoc = NerType.begin(NerType.LOC);
    int iLoc = NerType.inside(NerType.LOC);
    emit[iPer] = 10; // an I- cannot start a line
    emit[bPer] = 5;
    emit[l + iPer] = 10;
    emit[2 * l + iLoc] = 10; // nor follow a name of another type
    emit[2 * l + bLoc] = 2;
    int[] out = new int[3];
    NerTagger.viterbi(emit, 0, 3, new float[l * l], new float[l], out);
    assertArrayEquals(new int[] {bPer, iPer, bLoc}, out);

    int[] labels = {bPer, iPer, bLoc, iLoc, 0, NerType.inside(NerType.ORG)};
    assertEquals(
        List.of(
            new NerSpan(0, 1, NerType.PER),
            new NerSpan(2, 3, NerType.LOC),
            new NerSpan(5, 5, NerType.ORG)),
        NerTagger.spans(labels));
  }

  @Test
  void transitionsWeighTheChoice() {
    int l = NerType.LABELS;
    float[] emit = new float[2 * l];
    int bPer = NerType.begin(NerType.PER);
    int iPer = NerType.inside(NerType.PER);
    emit[bPer] = 5;
    emit[l] = 1; // token 1 slightly prefers O...
    float[] trans = new float[l * l];
    trans[bPer * l + iPer] = 3; // ...but a person's name usually goes on
    int[] out = new int[2];
    NerTagger.viterbi(emit, 0, 2, trans, new float[l], out);
    assertArrayEquals(new int[] {bPer, iPer}, out);
    NerTagger.viterbi(emit, 0, 2, new float[l * l], new float[l], out);
    assertArrayEquals(new int[] {bPer, 0}, out);
  }

  private static final String[] GIVEN = {"Alvo", "Ilse", "Tomas", "Reda", "Marit", "Oskar"};
  private static final String[] FAMILY = {"Remsky", "Brandt", "Kovar", "Dinesco", "Halm", "Ulle"};
  private static final String[] PLACES = {"Dorvania", "Ketterby", "Molusk", "Prav", "Sennar"};

  /** A small trainer on invented sentences: "X Y said in Z." with X Y a person, Z a place. */
  private static NerTrainer trainer(long seed) {
    NerTrainer t = new NerTrainer(1, seed);
    for (int g = 0; g < GIVEN.length; g++) {
      for (int f = 0; f < FAMILY.length; f++) {
        if (g == 1 && f == 1) {
          continue; // held out: "Ilse Brandt"
        }
        String place = PLACES[(g + f) % PLACES.length];
        String text = GIVEN[g] + " " + FAMILY[f] + " said in " + place + " on Monday .";
        t.add(input(text), List.of(new NerSpan(0, 1, NerType.PER), new NerSpan(4, 4, NerType.LOC)));
        t.add(input("the talks in " + place + " ended ."), List.of(new NerSpan(3, 3, NerType.LOC)));
      }
    }
    return t;
  }

  private static byte[] bytes(NerTagger tagger) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    tagger.write(out);
    return out.toByteArray();
  }

  @Test
  void aTrainedModelTagsAnUnseenNameAndRoundTrips() throws IOException {
    NerTagger model = trainer(7).train(5, "test model", null);
    NerInput unseen = input("Ilse Brandt said in Sennar on Monday .");
    assertEquals(
        List.of(new NerSpan(0, 1, NerType.PER), new NerSpan(4, 4, NerType.LOC)), model.tag(unseen));

    byte[] file = bytes(model);
    NerTagger read = NerTagger.read(new ByteArrayInputStream(file));
    assertEquals(model.features(), read.features());
    assertEquals("test model", read.description());
    assertArrayEquals(model.labels(unseen), read.labels(unseen));
    assertArrayEquals(file, bytes(read), "a model read back writes the same file");
  }

  @Test
  void trainingIsReproducible() throws IOException {
    byte[] a = bytes(trainer(7).train(3, "m", null));
    byte[] b = bytes(trainer(7).train(3, "m", null));
    assertArrayEquals(a, b);
    int[] epochs = {0};
    trainer(7).train(3, "m", (epoch, mistakes, averaged) -> epochs[0] = epoch);
    assertEquals(3, epochs[0]);
  }

  @Test
  void readRejectsWhatIsNotAModel() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }
    assertThrows(
        IOException.class, () -> NerTagger.read(new ByteArrayInputStream(out.toByteArray())));
  }

  @Test
  void theBundledModelTagsANewsSentence() {
    assertSame(NerTagger.bundled(), NerTagger.bundled(), "loaded once per JVM");
    EntityExtractor extractor = new EntityExtractor(Gazetteer.loadDefault());
    String text =
        "Madeleine Albright met Jacques Chirac in Lyon on Tuesday, the Interfax news agency said.";
    NerInput in = extractor.nerInput(text);
    List<String> found = new ArrayList<>();
    for (NerSpan s : NerTagger.bundled().tag(in)) {
      found.add(s.type() + ":" + text.substring(in.start(s.first()), in.end(s.last())));
    }
    assertEquals(
        List.of("PER:Madeleine Albright", "PER:Jacques Chirac", "LOC:Lyon", "ORG:Interfax"), found);
    assertTrue(NerTagger.bundled().heapBytes() > 1_000_000, "the model holds its weights");
  }

  @Test
  void theBundledModelIsSafeToShareBetweenThreads() throws Exception {
    EntityExtractor extractor = new EntityExtractor(Gazetteer.loadDefault());
    List<NerInput> inputs = new ArrayList<>();
    for (int k = 0; k < 40; k++) {
      inputs.add(
          extractor.nerInput(
              "Talks between Ilse Brandt of Kovar Holdings and officials in Dorvania ended on day "
                  + k
                  + ", Reuters said."));
    }
    List<List<NerSpan>> expected = new ArrayList<>();
    for (NerInput in : inputs) {
      expected.add(NerTagger.bundled().tag(in));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<NerSpan>>> results = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (NerInput in : inputs) {
          results.add(pool.submit(() -> NerTagger.bundled().tag(in)));
        }
      }
      for (int r = 0; r < results.size(); r++) {
        assertEquals(expected.get(r % inputs.size()), results.get(r).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
