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
  public record DateFinding(Instant published, String local, DateSource from, String rejected) {
    public DateFinding {
      Objects.requireNonNull(from);
    }

    static DateFinding none(String rejected) {
      return new DateFinding(null, null, DateSource.none, rejected);
    }

    static DateFinding of(Parsed p, DateSource from, String rejected) {
      return new DateFinding(p.instant, p.local, from, rejected);
    }
  }

  /** How many lines at each end of the text are read for bare dates. */
  static final int EDGE_LINES = 8;

  /** Bylines are short; a longer line is prose. */
  static final int MAX_BYLINE_CHARS = 200;

  /** Dates before this day are not publication dates of web pages (the first web page's day). */
  public static final LocalDate EARLIEST = LocalDate.of(1991, 8, 6);

  private static final String MONTH =
      "(?iu:"
          + DateForms.alternatives(
              DateForms.MONTHS_BY_LANGUAGE.values().stream().flatMap(List::stream).toList())
          + ")(?!\\p{L})";
  private static final String WEEKDAY_NAME =
      "(?iu:" + DateForms.alternatives(DateForms.WEEKDAYS) + ")(?![\\p{L}-])";
  private static final String WEEKDAY = WEEKDAY_NAME + "\\.?,?\\s+";

  /** A weekday after the date: "7. November 2023, Dienstag", "2023年11月7日（火）". */
  private static final String WEEKDAY_AFTER =
      "(?:\\s*(?:,\\s*|\\(\\s*)" + WEEKDAY_NAME + "\\.?\\)?|\\s*[（(][月火水木金土日][)）])?";

  private static final String ORDINAL = "(?:\\.|º|°|er|(?i:st|nd|rd|th))?";
  private static final String TZ =
      "(?:(?:UTC|GMT)\\s*[+-]\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}|"
          + DateForms.alternatives(DateForms.ZONES.keySet())
          + ")(?![A-Za-z])";

  // A date led by a digit may follow a letter (a name glued to it by the page's markup); one led by
  // a month name may not, lest a word's end be read as a month.
  private static final String DATE_CORE =
      "(?:(?<!\\p{N})(?:"
          + "(?<td>\\d{1,2})"
          + ORDINAL
          + "\\s*(?:(?i:of|de)\\s+)?(?<tm>"
          + MONTH
          + ")\\.?,?\\s*(?:(?i:de|del)\\s+)?(?<ty>\\d{4})(?:\\s*(?:г\\.|года))?"
          + "|(?<iy>\\d{4})(?<isep>[-/.])(?<im>\\d{1,2})\\k<isep>(?<id>\\d{1,2})"
          + "|(?<na>\\d{1,2})(?<nsep>[-/.])(?<nb>\\d{1,2})\\k<nsep>(?<ny>\\d{4})"
          + "|(?<pd>\\d{1,2})\\.\\s(?<pm>\\d{1,2})\\.\\s?(?<py>\\d{4})"
          + "|(?<sd>\\d{1,2})\\.(?<sm>\\d{1,2})\\.(?<sy>\\d{2})(?![\\d.])"
          + "|(?<cy>\\d{4})\\s*[年년]\\s*(?<cm>\\d{1,2})\\s*[月월]\\s*(?<cd>\\d{1,2})\\s*[日일]"
          + ")|(?<![\\p{L}\\p{N}])(?<um>"
          + MONTH
          + ")\\.?\\s*(?<ud>\\d{1,2})"
          + ORDINAL
          + ",?\\s+(?<uy>\\d{4})"
          + ")(?!\\p{N})";

  /**
   * A time after the date: separators (commas, bars, bullets, dashes, "at", "um", "à"...), 24-hour
   * times with a colon, a dot or an "h", seconds, am/pm, "Uhr", a zone abbreviation or offset.
   */
  private static final String TIME =
      "(?:\\s*(?:[,|/•·⋅@–—-]|(?iu:at|um|à|a\\s+las|alle|às|om|в|kl\\.?)(?!\\p{L}))?\\s*"
          + "(?:[,|/•·⋅@–—-]\\s*)?(?<hh>\\d{1,2})[:.h](?<mi>\\d{2})"
          + "(?::(?<ss>\\d{2})(?:[.,]\\d{1,9})?)?(?!\\d)"
          + "\\s*(?<ap>(?i:[ap]\\.?m\\.?)(?![A-Za-z]))?"
          + "(?:\\s*(?i:uhr|h)(?!\\p{L}))?"
          + "(?:\\s*\\(?(?<tz>"
          + TZ
          + ")\\)?)?)?";

  /** A date with an optional weekday before or after it and an optional time and zone after it. */
  static final Pattern DATE =
      Pattern.compile("(?:" + WEEKDAY + ")?" + DATE_CORE + WEEKDAY_AFTER + TIME);

  /** Byline keywords (DateForms); the date must follow right after. */
  private static final Pattern KEYWORD =
      Pattern.compile(
          "(?:^|[|•·⋅;,/(]\\s*)(?:(?<up>(?iu:"
              + DateForms.alternatives(DateForms.UPDATED_WORDS)
              + "))|(?iu:"
              + DateForms.alternatives(DateForms.PUBLISHED_WORDS)
              + "))(?!\\p{L})(?:\\s+(?iu:on|at|am|le|el|il|em|op|den|в))?\\s*[:：]?\\s*");

  /** "MOSCOW, May 8, 2025 (Agency) -" at the start of a paragraph. */
  private static final Pattern DATELINE =
      Pattern.compile(
          "^[A-Z][A-Za-z.' -]{1,40},\\s*(?<date>(?:"
              + WEEKDAY
              + ")?"
              + DATE_CORE
              + ")\\s*(?:\\([^)]{1,40}\\))?\\s*[-–—:]");

  private static final Pattern TRAILING_DOTS = Pattern.compile("[.\\s]+$");

  private static final Pattern ISO =
      Pattern.compile(
          "^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
              + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?$");

  private static final Pattern OFFSET =
      Pattern.compile("^(?:UTC|GMT)?([+-])(\\d{1,2})(?::?(\\d{2}))?$");

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
    return find(headerDate, metadataDate, lines, -1, outlet);
  }

  /**
   * As {@link #find(String, String, List, String)}, with the index in {@code lines} of the title
   * (-1 when none): dates in the text are preferred the nearer they follow it.
   */
  public DateFinding find(
      String headerDate, String metadataDate, List<String> lines, int titleLine, String outlet) {
    String rejected = null;
    if (headerDate != null && !headerDate.isBlank()) {
      Parsed p = parseIso(headerDate.strip());
      if (p != null) {
        if (acceptable(p)) {
          return DateFinding.of(p, DateSource.header, null);
        }
        rejected = p.text;
      }
    }
    if (metadataDate != null && !metadataDate.isBlank()) {
      Parsed p = parseMetadata(metadataDate, outlet);
      if (p != null) {
        if (acceptable(p)) {
          return DateFinding.of(p, DateSource.metadata, rejected);
        }
        rejected = rejected != null ? rejected : p.text;
      }
    }
    if (lines != null) {
      for (Parsed p : bylineDates(lines, titleLine, outlet)) {
        if (acceptable(p)) {
          return DateFinding.of(p, DateSource.byline, rejected);
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

  /** A date line this far before the title costs as much as one this many times as far after. */
  static final int BEFORE_TITLE_COST = 4;

  /** A revision date costs as much as a publication date this many lines further away. */
  static final int UPDATED_COST = 15;

  /** A line whose words besides its date are at most this many is a byline or a date line. */
  static final int MAX_BYLINE_WORDS = 10;

  /**
   * Candidate dates from byline-like lines, best first: a date led by a publication word, a date in
   * a short line that is no sentence (a byline, a date line, a caption's date), or a dateline. The
   * nearer after the title, the better; a date above the title (often the site's "today") is far; a
   * revision date comes after publication dates close by.
   */
  List<Parsed> bylineDates(List<String> lines, int titleLine, String outlet) {
    record Candidate(int cost, int line, Parsed parsed) {}
    List<Candidate> found = new ArrayList<>();
    List<String> nonBlank = lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    int anchor = Math.max(0, titleLine);
    for (int i = 0; i < nonBlank.size(); i++) {
      String line = nonBlank.get(i);
      if (line.length() > MAX_BYLINE_CHARS) {
        continue;
      }
      int distance = i >= anchor ? i - anchor : (anchor - i) * BEFORE_TITLE_COST;
      Matcher k = KEYWORD.matcher(line);
      int from = 0;
      boolean led = false;
      while (from < line.length() && k.find(from)) {
        Matcher d = DATE.matcher(line);
        d.region(k.end(), line.length());
        if (d.lookingAt()) {
          int cost = k.group("up") != null ? distance + UPDATED_COST : distance / 2;
          found.add(new Candidate(cost, i, fromMatch(d, outlet)));
          led = true;
        }
        from = Math.max(k.end(), k.start() + 1);
      }
      Matcher d = DATE.matcher(line);
      if (!led && d.find()) {
        String rest = line.substring(0, d.start()) + " " + line.substring(d.end());
        if (ArticleTextCleaner.words(rest) <= MAX_BYLINE_WORDS
            && !ArticleTextCleaner.endsSentence(rest)) {
          found.add(new Candidate(distance, i, fromMatch(d, outlet)));
        }
      }
      if (i < EDGE_LINES || i >= anchor && i - anchor < EDGE_LINES) {
        Matcher dl = DATELINE.matcher(line);
        if (dl.find()) {
          Matcher m = DATE.matcher(dl.group("date"));
          if (m.matches()) {
            found.add(new Candidate(distance, i, fromMatch(m, outlet)));
          }
        }
      }
    }
    return found.stream()
        .sorted(Comparator.comparingInt(Candidate::cost).thenComparingInt(Candidate::line))
        .map(Candidate::parsed)
        .toList();
  }

  private boolean acceptable(Parsed p) {
    if (p.instant == null) {
      return false;
    }
    Instant latest = settings.clock().instant().plus(settings.futureTolerance());
    return !p.instant.isAfter(latest)
        && !p.instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /**
   * A parsed date: the instant, or null when the text names an impossible date; the date as the
   * text gives it (ISO-8601, with the offset when a zone is given); the text.
   */
  record Parsed(Instant instant, String local, String text) {
    Parsed(Instant instant, String text) {
      this(instant, instant == null ? null : instant.toString(), text);
    }

    static Parsed of(LocalDate day, String text) {
      return new Parsed(day.atStartOfDay(ZoneOffset.UTC).toInstant(), day.toString(), text);
    }

    static Parsed of(LocalDateTime time, ZoneId zone, boolean zoneGiven, String text) {
      var zoned = time.atZone(zone);
      String local =
          zoneGiven ? LocalTimes.format(zoned.toOffsetDateTime()) : LocalTimes.format(time);
      return new Parsed(zoned.toInstant(), local, text);
    }
  }

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
        return Parsed.of(date, v);
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
      return Parsed.of(ldt, zone, m.group(8) != null, v);
    } catch (DateTimeException | NumberFormatException e) {
      return new Parsed(null, v);
    }
  }

  /** The groups of one unambiguous form of DATE_CORE: day, month (a name or a number), year. */
  private record Form(String day, String month, String year, boolean monthName) {}

  private static final List<Form> FORMS =
      List.of(
          new Form("td", "tm", "ty", true),
          new Form("ud", "um", "uy", true),
          new Form("id", "im", "iy", false),
          new Form("cd", "cm", "cy", false),
          new Form("pd", "pm", "py", false),
          new Form("sd", "sm", "sy", false));

  private Parsed fromMatch(Matcher m, String outlet) {
    String text = m.group().strip();
    int y;
    int mo;
    int d;
    Form form = null;
    for (Form f : FORMS) {
      if (m.group(f.day()) != null) {
        form = f;
        break;
      }
    }
    if (form != null) {
      d = Integer.parseInt(m.group(form.day()));
      String month = m.group(form.month());
      mo = form.monthName() ? DateForms.month(month) : Integer.parseInt(month);
      y = Integer.parseInt(m.group(form.year()));
      y = y < 100 ? fullYear(y) : y;
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
      } else if (settings.monthFirst(outlet) && !".".equals(m.group("nsep"))) {
        // dotted dates are day first everywhere
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
      return Parsed.of(date, text);
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
    return Parsed.of(date.atTime(hh, mi, ss), zone, m.group("tz") != null, text);
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

  /** A two-digit year: this century, unless that is beyond next year by the clock. */
  private int fullYear(int yy) {
    int y = 2000 + yy;
    int thisYear = settings.clock().instant().atOffset(ZoneOffset.UTC).getYear();
    return y > thisYear + 1 ? y - 100 : y;
  }

  /** The zone for a time-zone name or offset; UTC when there is none; null for a bad offset. */
  static ZoneId zone(String tz) {
    if (tz == null || tz.isBlank()) {
      return ZoneOffset.UTC;
    }
    String t = tz.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    ZoneId named = DateForms.ZONES.get(t);
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
