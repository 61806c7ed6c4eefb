package org.newsmentions.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** What the parser needs from the outside world: a clock, size limits and per-outlet date order. */
public final class ParserSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default cap on one article's raw bytes; larger records are dead-lettered as oversize. */
  public static final int DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

  /**
   * Default cap on one raw HTML page (a file, a WARC record, a JSON line carrying an {@code html}
   * field). Real pages run to several MB of scripts and markup around a few KB of text, so pages
   * get a larger limit of their own; the text extracted from them is still bounded by {@link
   * #DEFAULT_MAX_ARTICLE_BYTES}.
   */
  public static final int DEFAULT_MAX_PAGE_BYTES = 16 * 1024 * 1024;

  /** Dates later than now plus this are treated as no date. */
  public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofDays(2);

  private final Clock clock;
  private final int maxArticleBytes;
  private final int maxPageBytes;
  private final Duration futureTolerance;
  private final Map<String, Boolean> monthFirstOutlets;

  private ParserSettings(
      Clock clock,
      int maxArticleBytes,
      int maxPageBytes,
      Duration futureTolerance,
      Map<String, Boolean> monthFirstOutlets) {
    this.clock = Objects.requireNonNull(clock);
    this.maxArticleBytes = maxArticleBytes;
    this.maxPageBytes = maxPageBytes;
    this.futureTolerance = Objects.requireNonNull(futureTolerance);
    this.monthFirstOutlets = Map.copyOf(monthFirstOutlets);
  }

  /** The bundled per-outlet date order, outlet key to month-first. */
  static final String DATE_ORDER_RESOURCE = "date-order.tsv";

  /** The system clock, the default limits and the bundled per-outlet date order. */
  public static ParserSettings defaults() {
    return new ParserSettings(
        Clock.systemUTC(),
        DEFAULT_MAX_ARTICLE_BYTES,
        DEFAULT_MAX_PAGE_BYTES,
        DEFAULT_FUTURE_TOLERANCE,
        BundledDateOrder.MONTH_FIRST);
  }

  /**
   * The defaults with a user's date-order file laid over the bundled one: its lines ({@code
   * outlet<TAB>month-first|day-first}, {@code #} comments) replace the bundled entry for the same
   * outlet.
   *
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when a line is malformed (the message names the line)
   */
  public static ParserSettings withDateOrderFile(Path file) {
    Objects.requireNonNull(file, "file");
    Map<String, Boolean> merged = new HashMap<>(BundledDateOrder.MONTH_FIRST);
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      merged.putAll(readDateOrder(r, file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read date-order file " + file, e);
    }
    return defaults().withDateOrder(merged);
  }

  /** These settings with exactly this date order (outlet key to month-first). */
  public ParserSettings withDateOrder(Map<String, Boolean> monthFirstByOutlet) {
    return new ParserSettings(
        clock, maxArticleBytes, maxPageBytes, futureTolerance, monthFirstByOutlet);
  }

  /**
   * Reads a date-order table: {@code outlet<TAB>month-first} or {@code day-first}; blank lines and
   * {@code #} comments skipped. The outlet may be a key, a name or a domain; it is reduced to the
   * parser's outlet key.
   */
  static Map<String, Boolean> readDateOrder(Reader reader, String source) throws IOException {
    OutletResolver outlets = new OutletResolver();
    Map<String, Boolean> map = new HashMap<>();
    BufferedReader r = new BufferedReader(reader);
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\\t+|\\s{2,}");
      String key = parts.length == 2 ? outlets.fromName(parts[0]) : null;
      String order = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "";
      if (key == null || !(order.equals("month-first") || order.equals("day-first"))) {
        throw new IllegalArgumentException(
            source
                + ":"
                + n
                + ": expected 'outlet<TAB>month-first' or 'outlet<TAB>day-first', got: "
                + line);
      }
      map.put(key, order.equals("month-first"));
    }
    return map;
  }

  /** Loaded once per JVM, on first use. */
  private static final class BundledDateOrder {
    static final Map<String, Boolean> MONTH_FIRST = load();

    private static Map<String, Boolean> load() {
      try (InputStream in = ParserSettings.class.getResourceAsStream(DATE_ORDER_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + DATE_ORDER_RESOURCE);
        }
        return Map.copyOf(
            readDateOrder(new InputStreamReader(in, StandardCharsets.UTF_8), DATE_ORDER_RESOURCE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** These settings with another clock. */
  public ParserSettings withClock(Clock newClock) {
    return new ParserSettings(
        newClock, maxArticleBytes, maxPageBytes, futureTolerance, monthFirstOutlets);
  }

  public ParserSettings withMaxArticleBytes(int bytes) {
    return new ParserSettings(clock, bytes, maxPageBytes, futureTolerance, monthFirstOutlets);
  }

  /** These settings with another cap on one raw HTML page. */
  public ParserSettings withMaxPageBytes(int bytes) {
    return new ParserSettings(clock, maxArticleBytes, bytes, futureTolerance, monthFirstOutlets);
  }

  /** These settings with another tolerance for dates later than the clock's now. */
  public ParserSettings withFutureTolerance(Duration tolerance) {
    return new ParserSettings(clock, maxArticleBytes, maxPageBytes, tolerance, monthFirstOutlets);
  }

  public int maxPageBytes() {
    return maxPageBytes;
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
