package org.newsmentions.entities.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link NerTagger}: an averaged structured perceptron (Collins 2002) over the tagger's
 * features, decoded with the same Viterbi as the tagger, one line at a time. Deterministic for a
 * given seed, order of examples and number of epochs: lines are visited in an order shuffled by the
 * seed each epoch. Features seen fewer than {@code minCount} times in the training data are left
 * out. Not thread-safe; used by the training command, not by the pipeline.
 */
public final class NerTrainer {
  private static final int L = NerType.LABELS;

  private final int minCount;
  private final long seed;
  private final List<NerInput> inputs = new ArrayList<>();
  private final List<long[]> features = new ArrayList<>();
  private final List<int[]> golds = new ArrayList<>();

  public NerTrainer(int minCount, long seed) {
    this.minCount = minCount;
    this.seed = seed;
  }

  /** Adds one training text with its names (token spans). */
  public void add(NerInput in, List<NerSpan> names) {
    int[] gold = new int[in.size];
    for (NerSpan s : names) {
      gold[s.first()] = NerType.begin(s.type());
      for (int k = s.first() + 1; k <= s.last(); k++) {
        gold[k] = NerType.inside(s.type());
      }
    }
    inputs.add(in);
    features.add(NerFeatures.extract(in));
    golds.add(gold);
  }

  /** Called after each epoch with the averaged model so far. */
  public interface EpochListener {
    void epochDone(int epoch, int mistakes, NerTagger averaged);
  }

  /** Runs the given number of epochs and returns the averaged model. */
  public NerTagger train(int epochs, String description, EpochListener listener) {
    // Feature ids: only features seen at least minCount times.
    LongIntMap counts = new LongIntMap(1 << 20);
    for (long[] f : features) {
      for (long h : f) {
        counts.add(h, 1);
      }
    }
    LongIntMap ids = new LongIntMap(counts.size());
    List<Long> keyList = new ArrayList<>();
    counts.forEach(
        (key, c) -> {
          if (c >= minCount) {
            ids.put(key, keyList.size());
            keyList.add(key);
          }
        });
    int nf = keyList.size();
    long[] keys = new long[nf];
    for (int i = 0; i < nf; i++) {
      keys[i] = keyList.get(i);
    }
    List<int[]> fids = new ArrayList<>(features.size());
    for (long[] f : features) {
      int[] x = new int[f.length];
      for (int i = 0; i < f.length; i++) {
        x[i] = ids.get(f[i]);
      }
      fids.add(x);
    }
    // Lines: (input, from, to).
    List<int[]> lines = new ArrayList<>();
    for (int d = 0; d < inputs.size(); d++) {
      NerInput in = inputs.get(d);
      int from = 0;
      for (int i = 1; i <= in.size; i++) {
        if (i == in.size || NerTagger.newlineBefore(in, i)) {
          lines.add(new int[] {d, from, i});
          from = i;
        }
      }
    }
    float[] w = new float[nf * L];
    double[] u = new double[nf * L];
    float[] tw = new float[L * L];
    double[] tu = new double[L * L];
    float[] sw = new float[L];
    double[] su = new double[L];
    long c = 1;
    Random random = new Random(seed);
    int[] order = new int[lines.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    NerTagger last = null;
    for (int epoch = 1; epoch <= epochs; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      int mistakes = 0;
      for (int li : order) {
        int[] line = lines.get(li);
        int[] x = fids.get(line[0]);
        int[] gold = golds.get(line[0]);
        int from = line[1];
        int to = line[2];
        float[] emit = new float[to * L];
        for (int t = from; t < to; t++) {
          for (int k = 0; k < NerFeatures.COUNT; k++) {
            int f = x[t * NerFeatures.COUNT + k];
            if (f >= 0) {
              for (int l = 0; l < L; l++) {
                emit[t * L + l] += w[f * L + l];
              }
            }
          }
        }
        int[] pred = new int[to];
        NerTagger.viterbi(emit, from, to, tw, sw, pred);
        boolean wrong = false;
        for (int t = from; t < to; t++) {
          int g = gold[t];
          int p = pred[t];
          if (g != p) {
            wrong = true;
            for (int k = 0; k < NerFeatures.COUNT; k++) {
              int f = x[t * NerFeatures.COUNT + k];
              if (f >= 0) {
                w[f * L + g] += 1;
                u[f * L + g] += c;
                w[f * L + p] -= 1;
                u[f * L + p] -= c;
              }
            }
          }
          int gp = t == from ? -1 : gold[t - 1];
          int pp = t == from ? -1 : pred[t - 1];
          if (g != p || gp != pp) {
            if (gp < 0) {
              sw[g] += 1;
              su[g] += c;
              sw[p] -= 1;
              su[p] -= c;
            } else {
              tw[gp * L + g] += 1;
              tu[gp * L + g] += c;
              tw[pp * L + p] -= 1;
              tu[pp * L + p] -= c;
            }
          }
        }
        if (wrong) {
          mistakes++;
        }
        c++;
      }
      last = averaged(keys, w, u, tw, tu, sw, su, c, description);
      if (listener != null) {
        listener.epochDone(epoch, mistakes, last);
      }
    }
    return last;
  }

  private static NerTagger averaged(
      long[] keys,
      float[] w,
      double[] u,
      float[] tw,
      double[] tu,
      float[] sw,
      double[] su,
      long c,
      String description) {
    int nf = keys.length;
    // Features whose averaged weights are all zero are dropped.
    int kept = 0;
    float[] avg = new float[nf * L];
    boolean[] keep = new boolean[nf];
    for (int f = 0; f < nf; f++) {
      for (int l = 0; l < L; l++) {
        float a = (float) (w[f * L + l] - u[f * L + l] / c);
        if (Math.abs(a) < 1e-4f) {
          a = 0f;
        }
        avg[f * L + l] = a;
        keep[f] |= a != 0f;
      }
      if (keep[f]) {
        kept++;
      }
    }
    long[] outKeys = new long[kept];
    float[] outW = new float[kept * L];
    int r = 0;
    for (int f = 0; f < nf; f++) {
      if (keep[f]) {
        outKeys[r] = keys[f];
        System.arraycopy(avg, f * L, outW, r * L, L);
        r++;
      }
    }
    float[] t = new float[L * L];
    for (int i = 0; i < t.length; i++) {
      t[i] = (float) (tw[i] - tu[i] / c);
    }
    float[] s = new float[L];
    for (int i = 0; i < L; i++) {
      s[i] = (float) (sw[i] - su[i] / c);
    }
    return new NerTagger(outKeys, outW, t, s, description);
  }
}
