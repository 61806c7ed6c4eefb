package org.newsmentions.dedup;

/** How copies of one story are recognised. */
public enum DedupMode {
  /** Every article counts. */
  OFF,
  /** Only articles whose normalised clean body is identical. */
  EXACT,
  /** MinHash over word shingles with LSH banding, verified by estimated Jaccard similarity. */
  NEAR
}
