package org.newsmentions.entities.ner;

/**
 * The tagger's features, as 64-bit hashes so that no string is built per token: the word as written
 * and in lower case, its shape ("Xx", "X.X.", "d-d"), prefixes and suffixes of one to four letters,
 * the words and shapes around it (two either side, within the line), the punctuation in the gaps
 * before and after it, the gazetteer's match on it and its neighbours, and three facts about the
 * document: whether the line is in capitals (a headline), whether the word also occurs in lower
 * case elsewhere (a common word written with a capital), and whether it occurs capitalised in
 * mid-sentence elsewhere (a name, even in a capitals headline).
 */
final class NerFeatures {
  private NerFeatures() {}

  /** Features per token; every token has exactly this many. */
  static final int COUNT = 34;

  // Gap classes: what the characters between two tokens hold.
  private static final int GAP_NONE = 1;
  private static final int GAP_SPACE = 2;
  private static final int GAP_NEWLINE = 4;
  private static final int GAP_STOP = 8;
  private static final int GAP_COMMA = 16;
  private static final int GAP_OPEN = 32;
  private static final int GAP_CLOSE = 64;
  private static final int GAP_QUOTE = 128;
  private static final int GAP_DASH = 256;
  private static final int GAP_COLON = 512;
  private static final int GAP_OTHER = 1024;

  private static final long BOUNDARY = 0x5bd1e9955bd1e995L;

