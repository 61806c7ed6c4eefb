package org.newsmentions.entities.ner;

/** The CoNLL-2003 name types the tagger knows. MISC is recognised but names nothing we count. */
public enum NerType {
  PER,
  LOC,
  ORG,
  MISC;

  private static final NerType[] VALUES = values();

  /** Label ids: 0 is O; B-type is 1 + 2 * ordinal, I-type is 2 + 2 * ordinal. */
  static final int LABELS = 1 + 2 * VALUES.length;

  static int begin(NerType t) {
    return 1 + 2 * t.ordinal();
  }

  static int inside(NerType t) {
    return 2 + 2 * t.ordinal();
  }

  /** The type of a label id, or null for O. */
  static NerType of(int label) {
    return label == 0 ? null : VALUES[(label - 1) / 2];
  }

  static boolean isBegin(int label) {
    return label != 0 && (label - 1) % 2 == 0;
  }

  static String labelName(int label) {
    NerType t = of(label);
    return t == null ? "O" : (isBegin(label) ? "B-" : "I-") + t.name();
  }
}
