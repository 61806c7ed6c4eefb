package org.newsmentions.entities;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Word tokens of one text with their offsets, case shape and lookup keys.
 *
 * <p>A token is a run of letters and digits; an apostrophe followed by letters stays inside it
 * ("d'Ivoire"), except a trailing possessive 's / ’s, which is cut off (the token's span ends
 * before it). Dotted abbreviations of single letters ("U.S.", "U.K.", "D.C.") are one token whose
 * key drops the dots. Hyphens split compounds ("China-Russia" is two tokens); the gap before each
 * token records whether a multi-word name may continue across it.
 */
final class Tokens {
  /** The gap before this token lets a multi-word name continue (same line, spaces, one comma). */
  static final int CONT = 1;

  /** The gap before this token is a single hyphen. */
  static final int HYPHEN = 2;

  /** First character is an upper-case letter. */
  static final int FIRST_UPPER = 4;

  /** Has letters and none of them is lower case. */
  static final int ALL_UPPER = 8;

  final String text;
  int size;
  int[] start;
  int[] end;
  int[] flags;
  private String[] keys;

  private Tokens(String text, int capacity) {
    this.text = text;
    this.start = new int[capacity];
    this.end = new int[capacity];
    this.flags = new int[capacity];
  }

  static Tokens of(String text) {
    Tokens t = new Tokens(text, Math.max(16, text.length() / 5));
    t.scan();
    return t;
  }

  boolean has(int i, int flag) {
    return (flags[i] & flag) != 0;
  }

  /** The normalised lookup key of token i: lower case, no accents, dots or apostrophes. */
  String key(int i) {
    if (keys == null) {
      keys = new String[size];
    }
    String k = keys[i];
    if (k == null) {
      k = normalize(text, start[i], end[i]);
      keys[i] = k;
    }
    return k;
  }

