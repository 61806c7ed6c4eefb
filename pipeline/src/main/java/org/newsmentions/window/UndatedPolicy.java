package org.newsmentions.window;

/** What happens to articles with no trustworthy publication date. */
public enum UndatedPolicy {
  /** Written to articles/ and deduplicated among themselves, but counted in no window. */
  SKIP,
  /** Windowed by the time they were read, for live feeds where that is a fair proxy. */
  INGEST_TIME
}
