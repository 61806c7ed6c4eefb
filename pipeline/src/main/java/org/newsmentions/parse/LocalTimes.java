package org.newsmentions.parse;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * How {@code published_local} writes a time as its source gave it: ISO-8601 with seconds always
 * written and the offset when one was given ({@code 2025-05-12T09:45:00-04:00}, {@code
 * 2025-05-12T09:45:00}); the same for the text and HTML paths.
 */
public final class LocalTimes {
  private static final DateTimeFormatter NO_OFFSET =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter WITH_OFFSET =
      new DateTimeFormatterBuilder().append(NO_OFFSET).appendOffsetId().toFormatter(Locale.ROOT);

  private LocalTimes() {}

  public static String format(OffsetDateTime t) {
    return t.format(WITH_OFFSET);
  }

  public static String format(LocalDateTime t) {
    return t.format(NO_OFFSET);
  }
}
