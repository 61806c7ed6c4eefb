package org.newsmentions.entities.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A named-entity tagger: a linear model over {@link NerFeatures} trained as an averaged structured
 * perceptron, decoded with Viterbi over BIO labels for PER, LOC, ORG and MISC (an I- label only
 * after a B- or I- of its type). Each line of the text is decoded on its own.
 *
 * <p>The bundled model ({@link #bundled()}) is read once per JVM from a gzipped classpath resource
 * when first asked for. Instances are immutable after construction and safe to use from many
 * threads.
 */
public final class NerTagger {
  /** Where the bundled model lives on the classpath. */
  public static final String RESOURCE = "/org/newsmentions/entities/ner-model.bin.gz";

  private static final int MAGIC = 0x4E45524D; // "NERM"
  private static final int VERSION = 1;
  static final int L = NerType.LABELS;

  private final LongIntMap index;
  private final float[] weights; // row * L + label
  private final float[] transitions; // previous * L + label
  private final float[] starts; // label at the start of a line
  private final String description;

  NerTagger(long[] keys, float[] weights, float[] transitions, float[] starts, String description) {
    if (weights.length != keys.length * L || transitions.length != L * L || starts.length != L) {
      throw new IllegalArgumentException("inconsistent model arrays");
    }
    this.index = new LongIntMap(keys.length);
    for (int r = 0; r < keys.length; r++) {
      index.put(keys[r], r);
    }
    this.weights = weights;
    this.transitions = transitions;
    this.starts = starts;
    this.description = description;
  }

  private static final class Bundled {
    static final NerTagger INSTANCE = loadBundled();

    private static NerTagger loadBundled() {
      try (InputStream in = NerTagger.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("NER model resource not found: " + RESOURCE);
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the NER model " + RESOURCE, e);
      }
    }
  }

  /** The model in the jar, read on first use and shared by the whole JVM. */
  public static NerTagger bundled() {
    return Bundled.INSTANCE;
  }

  /** Whether the jar has a model (a build without one still runs, with the rules only). */
  public static boolean bundledAvailable() {
    return NerTagger.class.getResource(RESOURCE) != null;
  }

  /** Number of weighted features. */
  public int features() {
    return index.size();
  }

  /** What the model was trained on and how (free text from the training command). */
  public String description() {
    return description;
  }

  /** Bytes of heap the model's arrays hold (the lookup table and the weights). */
  public long heapBytes() {
    return index.bytes() + (long) weights.length * 4 + (transitions.length + starts.length) * 4L;
  }

  /** The names in the input, in text order. */
  public List<NerSpan> tag(NerInput in) {
    return spans(labels(in));
  }

  /** One label id per token (0 = O, see {@link NerType}). */
  int[] labels(NerInput in) {
    long[] feats = NerFeatures.extract(in);
    int n = in.size;
    float[] emit = new float[n * L];
    for (int i = 0; i < n; i++) {
      int o = i * L;
      for (int k = 0; k < NerFeatures.COUNT; k++) {
        int row = index.get(feats[i * NerFeatures.COUNT + k]);
        if (row >= 0) {
          int w = row * L;
          for (int l = 0; l < L; l++) {
            emit[o + l] += weights[w + l];
          }
        }
      }
    }
    int[] out = new int[n];
    decodeLines(in, emit, transitions, starts, out);
    return out;
  }

  /** Viterbi over each line of the input in turn. */
  static void decodeLines(NerInput in, float[] emit, float[] trans, float[] starts, int[] out) {
    int n = in.size;
    int from = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || newlineBefore(in, i)) {
        viterbi(emit, from, i, trans, starts, out);
        from = i;
      }
    }
  }

  static boolean newlineBefore(NerInput in, int i) {
    for (int k = in.end[i - 1]; k < in.start[i]; k++) {
      char c = in.text.charAt(k);
      if (c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /** {@link #allowed} for a previous label (row) and a label (column). */
  private static final boolean[] ALLOWED = new boolean[L * L];

  static {
    for (int a = 0; a < L; a++) {
      for (int b = 0; b < L; b++) {
        ALLOWED[a * L + b] = allowed(a, b);
      }
    }
  }

  /** Whether label b may follow label a (a = -1: the start of a line). */
  static boolean allowed(int a, int b) {
    if (b == 0 || NerType.isBegin(b)) {
      return true;
    }
    return a > 0 && NerType.of(a) == NerType.of(b);
  }

  /** Best labels for tokens [from, to) given emission scores (token * L + label). */
  static void viterbi(float[] emit, int from, int to, float[] trans, float[] starts, int[] out) {
    int len = to - from;
    if (len <= 0) {
      return;
    }
    float[] score = new float[L];
    float[] next = new float[L];
    int[] back = new int[len * L];
    for (int l = 0; l < L; l++) {
      score[l] = allowed(-1, l) ? starts[l] + emit[from * L + l] : Float.NEGATIVE_INFINITY;
    }
    for (int t = 1; t < len; t++) {
      int e = (from + t) * L;
      for (int l = 0; l < L; l++) {
        float best = Float.NEGATIVE_INFINITY;
        int arg = 0;
        for (int p = 0; p < L; p++) {
          if (!ALLOWED[p * L + l] || score[p] == Float.NEGATIVE_INFINITY) {
            continue;
          }
          float v = score[p] + trans[p * L + l];
          if (v > best) {
            best = v;
            arg = p;
          }
        }
        next[l] = best + emit[e + l];
        back[t * L + l] = arg;
      }
      float[] tmp = score;
      score = next;
      next = tmp;
    }
    int arg = 0;
    for (int l = 1; l < L; l++) {
      if (score[l] > score[arg]) {
        arg = l;
      }
    }
    for (int t = len - 1; t >= 0; t--) {
      out[from + t] = arg;
      arg = back[t * L + arg];
    }
  }

  /** Label ids to names: a B- or an I- that does not continue a name starts one. */
  static List<NerSpan> spans(int[] labels) {
    List<NerSpan> out = new ArrayList<>();
    int i = 0;
    while (i < labels.length) {
      NerType t = NerType.of(labels[i]);
      if (t == null) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < labels.length && labels[j] == NerType.inside(t)) {
        j++;
      }
      out.add(new NerSpan(i, j - 1, t));
      i = j;
    }
    return out;
  }

  /** Writes the model, gzipped; {@link #read} reads it back. */
  public void write(OutputStream raw) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(L);
    out.writeInt(NerFeatures.COUNT);
    out.writeUTF(description);
    for (float f : transitions) {
      out.writeFloat(f);
    }
    for (float f : starts) {
      out.writeFloat(f);
    }
    long[] keys = new long[index.size()];
    int[] rows = new int[index.size()];
    int[] k = {0};
    index.forEach(
        (key, row) -> {
          keys[k[0]] = key;
          rows[k[0]] = row;
          k[0]++;
        });
    // Written in row order, so the file does not depend on the hash table's layout.
    Integer[] order = new Integer[keys.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(rows[a], rows[b]));
    out.writeInt(keys.length);
    for (Integer o : order) {
      out.writeLong(keys[o]);
      int w = rows[o] * L;
      int mask = 0;
      for (int l = 0; l < L; l++) {
        if (weights[w + l] != 0f) {
          mask |= 1 << l;
        }
      }
      out.writeShort(mask);
      for (int l = 0; l < L; l++) {
        if (weights[w + l] != 0f) {
          out.writeFloat(weights[w + l]);
        }
      }
    }
    out.flush();
    gz.finish();
    gz.flush();
  }

  /** Reads a model that {@link #write} wrote (gzipped). */
  public static NerTagger read(InputStream raw) throws IOException {
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a news-mentions NER model");
    }
    int version = in.readInt();
    int labels = in.readInt();
    int features = in.readInt();
    if (version != VERSION || labels != L || features != NerFeatures.COUNT) {
      throw new IOException(
          "NER model version "
              + version
              + " with "
              + labels
              + " labels and "
              + features
              + " feature templates; this code reads version "
              + VERSION
              + ", "
              + L
              + ", "
              + NerFeatures.COUNT);
    }
    String description = in.readUTF();
    float[] trans = new float[L * L];
    for (int i = 0; i < trans.length; i++) {
      trans[i] = in.readFloat();
    }
    float[] starts = new float[L];
    for (int i = 0; i < L; i++) {
      starts[i] = in.readFloat();
    }
    int n = in.readInt();
    long[] keys = new long[n];
    float[] weights = new float[n * L];
    for (int r = 0; r < n; r++) {
      keys[r] = in.readLong();
      int mask = in.readShort() & 0xFFFF;
      for (int l = 0; l < L; l++) {
        if ((mask & (1 << l)) != 0) {
          weights[r * L + l] = in.readFloat();
        }
      }
    }
    return new NerTagger(keys, weights, trans, starts, description);
  }
}
