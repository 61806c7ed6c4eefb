package org.newsmentions.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

/**
 * Finds which of up to 64 groups of literals occur in a text, in one pass (an Aho-Corasick
 * automaton over ASCII letters and parentheses, case-insensitive for ASCII as {@code (?i)} is).
 *
 * <p>The cleaner uses it as a prefilter: each of its regular expressions can only match a line that
 * contains one of the literals of its group, so a line whose scan lacks the group's bit is known
 * not to match without running the expression.
 */
final class LiteralScanner {
  /** Symbols: 0 for a character no literal uses, 1-26 for a-z (either case), 27 '(', 28 ')'. */
  private static final int SYMBOLS = 29;

  private final int[] next; // state * SYMBOLS + symbol -> state (a complete automaton)
  private final long[] found; // state -> groups with a literal ending here

  /**
   * @param groups group i's literals: lowercase ASCII letters and parentheses only
   */
  LiteralScanner(List<List<String>> groups) {
    if (groups.size() > 64) {
      throw new IllegalArgumentException("at most 64 groups");
    }
    List<int[]> trie = new ArrayList<>();
    List<Long> out = new ArrayList<>();
    trie.add(newRow());
    out.add(0L);
    for (int g = 0; g < groups.size(); g++) {
      for (String literal : groups.get(g)) {
        if (literal.isEmpty() || !literal.equals(literal.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("literal must be non-empty lowercase: " + literal);
        }
        int state = 0;
        for (int i = 0; i < literal.length(); i++) {
          int sym = symbol(literal.charAt(i));
          if (sym == 0) {
            throw new IllegalArgumentException("unsupported character in " + literal);
          }
          if (trie.get(state)[sym] < 0) {
            trie.get(state)[sym] = trie.size();
            trie.add(newRow());
            out.add(0L);
          }
          state = trie.get(state)[sym];
        }
        out.set(state, out.get(state) | 1L << g);
      }
    }
    int n = trie.size();
    next = new int[n * SYMBOLS];
    found = new long[n];
    int[] fail = new int[n];
    for (int s = 0; s < n; s++) {
      found[s] = out.get(s);
    }
    Queue<Integer> queue = new ArrayDeque<>();
    for (int sym = 0; sym < SYMBOLS; sym++) {
      int t = trie.get(0)[sym];
      if (t < 0) {
        next[sym] = 0;
      } else {
        next[sym] = t;
        fail[t] = 0;
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.remove();
      found[s] |= found[fail[s]];
      for (int sym = 0; sym < SYMBOLS; sym++) {
        int t = trie.get(s)[sym];
        if (t < 0) {
          next[s * SYMBOLS + sym] = next[fail[s] * SYMBOLS + sym];
        } else {
          next[s * SYMBOLS + sym] = t;
          fail[t] = next[fail[s] * SYMBOLS + sym];
          queue.add(t);
        }
      }
    }
  }

  private static int[] newRow() {
    int[] row = new int[SYMBOLS];
    Arrays.fill(row, -1);
    return row;
  }

  private static int symbol(char c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 1;
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 1;
    }
    if (c == '(') {
      return 27;
    }
    if (c == ')') {
      return 28;
    }
    return 0;
  }

  /** The groups (bit i for group i) one of whose literals occurs in the text. */
  long scan(CharSequence text) {
    int state = 0;
    long groups = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      state = next[state * SYMBOLS + symbol(text.charAt(i))];
      groups |= found[state];
    }
    return groups;
  }
}
