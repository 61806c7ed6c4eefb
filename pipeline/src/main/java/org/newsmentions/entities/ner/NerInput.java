package org.newsmentions.entities.ner;

/**
 * The tagger's view of one text: word tokens as character ranges of {@code text}, and what the
 * gazetteer matched on each token ({@link #gazetteer}, 0 for nothing). Tokens are the entity
 * stage's: runs of letters and digits, punctuation left in the gaps between them.
 */
public final class NerInput {
  /** No gazetteer match on the token. */
  public static final byte GAZ_NONE = 0;

  final String text;
  final int size;
  final int[] start;
  final int[] end;
  final byte[] gazetteer;

  /**
   * @param gazetteer per token, a small code of the gazetteer match covering it (its kind and
   *     whether the token starts the match), or {@link #GAZ_NONE}; may be null
   */
  public NerInput(String text, int size, int[] start, int[] end, byte[] gazetteer) {
    if (size > start.length || size > end.length) {
      throw new IllegalArgumentException("size " + size + " exceeds the token arrays");
    }
    this.text = text;
    this.size = size;
    this.start = start;
    this.end = end;
    this.gazetteer = gazetteer == null ? new byte[size] : gazetteer;
  }

  public int size() {
    return size;
  }

  public int start(int i) {
    return start[i];
  }

  public int end(int i) {
    return end[i];
  }

  public String text() {
    return text;
  }
}
