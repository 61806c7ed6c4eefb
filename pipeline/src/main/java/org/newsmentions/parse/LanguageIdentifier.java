package org.newsmentions.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.UniformPrior;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the language of an article's text with Apache OpenNLP's language detector and its published
 * model ({@code langdetect-183.bin} from {@code org.apache.opennlp:opennlp-models- langdetect}: 103
 * languages, ISO 639-3 codes), as an ISO 639-1 code ("en", "de") where the language has one, else
 * its ISO 639-3 code.
 *
 * <p>The model (about 10 MB) is loaded once per JVM, on first use, and shared by all threads (its
 * evaluation keeps no state). The model's features are the distinct character 1- to 3-grams of the
 * normalised, lowercased text; {@link #features} computes the same set as OpenNLP's own context
 * generator, which builds an n-gram count model and is several times slower (a test checks that
 * both agree). Only the first {@value #SAMPLE_CHARS} characters are read, which is plenty for a
 * language and keeps the parser fast. Text with too few letters, or on which the model is unsure,
 * gets no language (null) rather than a guess; so does every text when the model cannot be loaded
 * (logged once), and then entity extraction treats the article as of unknown language.
 */
final class LanguageIdentifier {
  private static final Logger LOG = LoggerFactory.getLogger(LanguageIdentifier.class);

  /** Characters of text read: the detector's answer does not change past a few sentences. */
  static final int SAMPLE_CHARS = 1000;

  /** Fewer letters than this is too little text to tell a language by. */
  static final int MIN_LETTERS = 40;

  /**
   * The best language must be this many times as likely as the second: on short or mixed text the
   * model's top two are close, and no answer is better than a wrong one.
   */
  static final double MIN_MARGIN = 1.5;

  static final String MODEL_RESOURCE = "/langdetect-183.bin";

  /** ISO 639-3 codes the model uses for which Java's locales know no ISO 639-1 code. */
  private static final Map<String, String> EXTRA_CODES =
      Map.of(
          "cmn", "zh", // Mandarin
          "ekk", "et", // Standard Estonian
          "lvs", "lv", // Standard Latvian
          "pes", "fa", // Iranian Persian
          "plt", "mg", // Plateau Malagasy
          "pnb", "pa", // Western Panjabi
          "zsm", "ms"); // Standard Malay

  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  /** The normalisers the model was trained behind, in OpenNLP's order. */
  private static final CharSequenceNormalizer NORMALIZER =
      new AggregateCharSequenceNormalizer(
          EmojiCharSequenceNormalizer.getInstance(),
          UrlCharSequenceNormalizer.getInstance(),
          TwitterCharSequenceNormalizer.getInstance(),
          NumberCharSequenceNormalizer.getInstance(),
          ShrinkCharSequenceNormalizer.getInstance());

  private LanguageIdentifier() {}

  /**
   * The language of a text, from its first {@value #SAMPLE_CHARS} characters; null when there is
   * too little text, the model is unsure, or no model could be loaded.
   */
  static String detect(String text) {
    if (text == null) {
      return null;
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    if (letters(sample) < MIN_LETTERS) {
      return null;
    }
    MaxentModel model = Detectors.MODEL;
    Scorer scorer = Detectors.SCORER;
    if (model == null) {
      return null;
    }
    double[] p = scorer == null ? model.eval(features(sample)) : scorer.eval(featureKeys(sample));
    int best = -1;
    int second = -1;
    for (int i = 0; i < p.length; i++) {
      if (best < 0 || p[i] > p[best]) {
        second = best;
        best = i;
      } else if (second < 0 || p[i] > p[second]) {
        second = i;
      }
    }
    if (best < 0 || second >= 0 && p[best] < MIN_MARGIN * p[second]) {
      return null;
    }
    return iso1(model.getOutcome(best));
  }

  /**
   * The model's features for a text: its distinct character 1-, 2- and 3-grams after OpenNLP's
   * normalisation (emoji, URLs, mentions, numbers removed; repeats shrunk), each char lowercased.
   */
  static String[] features(CharSequence text) {
    long[] keys = featureKeys(text);
    String[] out = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = gram(keys[i]);
    }
    return out;
  }

  /**
   * The same features as {@link #features}, each packed in a long (three 16-bit chars and the
   * length in bits 48 and up), sorted and distinct, in the order {@link #features} lists them.
   */
  static long[] featureKeys(CharSequence text) {
    String n = NORMALIZER.normalize(text).toString();
    int len = n.length();
    char[] c = new char[len];
    for (int i = 0; i < len; i++) {
      c[i] = Character.toLowerCase(n.charAt(i));
    }
    // Duplicates are found by sorting numbers; no string is made per gram.
    long[] keys = new long[Math.max(len, 3 * len - 3)];
    int k = 0;
    for (int i = 0; i < len; i++) {
      long key = 0;
      for (int g = 0; g < 3 && i + g < len; g++) {
        key |= (long) c[i + g] << (16 * g);
        keys[k++] = key | (long) (g + 1) << 48;
      }
    }
    Arrays.sort(keys, 0, k);
    int m = 0;
    for (int i = 0; i < k; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        keys[m++] = keys[i];
      }
    }
    return Arrays.copyOf(keys, m);
  }

  private static String gram(long key) {
    int glen = (int) (key >>> 48);
    char[] gram = new char[glen];
    for (int g = 0; g < glen; g++) {
      gram[g] = (char) (key >>> (16 * g));
    }
    return new String(gram);
  }

  /** The gram a 1-3 character string packs to, or -1 for other strings. */
  private static long key(String gram) {
    if (gram.isEmpty() || gram.length() > 3) {
      return -1;
    }
    long key = (long) gram.length() << 48;
    for (int g = 0; g < gram.length(); g++) {
      key |= (long) gram.charAt(g) << (16 * g);
    }
    return key;
  }

  /**
   * The model's evaluation (OpenNLP's {@code GISModel.eval}) done on packed grams: the same sums in
   * the same order (uniform log prior, then each feature's parameters in feature order, then {@code
   * StrictMath.exp} and normalisation), so the probabilities are bit for bit the model's own (a
   * test compares them), without a string and a string-keyed lookup per gram.
   */
  static final class Scorer {
    private final long[] keys; // open addressing, 0 = empty
    private final Context[] contexts;
    private final int mask;
    private final double[] logPrior;

    Scorer(Map<String, Context> predicates, double[] logPrior) {
      int capacity = Integer.highestOneBit(Math.max(16, predicates.size() * 2)) * 2;
      keys = new long[capacity];
      contexts = new Context[capacity];
      mask = capacity - 1;
      this.logPrior = logPrior.clone();
      for (Map.Entry<String, Context> e : predicates.entrySet()) {
        long k = key(e.getKey());
        if (k >= 0) {
          int slot = slot(k);
          keys[slot] = k;
          contexts[slot] = e.getValue();
        }
      }
    }

    private int slot(long k) {
      int h = (int) (k ^ k >>> 29 ^ k >>> 47) * 0x9E3779B9;
      int slot = h & mask;
      while (keys[slot] != 0 && keys[slot] != k) {
        slot = slot + 1 & mask;
      }
      return slot;
    }

    double[] eval(long[] features) {
      double[] p = logPrior.clone();
      for (long f : features) {
        Context c = contexts[slot(f)];
        if (c == null) {
          continue;
        }
        int[] outcomes = c.getOutcomes();
        double[] params = c.getParameters();
        for (int i = 0; i < outcomes.length; i++) {
          p[outcomes[i]] += params[i] * 1.0;
        }
      }
      double normal = 0;
      for (int i = 0; i < p.length; i++) {
        p[i] = StrictMath.exp(p[i]);
        normal += p[i];
      }
      for (int i = 0; i < p.length; i++) {
        p[i] /= normal;
      }
      return p;
    }
  }

  /** The ISO 639-1 code for an ISO 639-3 code where there is one, else the code as it is. */
  static String iso1(String iso3) {
    String code = iso3.toLowerCase(Locale.ROOT);
    return ISO3_TO_ISO1.getOrDefault(code, code);
  }

  /** True when the language model is available in this JVM. */
  static boolean modelAvailable() {
    return Detectors.MODEL != null;
  }

  /** The loaded model, for tests that compare with OpenNLP's own detector; null if none. */
  static LanguageDetectorModel model() {
    return Detectors.DETECTOR_MODEL;
  }

  /** The probabilities the model gives a text (its first characters, as detect reads them). */
  static double[] probabilities(String sample, boolean viaScorer) {
    return viaScorer
        ? Detectors.SCORER.eval(featureKeys(sample))
        : Detectors.MODEL.eval(features(sample));
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private static Map<String, String> iso3ToIso1() {
    Map<String, String> map = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        map.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
      } catch (java.util.MissingResourceException e) {
        // a code without a three-letter form: nothing to map
      }
    }
    map.putAll(EXTRA_CODES);
    return Map.copyOf(map);
  }

  /** The model, loaded on first use (a static holder: the parser itself stays serializable). */
  private static final class Detectors {
    static final LanguageDetectorModel DETECTOR_MODEL = load();
    static final MaxentModel MODEL =
        DETECTOR_MODEL == null ? null : DETECTOR_MODEL.getMaxentModel();
    static final Scorer SCORER = scorer(MODEL);

    /** A scorer for a GIS model with a uniform prior; null (use the model itself) otherwise. */
    @SuppressWarnings("unchecked")
    private static Scorer scorer(MaxentModel model) {
      if (!(model instanceof GISModel gis)) {
        return null;
      }
      Object[] data = gis.getDataStructures();
      String[] outcomes = (String[]) data[2];
      UniformPrior prior = new UniformPrior();
      prior.setLabels(outcomes, new String[0]);
      double[] logPrior = new double[outcomes.length];
      prior.logPrior(logPrior, (int[]) null);
      return new Scorer((Map<String, Context>) data[1], logPrior);
    }

    private static LanguageDetectorModel load() {
      try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
        if (in == null) {
          LOG.warn(
              "language model {} not on the classpath: languages will be unknown", MODEL_RESOURCE);
          return null;
        }
        return new LanguageDetectorModel(new BufferedInputStream(in));
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot load language model {}: languages will be unknown", MODEL_RESOURCE, e);
        return null;
      }
    }
  }
}