  private void scan() {
    final String s = text;
    final int n = s.length();
    int prevRawEnd = -1;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      int tokStart = i;
      int tokEnd;
      int rawEnd;
      int dotted = dottedEnd(s, i, n);
      if (dotted > 0) {
        tokEnd = dotted;
        rawEnd = dotted;
      } else {
        int j = i;
        tokEnd = -1;
        rawEnd = -1;
        while (j < n) {
          char ch = s.charAt(j);
          if (isWordChar(ch)) {
            j++;
          } else if (isApostrophe(ch) && j + 1 < n && Character.isLetter(s.charAt(j + 1))) {
            char after = s.charAt(j + 1);
            if ((after == 's' || after == 'S') && (j + 2 >= n || !isWordChar(s.charAt(j + 2)))) {
              tokEnd = j;
              rawEnd = j + 2;
              break;
            }
            j++;
          } else {
            break;
          }
        }
        if (tokEnd < 0) {
          if (j < n && s.charAt(j) == '+' && (j + 1 >= n || !isWordChar(s.charAt(j + 1)))) {
            j++; // "OPEC+", "BRICS+"
          }
          tokEnd = j;
          rawEnd = j;
        }
      }
      int gap = size == 0 ? 0 : gapFlags(s, start[size - 1], end[size - 1], prevRawEnd, tokStart);
      add(tokStart, tokEnd, gap | caseFlags(s, tokStart, tokEnd));
      prevRawEnd = rawEnd;
      i = rawEnd;
    }
  }

  private void add(int s, int e, int f) {
    if (size == start.length) {
      int cap = size * 2;
      start = Arrays.copyOf(start, cap);
      end = Arrays.copyOf(end, cap);
      flags = Arrays.copyOf(flags, cap);
    }
    start[size] = s;
    end[size] = e;
    flags[size] = f;
    size++;
  }

  /** End of a dotted abbreviation such as "U.S." starting at i, or -1. */
  private static int dottedEnd(String s, int i, int n) {
    int j = i;
    int letters = 0;
    while (j + 1 < n && Character.isLetter(s.charAt(j)) && s.charAt(j + 1) == '.') {
      letters++;
      j += 2;
      if (j < n && Character.isLetter(s.charAt(j)) && j + 1 < n && isWordChar(s.charAt(j + 1))) {
        // "U.Sam": the next letter starts a word, not another abbreviation letter
        break;
      }
    }
    if (letters >= 2 && (j >= n || !isWordChar(s.charAt(j)))) {
      return j;
    }
    return -1;
  }

  /**
   * Whether a name may continue from the previous token [prevStart, prevEnd) across the gap [from,
   * to): a single hyphen, spaces with at most one comma ("Washington, D.C."), or the dot of an
   * initial or "St." ("Donald J. Trump", "St. Petersburg"). Never across a line break or other
   * punctuation, so "Washington. State officials" is not Washington State.
   */
  private static int gapFlags(String s, int prevStart, int prevEnd, int from, int to) {
    int len = to - from;
    if (len == 1 && isHyphen(s.charAt(from))) {
      return CONT | HYPHEN;
    }
    int k = from;
    if (k < to
        && s.charAt(k) == '.'
        && prevEnd == from
        && isInitialOrSaint(s, prevStart, prevEnd)) {
      k++;
      if (k == to) {
        return 0;
      }
    }
    int commas = 0;
    for (; k < to; k++) {
      char c = s.charAt(k);
      if (c == ',') {
        commas++;
      } else if (c != ' ' && c != '\t' && c != '\u00A0') {
        return 0;
      }
    }
    return commas <= 1 ? CONT : 0;
  }

  private static boolean isInitialOrSaint(String s, int from, int to) {
    int len = to - from;
    if (len == 1) {
      return Character.isUpperCase(s.charAt(from));
    }
    return len == 2
        && (s.startsWith("St", from) || s.startsWith("Mt", from) || s.startsWith("Ft", from));
  }

  private static int caseFlags(String s, int from, int to) {
    int f = 0;
    char first = s.charAt(from);
    if (Character.isUpperCase(first) || Character.isTitleCase(first)) {
      f |= FIRST_UPPER;
    }
    boolean letters = false;
    boolean lower = false;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (Character.isLetter(c)) {
        letters = true;
        if (Character.isLowerCase(c)) {
          lower = true;
          break;
        }
      }
    }
    if (letters && !lower) {
      f |= ALL_UPPER;
    }
    return f;
  }

  static boolean isWordChar(char c) {
    return c < 128
        ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        : Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\u2018';
  }

  static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011';
  }

  /** Lookup key for the characters [from, to) of s. */
  static String normalize(String s, int from, int to) {
    boolean ascii = true;
    for (int k = from; k < to; k++) {
      if (s.charAt(k) >= 128) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      char[] buf = new char[to - from];
      int n = 0;
      for (int k = from; k < to; k++) {
        char c = s.charAt(k);
        if (c == '.' || c == '\'') {
          continue;
        }
        buf[n++] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
      }
      return new String(buf, 0, n);
    }
    String decomposed = Normalizer.normalize(s.substring(from, to), Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(decomposed.length());
    for (int k = 0; k < decomposed.length(); k++) {
      char c = decomposed.charAt(k);
      if (Character.getType(c) == Character.NON_SPACING_MARK || c == '.' || isApostrophe(c)) {
        continue;
      }
      switch (c) {
        case 'ł':
        case 'Ł':
          b.append('l');
          break;
        case 'đ':
        case 'Đ':
        case 'ð':
        case 'Ð':
          b.append('d');
          break;
        case 'ø':
        case 'Ø':
          b.append('o');
          break;
        case 'ß':
          b.append("ss");
          break;
        case 'æ':
        case 'Æ':
          b.append("ae");
          break;
        case 'œ':
        case 'Œ':
          b.append("oe");
          break;
        case 'ı':
          b.append('i');
          break;
        case 'þ':
        case 'Þ':
          b.append("th");
          break;
        default:
          b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }
}
