package org.newsmentions.options;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.time.Duration;

/**
 * Parses human durations such as {@code 1d}, {@code 6h}, {@code 15m}, {@code 30s}, {@code 1d12h}.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)\\s*(ms|d|h|m|s)");

  private Durations() {}

  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty duration; use forms like 1d, 6h, 15m, 30s");
    }
    String s = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = PART.matcher(s);
    long millis = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      long n = Long.parseLong(m.group(1));
      millis +=
          switch (m.group(2)) {
            case "d" -> n * 86_400_000L;
            case "h" -> n * 3_600_000L;
            case "m" -> n * 60_000L;
            case "s" -> n * 1_000L;
            default -> n;
          };
      end = m.end();
    }
    if (end != s.length() || end == 0) {
      throw new IllegalArgumentException(
          "cannot read duration '" + text + "'; use forms like 1d, 6h, 15m, 30s, 1d12h");
    }
    return Duration.millis(millis);
  }
}
