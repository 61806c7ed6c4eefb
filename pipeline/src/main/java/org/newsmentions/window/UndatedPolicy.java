package org.newsmentions.window;

import java.util.Locale;

/** What happens to articles with no trustworthy publication date. */
public enum UndatedPolicy {
  /** Written to articles/ and deduplicated among themselves, but counted in no window. */
  SKIP,
  /** Windowed by the time they were read, for live feeds where that is a fair proxy. */
  INGEST_TIME;

  public static UndatedPolicy parse(String text) {
    return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
      case "skip" -> SKIP;
      case "ingest-time", "ingest_time" -> INGEST_TIME;
      default ->
          throw new IllegalArgumentException(
              "--undated must be skip or ingest-time, not '" + text + "'");
    };
  }
}
