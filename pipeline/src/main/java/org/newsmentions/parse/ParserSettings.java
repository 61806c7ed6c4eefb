package org.newsmentions.parse;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** What the parser needs from the outside world: a clock, size limits and per-outlet date order. */
public final class ParserSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default cap on one article's raw bytes; larger records are dead-lettered as oversize. */
  public static final int DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

  /** Dates later than now plus this are treated as no date. */
  public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofDays(2);

  private final Clock clock;
  private final int maxArticleBytes;
  private final Duration futureTolerance;
  private final Map<String, Boolean> monthFirstOutlets;

  public ParserSettings(
      Clock clock,
      int maxArticleBytes,
      Duration futureTolerance,
      Map<String, Boolean> monthFirstOutlets) {
    this.clock = Objects.requireNonNull(clock);
    this.maxArticleBytes = maxArticleBytes;
    this.futureTolerance = Objects.requireNonNull(futureTolerance);
    this.monthFirstOutlets = Map.copyOf(monthFirstOutlets);
  }

  public static ParserSettings defaults() {
    return new ParserSettings(
        Clock.systemUTC(), DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_FUTURE_TOLERANCE, Map.of());
  }

  public ParserSettings withClock(Clock newClock) {
    return new ParserSettings(newClock, maxArticleBytes, futureTolerance, monthFirstOutlets);
  }

  public ParserSettings withMaxArticleBytes(int bytes) {
    return new ParserSettings(clock, bytes, futureTolerance, monthFirstOutlets);
  }

  public Clock clock() {
    return clock;
  }

  public int maxArticleBytes() {
    return maxArticleBytes;
  }

  public Duration futureTolerance() {
    return futureTolerance;
  }

  /**
   * True when the outlet writes ambiguous numeric dates month first (04-05-2025 = April 5). The
   * default, for outlets not listed, is day first.
   */
  public boolean monthFirst(String outlet) {
    return outlet != null && monthFirstOutlets.getOrDefault(outlet, false);
  }
}