  /** Flat array: feature k of token i at {@code i * COUNT + k}. */
  static long[] extract(NerInput in) {
    int n = in.size;
    String s = in.text;
    long[] word = new long[n];
    long[] lower = new long[n];
    long[] shape = new long[n];
    int[] gapBefore = new int[n + 1];
    boolean[] upperFirst = new boolean[n];
    boolean[] hasLower = new boolean[n];
    for (int i = 0; i < n; i++) {
      int a = in.start[i];
      int b = in.end[i];
      word[i] = hash(s, a, b, false);
      lower[i] = hash(s, a, b, true);
      shape[i] = shapeHash(s, a, b);
      char c = s.charAt(a);
      upperFirst[i] = Character.isUpperCase(c) || Character.isTitleCase(c);
      for (int k = a; k < b; k++) {
        if (Character.isLowerCase(s.charAt(k))) {
          hasLower[i] = true;
          break;
        }
      }
      gapBefore[i] = gap(s, i == 0 ? 0 : in.end[i - 1], a, i == 0);
    }
    gapBefore[n] = gap(s, n == 0 ? 0 : in.end[n - 1], s.length(), false) | GAP_NEWLINE;

    // Lines in capitals, and the document's lower-case and mid-sentence capitalised words.
    boolean[] capsLine = new boolean[n];
    LongSet lowerWords = new LongSet(n);
    LongSet midCaps = new LongSet(n);
    int lineStart = 0;
    for (int i = 0; i <= n; i++) {
      if (i == n || (i > lineStart && (gapBefore[i] & GAP_NEWLINE) != 0)) {
        int letters = 0;
        boolean anyLower = false;
        for (int k = lineStart; k < i; k++) {
          if (Character.isLetter(s.charAt(in.start[k]))) {
            letters++;
            anyLower |= hasLower[k];
          }
        }
        if (letters >= 2 && !anyLower) {
          for (int k = lineStart; k < i; k++) {
            capsLine[k] = true;
          }
        }
        lineStart = i;
      }
      if (i == n) {
        break;
      }
      char c = s.charAt(in.start[i]);
      if (Character.isLowerCase(c)) {
        lowerWords.add(lower[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      boolean sentenceStart = (gapBefore[i] & (GAP_NEWLINE | GAP_STOP | GAP_QUOTE)) != 0;
      if (upperFirst[i] && hasLower[i] && !sentenceStart && !capsLine[i]) {
        midCaps.add(lower[i]);
      }
    }

    // The first occurrence of each word written capitalised outside a capitals line: its
    // neighbours and shape are evidence for every other occurrence ("Phil Simmons ... SIMMONS").
    LongIntMap firstCap = new LongIntMap(n);
    for (int i = 0; i < n; i++) {
      if (upperFirst[i] && !capsLine[i] && firstCap.get(lower[i]) < 0) {
        firstCap.put(lower[i], i);
      }
    }
    long[] out = new long[n * COUNT];
    for (int i = 0; i < n; i++) {
      int a = in.start[i];
      int b = in.end[i];
      int o = i * COUNT;
      boolean lineBefore = (gapBefore[i] & GAP_NEWLINE) != 0;
      boolean lineAfter = (gapBefore[i + 1] & GAP_NEWLINE) != 0;
      long p1 = lineBefore ? BOUNDARY : lower[i - 1];
      long p2 =
          lineBefore || i < 2 || (gapBefore[i - 1] & GAP_NEWLINE) != 0 ? BOUNDARY : lower[i - 2];
      long n1 = lineAfter ? BOUNDARY : lower[i + 1];
      long n2 =
          lineAfter || i + 2 >= n || (gapBefore[i + 2] & GAP_NEWLINE) != 0
              ? BOUNDARY
              : lower[i + 2];
      long s1 = lineBefore ? BOUNDARY : shape[i - 1];
      long sn1 = lineAfter ? BOUNDARY : shape[i + 1];
      int g = in.gazetteer[i];
      int gp = lineBefore ? -1 : in.gazetteer[i - 1];
      int gn = lineAfter ? -1 : in.gazetteer[i + 1];
      long sh = shape[i];
      out[o] = f(0, 0);
      out[o + 1] = f(1, word[i]);
      out[o + 2] = f(2, lower[i]);
      out[o + 3] = f(3, sh);
      int len = b - a;
      for (int k = 1; k <= 4; k++) {
        int m = Math.min(k, len);
        out[o + 3 + k] = f(3 + k, hash(s, a, a + m, true));
        out[o + 7 + k] = f(7 + k, hash(s, b - m, b, true));
      }
      out[o + 12] = f(12, p1);
      out[o + 13] = f(13, n1);
      out[o + 14] = f(14, p2);
      out[o + 15] = f(15, n2);
      out[o + 16] = f(16, s1, sh);
      out[o + 17] = f(17, sh, sn1);
      out[o + 18] = f(18, p1, lower[i]);
      out[o + 19] = f(19, lower[i], n1);
      out[o + 20] = f(20, gapBefore[i]);
      out[o + 21] = f(21, gapBefore[i + 1]);
      out[o + 22] = f(22, gapBefore[i], sh);
      out[o + 23] = f(23, g);
      out[o + 24] = f(24, gp);
      out[o + 25] = f(25, gn);
      out[o + 26] = f(26, capsLine[i] ? 1 : 0, sh);
      out[o + 27] = f(27, upperFirst[i] && lowerWords.contains(lower[i]) ? 1 : 0, sh);
      out[o + 28] = f(28, midCaps.contains(lower[i]) ? 1 : 0, capsLine[i] ? 1 : 0);
      out[o + 29] = f(29, p1, sh);
      out[o + 30] = f(30, sh, n1);
      int fc = firstCap.get(lower[i]);
      boolean fcLineBefore = fc >= 0 && (gapBefore[fc] & GAP_NEWLINE) != 0;
      boolean fcLineAfter = fc >= 0 && (gapBefore[fc + 1] & GAP_NEWLINE) != 0;
      out[o + 31] = f(31, fc < 0 ? 0 : fcLineBefore ? BOUNDARY : lower[fc - 1]);
      out[o + 32] = f(32, fc < 0 ? 0 : fcLineAfter ? BOUNDARY : lower[fc + 1]);
      out[o + 33] = f(33, fc < 0 ? 0 : shape[fc], capsLine[i] ? 1 : 0);
    }
    return out;
  }

  private static int gap(String s, int from, int to, boolean first) {
    if (first) {
      return GAP_NEWLINE;
    }
    if (from >= to) {
      return GAP_NONE;
    }
    int g = 0;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      switch (c) {
        case ' ', '\t', '\u00A0' -> g |= GAP_SPACE;
        case '\n', '\r' -> g |= GAP_NEWLINE;
        case '.', '!', '?' -> g |= GAP_STOP;
        case ',' -> g |= GAP_COMMA;
        case '(', '[', '{' -> g |= GAP_OPEN;
        case ')', ']', '}' -> g |= GAP_CLOSE;
        case '"', '\'', '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB' ->
            g |= GAP_QUOTE;
        case '-', '\u2013', '\u2014', '\u2010', '\u2011' -> g |= GAP_DASH;
        case ':', ';' -> g |= GAP_COLON;
        default -> g |= GAP_OTHER;
      }
    }
    return g;
  }

  /** The hash of the characters [from, to), lower-cased if asked. */
  static long hash(String s, int from, int to, boolean lower) {
    long h = 0xcbf29ce484222325L;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (lower) {
        c = Character.toLowerCase(c);
      }
      h = (h ^ c) * 0x100000001b3L;
    }
    return h;
  }

  /** Upper-case letters become X, lower-case x, digits d, other characters stay; runs collapse. */
  static long shapeHash(String s, int from, int to) {
    long h = 0xcbf29ce484222325L;
    char prev = 0;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      char cls;
      if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
        cls = 'X';
      } else if (Character.isLowerCase(c)) {
        cls = 'x';
      } else if (Character.isDigit(c)) {
        cls = 'd';
      } else {
        cls = c;
      }
      if (cls != prev) {
        h = (h ^ cls) * 0x100000001b3L;
        prev = cls;
      }
    }
    return h;
  }

  private static long f(int template, long value) {
    return mix(value * 31 + template + 0x9E3779B97F4A7C15L * (template + 1));
  }

  private static long f(int template, long a, long b) {
    return f(template, a * 0xff51afd7ed558ccdL + mix(b));
  }

  /** MurmurHash3's 64-bit finaliser. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** A small open-addressing set of longs, for the per-document word sets. */
  private static final class LongSet {
    private final long[] keys;
    private final boolean[] used;
    private final int mask;

    LongSet(int expected) {
      int cap = Integer.highestOneBit(Math.max(16, expected * 2 + 1)) << 1;
      keys = new long[cap];
      used = new boolean[cap];
      mask = cap - 1;
    }

    void add(long k) {
      int i = (int) mix(k) & mask;
      while (used[i]) {
        if (keys[i] == k) {
          return;
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      keys[i] = k;
    }

    boolean contains(long k) {
      int i = (int) mix(k) & mask;
      while (used[i]) {
        if (keys[i] == k) {
          return true;
        }
        i = (i + 1) & mask;
      }
      return false;
    }
  }
}
