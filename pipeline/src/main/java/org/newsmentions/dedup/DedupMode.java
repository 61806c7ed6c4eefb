package org.newsmentions.dedup;

import java.util.Locale;

/** How copies of one story are recognised. */
public enum DedupMode {
  /** Every article counts. */
  OFF,
  /** Only articles whose normalised clean body is identical. */
  EXACT,
  /** MinHash over word shingles with LSH banding, verified by estimated Jaccard similarity. */
  NEAR;

  public static DedupMode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("--dedup must be off, exact or near, not '" + text + "'");
    }
  }
}
