package org.newsmentions.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text normalisation and token multisets for comparing predictions with gold. */
final class Texts {
  private Texts() {}

  /** Whitespace collapsed, trimmed, NFC. */
  static String norm(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").trim();
  }

  /** Lowercase, accents removed, letters and digits only, single spaces. */
  static String key(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  static Map<String, Integer> tokens(String s) {
    Map<String, Integer> out = new HashMap<>();
    for (String t : key(s).split(" ")) {
      if (!t.isEmpty()) {
        out.merge(t, 1, Integer::sum);
      }
    }
    return out;
  }

  static int size(Map<String, Integer> bag) {
    int n = 0;
    for (int v : bag.values()) {
      n += v;
    }
    return n;
  }

  static int overlap(Map<String, Integer> a, Map<String, Integer> b) {
    int n = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      n += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
    }
    return n;
  }

  /** Non-blank lines of a text, normalised. */
  static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    for (String l : s.split("\n")) {
      String n = norm(l);
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }

  static int occurrences(String haystack, String needle) {
    if (needle.isEmpty()) {
      return 0;
    }
    int n = 0;
    for (int i = haystack.indexOf(needle);
        i >= 0;
        i = haystack.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  static double ratio(double num, double den) {
    return den == 0 ? 1.0 : num / den;
  }
}
