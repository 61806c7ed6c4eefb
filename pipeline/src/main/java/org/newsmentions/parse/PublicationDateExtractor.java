package org.newsmentions.parse;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsmentions.schema.DateSource;

/**
 * Finds when an article was published: from the scraper's {@code date} header, else the JSON
 * metadata, else a byline or dateline in the text.
 *
 * <p>Only byline-like lines are read (short lines near the top or bottom, lines led by
 * Updated/Published/Posted/Created, datelines), never body prose, so "talks from May 7 to May 10"
 * or a phone number is not taken for a publication date. A date that is impossible or later than
 * the clock allows is not used; it is reported so the pipeline can count it. The result is the true
 * date or nothing, never a guess: relative wording ("yesterday") gives nothing.
 */
public final class PublicationDateExtractor implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What was found: the instant and where it came from, and any date that was refused. */
  public record DateFinding(Instant published, DateSource from, String rejected) {
    public DateFinding {
      Objects.requireNonNull(from);
    }

    static DateFinding none(String rejected) {
      return new DateFinding(null, DateSource.none, rejected);
    }
  }

  /** How many lines at each end of the text are read for bare dates. */
  static final int EDGE_LINES = 8;

  /** Bylines are short; a longer line is prose. */
  static final int MAX_BYLINE_CHARS = 200;

  private static final String MONTH =
      "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?!\\p{L})";
  private static final String WEEKDAY =
      "(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\\.?,?\\s+";
  private static final String ORDINAL = "(?i:st|nd|rd|th)?";
  private static final String TZ =
      "(?:(?:UTC|GMT)(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?|Z|IST|EST|EDT|ET|PST|PDT|PT|MST|MDT"
          + "|CEST|CET|EEST|EET|WEST|WET|BST|MSK|JST|KST|HKT|SGT|AEST|AEDT|WIB|EAT|WAT|CAT"
          + "|SAST|PKT|[+-]\\d{2}:?\\d{2})(?![A-Za-z])";

  private static final String DATE_CORE =
      "(?<![\\p{L}\\p{N}])(?:"
          + "(?<td>\\d{1,2})"
          + ORDINAL
          + "\\s+(?:of\\s+)?(?<tm>"
          + MONTH
          + ")\\.?,?\\s+(?<ty>\\d{4})"
          + "|(?<um>"
          + MONTH
          + ")\\.?\\s+(?<ud>\\d{1,2})"
          + ORDINAL
          + ",?\\s+(?<uy>\\d{4})"
          + "|(?<iy>\\d{4})(?<isep>[-/.])(?<im>\\d{1,2})\\k<isep>(?<id>\\d{1,2})"
          + "|(?<na>\\d{1,2})(?<nsep>[-/.])(?<nb>\\d{1,2})\\k<nsep>(?<ny>\\d{4})"
          + ")(?!\\p{N})";

  private static final String TIME =
      "(?:\\s*(?:,|/|\\||-|–|—|(?i:at)|@|T)?\\s*(?<hh>\\d{1,2}):(?<mi>\\d{2})"
          + "(?::(?<ss>\\d{2})(?:[.,]\\d{1,9})?)?(?!\\d)"
          + "\\s*(?<ap>(?i:[ap]\\.?m\\.?)(?![A-Za-z]))?"
          + "(?:\\s*\\(?(?<tz>"
          + TZ
          + ")\\)?)?)?";

  /** A date with an optional weekday before it and an optional time and zone after it. */
  static final Pattern DATE = Pattern.compile("(?:" + WEEKDAY + ")?" + DATE_CORE + TIME);

  /** Byline keywords; the date must follow right after. */
  private static final Pattern KEYWORD =
      Pattern.compile(
          "(?:^|[|•·;,]\\s*|\\s{2,})(?<kw>(?i:(?:last\\s+)?(?:updated|published|posted|created"
              + "|modified|date[d]?)))(?:\\s+(?i:on|at))?\\s*:?\\s*");

  /** "MOSCOW, May 8, 2025 (Agency) -" at the start of a paragraph. */
  private static final Pattern DATELINE =
      Pattern.compile(
          "^[A-Z][A-Za-z.' -]{1,40},\\s*(?<date>(?:"
              + WEEKDAY
              + ")?"
              + DATE_CORE
              + ")\\s*(?:\\([^)]{1,40}\\))?\\s*[-–—:]");

  private static final Pattern BY = Pattern.compile("^(?i:by)\\s");
  private static final Pattern SEGMENT_SPLIT = Pattern.compile("\\s*[|•·]\\s*");
  private static final Pattern TRAILING_DOTS = Pattern.compile("[.\\s]+$");
  private static final Pattern LEADING_ON = Pattern.compile("^(?i:on|dated?)\\s*:?\\s+");

  private static final Pattern ISO =
      Pattern.compile(
          "^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
              + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?$");

  private static final Pattern OFFSET =
      Pattern.compile("^(?:UTC|GMT)?([+-])(\\d{1,2})(?::?(\\d{2}))?$");

  private static final Map<String, ZoneId> ZONES =
      Map.ofEntries(
          Map.entry("Z", ZoneOffset.UTC),
          Map.entry("UTC", ZoneOffset.UTC),
          Map.entry("GMT", ZoneOffset.UTC),
          Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)),
          Map.entry("ET", ZoneId.of("America/New_York")),
          Map.entry("EST", ZoneOffset.ofHours(-5)),
          Map.entry("EDT", ZoneOffset.ofHours(-4)),
          Map.entry("PT", ZoneId.of("America/Los_Angeles")),
          Map.entry("PST", ZoneOffset.ofHours(-8)),
          Map.entry("PDT", ZoneOffset.ofHours(-7)),
          Map.entry("MST", ZoneOffset.ofHours(-7)),
          Map.entry("MDT", ZoneOffset.ofHours(-6)),
          Map.entry("CET", ZoneOffset.ofHours(1)),
          Map.entry("CEST", ZoneOffset.ofHours(2)),
          Map.entry("EET", ZoneOffset.ofHours(2)),
          Map.entry("EEST", ZoneOffset.ofHours(3)),
          Map.entry("WET", ZoneOffset.UTC),
          Map.entry("WEST", ZoneOffset.ofHours(1)),
          Map.entry("BST", ZoneOffset.ofHours(1)),
          Map.entry("MSK", ZoneOffset.ofHours(3)),
          Map.entry("JST", ZoneOffset.ofHours(9)),
          Map.entry("KST", ZoneOffset.ofHours(9)),
          Map.entry("HKT", ZoneOffset.ofHours(8)),
          Map.entry("SGT", ZoneOffset.ofHours(8)),
          Map.entry("AEST", ZoneOffset.ofHours(10)),
          Map.entry("AEDT", ZoneOffset.ofHours(11)),
          Map.entry("WIB", ZoneOffset.ofHours(7)),
          Map.entry("EAT", ZoneOffset.ofHours(3)),
          Map.entry("WAT", ZoneOffset.ofHours(1)),
          Map.entry("CAT", ZoneOffset.ofHours(2)),
          Map.entry("SAST", ZoneOffset.ofHours(2)),
          Map.entry("PKT", ZoneOffset.ofHours(5)));

  private final ParserSettings settings;

  public PublicationDateExtractor(ParserSettings settings) {
    this.settings = Objects.requireNonNull(settings);
  }

  /**
   * Picks the publication date, by priority header, then metadata, then byline. A source whose date
   * is impossible or in the future is skipped (and reported in {@link DateFinding#rejected()}) and
   * the next source is tried.
   *
   * @param headerDate the {@code YYYY-MM-DD} of a raw-text header, or null
   * @param metadataDate a JSON {@code date_publish} value, or null
   * @param lines the text's lines in order, boilerplate included but teaser lists left out (their
   *     dates belong to other articles)
   * @param outlet the outlet key, which decides day-first or month-first numeric dates
   */
  public DateFinding find(
      String headerDate, String metadataDate, List<String> lines, String outlet) {
    String rejected = null;
    if (headerDate != null && !headerDate.isBlank()) {
      Parsed p = parseIso(headerDate.strip());
      if (p != null) {
        if (acceptable(p)) {
          return new DateFinding(p.instant, DateSource.header, null);
        }
        rejected = p.text;
      }
    }
    if (metadataDate != null && !metadataDate.isBlank()) {
      Parsed p = parseMetadata(metadataDate, outlet);
      if (p != null) {
        if (acceptable(p)) {
          return new DateFinding(p.instant, DateSource.metadata, rejected);
        }
        rejected = rejected != null ? rejected : p.text;
      }
    }
    if (lines != null) {
      for (Parsed p : bylineDates(lines, outlet)) {
        if (acceptable(p)) {
          return new DateFinding(p.instant, DateSource.byline, rejected);
        }
        rejected = rejected != null ? rejected : p.text;
      }
    }
    return DateFinding.none(rejected);
  }

  /**
   * Parses a metadata date: {@code 2025-05-08 09:14:00}, ISO-8601 with {@code T}, {@code Z} or an
   * offset, fractional seconds, a date alone, or a written date ("May 8, 2025"). Null when the
   * value is not a date at all; a {@link Parsed} with no instant when it is shaped like a date but
   * impossible.
   */
  Parsed parseMetadata(String value, String outlet) {
    String v = value.strip();
    Parsed iso = parseIso(v);
    if (iso != null) {
      return iso;
    }
    String trimmed = TRAILING_DOTS.matcher(v).replaceFirst("");
    Matcher m = DATE.matcher(trimmed);
    if (m.matches()) {
      return fromMatch(m, outlet);
    }
    try {
      return new Parsed(Instant.parse(v), v);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Candidate dates from byline-like lines, best first. */
  List<Parsed> bylineDates(List<String> lines, String outlet) {
    record Candidate(int rank, int line, Parsed parsed) {}
    List<Candidate> found = new ArrayList<>();
    List<String> nonBlank = lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    int n = nonBlank.size();
    for (int i = 0; i < n; i++) {
      String line = nonBlank.get(i);
      if (line.length() > MAX_BYLINE_CHARS) {
        continue;
      }
      Matcher k = KEYWORD.matcher(line);
      int from = 0;
      while (from < line.length() && k.find(from)) {
        Matcher d = DATE.matcher(line);
        d.region(k.end(), line.length());
        if (d.lookingAt()) {
          String kw = k.group("kw").toLowerCase(Locale.ROOT);
          int rank = kw.contains("updated") || kw.contains("modified") ? 2 : 1;
          found.add(new Candidate(rank, i, fromMatch(d, outlet)));
        }
        from = Math.max(k.end(), k.start() + 1);
      }
      boolean atEdge = i < EDGE_LINES || i >= n - EDGE_LINES;
      boolean bylineShaped = BY.matcher(line).find() || line.indexOf('|') >= 0;
      if ((atEdge || bylineShaped) && line.length() <= 120) {
        for (String segment : SEGMENT_SPLIT.split(line)) {
          String s = LEADING_ON.matcher(segment.strip()).replaceFirst("");
          s = TRAILING_DOTS.matcher(s).replaceFirst("");
          Matcher d = DATE.matcher(s);
          if (d.matches()) {
            found.add(new Candidate(1, i, fromMatch(d, outlet)));
          }
        }
      }
      if (i < EDGE_LINES) {
        Matcher dl = DATELINE.matcher(line);
        if (dl.find()) {
          Matcher d = DATE.matcher(dl.group("date"));
          if (d.matches()) {
            found.add(new Candidate(1, i, fromMatch(d, outlet)));
          }
        }
      }
    }
    return found.stream()
        .sorted(Comparator.comparingInt(Candidate::rank).thenComparingInt(Candidate::line))
        .map(Candidate::parsed)
        .toList();
  }

  private boolean acceptable(Parsed p) {
    if (p.instant == null) {
      return false;
    }
    Instant latest = settings.clock().instant().plus(settings.futureTolerance());
    return !p.instant.isAfter(latest);
  }

  /** A parsed date: the instant, or null when the text names an impossible date. */
  record Parsed(Instant instant, String text) {}

  static Parsed parseIso(String v) {
    Matcher m = ISO.matcher(v);
    if (!m.matches()) {
      return null;
    }
    try {
      int y = Integer.parseInt(m.group(1));
      int mo = Integer.parseInt(m.group(2));
      int d = Integer.parseInt(m.group(3));
      LocalDate date = date(y, mo, d);
      if (date == null) {
        return new Parsed(null, v);
      }
      if (m.group(4) == null) {
        return new Parsed(date.atStartOfDay(ZoneOffset.UTC).toInstant(), v);
      }
      int hh = Integer.parseInt(m.group(4));
      int mi = Integer.parseInt(m.group(5));
      int ss = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      int nanos = 0;
      if (m.group(7) != null) {
        String frac = (m.group(7) + "000000000").substring(0, 9);
        nanos = Integer.parseInt(frac);
      }
      ZoneId zone = zone(m.group(8));
      if (zone == null) {
        return new Parsed(null, v);
      }
      LocalDateTime ldt = date.atTime(hh, mi, ss, nanos);
      return new Parsed(ldt.atZone(zone).toInstant(), v);
    } catch (DateTimeException | NumberFormatException e) {
      return new Parsed(null, v);
    }
  }

  private Parsed fromMatch(Matcher m, String outlet) {
    String text = m.group().strip();
    int y;
    int mo;
    int d;
    if (m.group("td") != null) {
      d = Integer.parseInt(m.group("td"));
      mo = month(m.group("tm"));
      y = Integer.parseInt(m.group("ty"));
    } else if (m.group("um") != null) {
      d = Integer.parseInt(m.group("ud"));
      mo = month(m.group("um"));
      y = Integer.parseInt(m.group("uy"));
    } else if (m.group("iy") != null) {
      y = Integer.parseInt(m.group("iy"));
      mo = Integer.parseInt(m.group("im"));
      d = Integer.parseInt(m.group("id"));
    } else {
      int a = Integer.parseInt(m.group("na"));
      int b = Integer.parseInt(m.group("nb"));
      y = Integer.parseInt(m.group("ny"));
      if (a > 12 && b > 12) {
        return new Parsed(null, text);
      } else if (a > 12) {
        d = a;
        mo = b;
      } else if (b > 12) {
        mo = a;
        d = b;
      } else if (settings.monthFirst(outlet)) {
        mo = a;
        d = b;
      } else {
        d = a;
        mo = b;
      }
    }
    LocalDate date = date(y, mo, d);
    if (date == null) {
      return new Parsed(null, text);
    }
    if (m.group("hh") == null) {
      return new Parsed(date.atStartOfDay(ZoneOffset.UTC).toInstant(), text);
    }
    int hh = Integer.parseInt(m.group("hh"));
    int mi = Integer.parseInt(m.group("mi"));
    int ss = m.group("ss") == null ? 0 : Integer.parseInt(m.group("ss"));
    String ap = m.group("ap");
    if (ap != null) {
      if (hh < 1 || hh > 12) {
        return new Parsed(null, text);
      }
      boolean pm = Character.toLowerCase(ap.charAt(0)) == 'p';
      hh = hh % 12 + (pm ? 12 : 0);
    }
    if (hh > 23 || mi > 59 || ss > 59) {
      return new Parsed(null, text);
    }
    ZoneId zone = zone(m.group("tz"));
    if (zone == null) {
      return new Parsed(null, text);
    }
    return new Parsed(date.atTime(hh, mi, ss).atZone(zone).toInstant(), text);
  }

  /** The date, or null when it does not exist (month 13, 30 February, year before 1900). */
  private static LocalDate date(int y, int mo, int d) {
    if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) {
      return null;
    }
    LocalDate first = LocalDate.of(y, mo, 1);
    if (d > first.lengthOfMonth()) {
      return null;
    }
    return first.withDayOfMonth(d);
  }

  private static int month(String name) {
    String m = name.toLowerCase(Locale.ROOT).substring(0, 3);
    return switch (m) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      case "dec" -> 12;
      default -> throw new IllegalArgumentException("not a month: " + name);
    };
  }

  /** The zone for a time-zone name or offset; UTC when there is none; null for a bad offset. */
  static ZoneId zone(String tz) {
    if (tz == null || tz.isBlank()) {
      return ZoneOffset.UTC;
    }
    String t = tz.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    ZoneId named = ZONES.get(t);
    if (named != null) {
      return named;
    }
    Matcher m = OFFSET.matcher(t);
    if (m.matches()) {
      int sign = m.group(1).equals("-") ? -1 : 1;
      int h = Integer.parseInt(m.group(2));
      int mi = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      try {
        return ZoneOffset.ofHoursMinutes(sign * h, sign * mi);
      } catch (DateTimeException e) {
        return null;
      }
    }
    return ZoneOffset.UTC;
  }
}
