package org.newsmentions.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.entities.ner.NerInput;
import org.newsmentions.entities.ner.NerSpan;
import org.newsmentions.entities.ner.NerTagger;
import org.newsmentions.entities.ner.NerTrainer;
import org.newsmentions.entities.ner.NerType;

/**
 * Trains the bundled NER model: {@code TrainNer [--train=FILE] [--dev=FILE] [--out=FILE]
 * [--epochs=N] [--seed=N] [--min-count=N]}. Reads CoNLL-2003 {@code eng.train}, tokenises each
 * detokenised document as the entity extractor does (with the gazetteer's matches as features),
 * trains an averaged perceptron for a fixed number of epochs with a fixed seed, prints the tagger's
 * own exact-span F1 on the dev file after each epoch, and writes the final model. The same inputs
 * give the same model byte for byte.
 */
public final class TrainNer {
  private TrainNer() {}

  public static void main(String[] args) throws IOException {
    Path train = Path.of("../shared/ner/eng.train");
    Path dev = Path.of("../shared/ner/eng.testa");
    Path out = Path.of("pipeline/src/main/resources/org/newsmentions/entities/ner-model.bin.gz");
    int epochs = 12;
    long seed = 20261207L;
    int minCount = 1;
    for (String a : args) {
      String v = a.substring(a.indexOf('=') + 1);
      if (a.startsWith("--train=")) {
        train = Path.of(v);
      } else if (a.startsWith("--dev=")) {
        dev = Path.of(v);
      } else if (a.startsWith("--out=")) {
        out = Path.of(v);
      } else if (a.startsWith("--epochs=")) {
        epochs = Integer.parseInt(v);
      } else if (a.startsWith("--seed=")) {
        seed = Long.parseLong(v);
      } else if (a.startsWith("--min-count=")) {
        minCount = Integer.parseInt(v);
      } else {
        throw new IllegalArgumentException("unknown argument: " + a);
      }
    }
    PrintStream log = System.out;
    EntityExtractor extractor = new EntityExtractor(Gazetteer.loadDefault());
    List<Conll.Doc> trainDocs = Conll.read(train);
    List<Conll.Doc> devDocs = Conll.read(dev);
    NerTrainer trainer = new NerTrainer(minCount, seed);
    long t0 = System.nanoTime();
    for (Conll.Doc d : trainDocs) {
      NerInput in = extractor.nerInput(d.text());
      trainer.add(in, projectSpans(d, in));
    }
    List<NerInput> devInputs = new ArrayList<>();
    for (Conll.Doc d : devDocs) {
      devInputs.add(extractor.nerInput(d.text()));
    }
    log.printf(
        Locale.ROOT,
        "%d training documents, %d dev documents; features in %.1f s%n",
        trainDocs.size(),
        devDocs.size(),
        (System.nanoTime() - t0) / 1e9);
    String description =
        String.format(
            Locale.ROOT,
            "averaged perceptron, CoNLL-2003 eng.train (%d documents), %d epochs, seed %d,"
                + " min count %d",
            trainDocs.size(),
            epochs,
            seed,
            minCount);
    NerTagger model =
        trainer.train(
            epochs,
            description,
            (epoch, mistakes, averaged) -> {
              double[] f = devScore(averaged, devDocs, devInputs);
              log.printf(
                  Locale.ROOT,
                  "epoch %2d: %5d lines wrong; dev (tagger alone) PER/LOC/ORG micro F1 %.4f"
                      + " (PER %.3f LOC %.3f ORG %.3f), %d features, %.0f s%n",
                  epoch,
                  mistakes,
                  f[0],
                  f[1],
                  f[2],
                  f[3],
                  averaged.features(),
                  (System.nanoTime() - t0) / 1e9);
            });
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      model.write(o);
    }
    log.printf(
        Locale.ROOT,
        "wrote %s: %d features, %.1f MB on disk, %.1f MB of arrays in memory%n",
        out,
        model.features(),
        Files.size(out) / 1e6,
        model.heapBytes() / 1e6);
  }

  /** The document's gold names as spans of the extractor's tokens (those inside each name). */
  static List<NerSpan> projectSpans(Conll.Doc d, NerInput in) {
    List<NerSpan> out = new ArrayList<>();
    int k = 0;
    for (Conll.Name n : d.names()) {
      int start = d.tokens().get(n.first()).start();
      int end = d.tokens().get(n.last()).end();
      while (k < in.size() && in.end(k) <= start) {
        k++;
      }
      int first = -1;
      int last = -1;
      int j = k;
      while (j < in.size() && in.start(j) < end) {
        if (in.start(j) >= start && in.end(j) <= end) {
          if (first < 0) {
            first = j;
          }
          last = j;
        }
        j++;
      }
      if (first >= 0) {
        out.add(new NerSpan(first, last, NerType.valueOf(n.type())));
      }
    }
    return out;
  }

  /** The tagger's exact-span F1 on the dev documents: micro over PER/LOC/ORG, then each. */
  static double[] devScore(NerTagger tagger, List<Conll.Doc> docs, List<NerInput> inputs) {
    String[] types = {"PER", "LOC", "ORG"};
    long[][] c = new long[3][3]; // type -> tp, predicted, gold
    for (int d = 0; d < docs.size(); d++) {
      Conll.Doc doc = docs.get(d);
      NerInput in = inputs.get(d);
      java.util.Set<String> gold = new java.util.HashSet<>();
      for (Conll.Name n : doc.names()) {
        int t = indexOf(types, n.type());
        if (t >= 0) {
          gold.add(n.first() + ":" + n.last() + ":" + n.type());
          c[t][2]++;
        }
      }
      for (NerSpan s : tagger.tag(in)) {
        int t = indexOf(types, s.type().name());
        if (t < 0) {
          continue;
        }
        int[] r = doc.tokenRange(in.start(s.first()), in.end(s.last()));
        if (r == null) {
          continue;
        }
        c[t][1]++;
        if (gold.contains(r[0] + ":" + r[1] + ":" + s.type().name())) {
          c[t][0]++;
        }
      }
    }
    double[] out = new double[4];
    long tp = 0;
    long p = 0;
    long g = 0;
    for (int t = 0; t < 3; t++) {
      out[t + 1] = f1(c[t][0], c[t][1], c[t][2]);
      tp += c[t][0];
      p += c[t][1];
      g += c[t][2];
    }
    out[0] = f1(tp, p, g);
    return out;
  }

  static double f1(long tp, long predicted, long gold) {
    double pr = predicted == 0 ? 0 : tp / (double) predicted;
    double r = gold == 0 ? 0 : tp / (double) gold;
    return pr + r == 0 ? 0 : 2 * pr * r / (pr + r);
  }

  private static int indexOf(String[] a, String v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i].equals(v)) {
        return i;
      }
    }
    return -1;
  }
}
