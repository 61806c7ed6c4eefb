package org.newsmentions.parse.html;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date forms found in HTML pages: ISO-8601 and its near forms in metadata ({@code
 * 2023-11-07T09:10:00+01:00}, {@code 2023-11-07 09:10:00}, {@code 20231107}), RFC 1123, and dates
 * written in text in several languages ({@code 7. November 2023}, {@code 03.11.2023 15:32 Uhr},
 * {@code 2 November 2023 • 9:10am}, {@code November 7, 2023}, {@code 7 de noviembre de 2023},
 * {@code 7 novembre 2023}). Numeric day/month dates are read day first unless the page's language
 * is US English or a part greater than 12 decides.
 */
final class HtmlDates {
  private HtmlDates() {}

  /** A date as the page wrote it: the instant, and the local form with its offset if given. */
  record PageDate(Instant instant, String local, LocalDate day) {}

  private static final Pattern ISO =
      Pattern.compile(
          "^\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d{1,9})?)?"
              + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final Pattern COMPACT =
      Pattern.compile("^\\s*((?:19|20)\\d{2})(\\d{2})(\\d{2})(?:\\D|$)");
  private static final Pattern SLASHED =
      Pattern.compile("^\\s*((?:19|20)\\d{2})[/.](\\d{1,2})[/.](\\d{1,2})(?!\\d)");

  private static final Map<String, Integer> MONTHS = new HashMap<>();

  private static void months(String... names) {
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i].split("\\|")) {
        MONTHS.put(n, i + 1);
      }
    }
  }

  static {
    // en, de, fr, es, it, nl, pt: full names and usual abbreviations (lower case).
    months(
        "january|jan|januar|jänner|janvier|janv|enero|ene|gennaio|gen|januari|janeiro",
        "february|feb|februar|feber|février|fevrier|févr|fevr|febrero|febbraio|februari|fevereiro|fev",
        "march|mar|märz|maerz|mrz|mars|marzo|maart|março|marco|mär",
        "april|apr|avril|avr|abril|abr|aprile",
        "may|mai|mayo|maggio|mag|mei|maio",
        "june|jun|juni|juin|junio|giugno|giu|junho",
        "july|jul|juli|juillet|juil|julio|luglio|lug|julho",
        "august|aug|août|aout|agosto|ago|augustus",
        "september|sep|sept|septembre|septiembre|settembre|set|setembro",
        "october|oct|oktober|okt|octobre|octubre|ottobre|ott|outubro|out",
        "november|nov|novembre|noviembre|novembro",
        "december|dec|dezember|dez|décembre|decembre|déc|diciembre|dic|dicembre|december|dezembro");
  }

  private static final String MONTH_NAMES;

  static {
    StringBuilder sb = new StringBuilder();
    MONTHS.keySet().stream()
        .sorted((a, b) -> b.length() - a.length())
        .forEach(m -> sb.append(sb.length() == 0 ? "" : "|").append(Pattern.quote(m)));
    MONTH_NAMES = sb.toString();
  }

  private static final String TIME =
      "(?:[\\s,|•·@-]*(?:(?i:um|at|à|a las|alle|om|às)\\s*)?(?<hh>\\d{1,2})[:.h](?<mi>\\d{2})"
          + "(?::(?<ss>\\d{2}))?\\s*(?<ap>(?i:[ap]\\.?m\\.?))?(?:\\s*(?<tz>Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|CET|CEST|MEZ|MESZ|BST|EST|EDT|PST|PDT))?)?";

  /** Dates in running text; named groups for every form. */
  static final Pattern TEXT =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?:"
              + "(?<d1>\\d{1,2})\\.?\\s*(?:de\\s+)?(?<m1>"
              + MONTH_NAMES
              + ")\\.?,?\\s*(?:de\\s+|del\\s+)?(?<y1>(?:19|20)\\d{2})"
              + "|(?<m2>"
              + MONTH_NAMES
              + ")\\.?\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y2>(?:19|20)\\d{2})"
              + "|(?<y3>(?:19|20)\\d{2})-(?<m3>\\d{1,2})-(?<d3>\\d{1,2})"
              + "|(?<y5>(?:19|20)\\d{2})/(?<m5>\\d{1,2})/(?<d5>\\d{1,2})"
              + "|(?<a4>\\d{1,2})(?<s4>[./-])(?<b4>\\d{1,2})\\k<s4>(?<y4>(?:19|20)\\d{2}|\\d{2}(?![\\d.]))"
              + ")(?![\\p{L}\\p{N}])"
              + TIME,
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern RFC1123 =
      Pattern.compile(
          "^\\s*(?:[A-Za-z]{3},?\\s+)?\\d{1,2}\\s+[A-Za-z]{3}\\s+\\d{4}\\s+\\d{2}:\\d{2}(?::\\d{2})?\\s+(?:GMT|UTC|[+-]\\d{4})\\s*$");

  /** A metadata value: ISO-8601 or near forms, RFC 1123, else a written date. Null if none. */
  static PageDate parseMetadata(String value, boolean monthFirst) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    Matcher m = ISO.matcher(v);
    if (m.find()) {
      return fromParts(
          m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
    }
    m = SLASHED.matcher(v);
    if (m.find()) {
      return fromParts(m.group(1), m.group(2), m.group(3), null, null, null, null);
    }
    m = COMPACT.matcher(v);
    if (m.find()) {
      return fromParts(m.group(1), m.group(2), m.group(3), null, null, null, null);
    }
    if (RFC1123.matcher(v).matches()) {
      try {
        var odt =
            java.time.OffsetDateTime.parse(
                v.replace("UTC", "GMT"), DateTimeFormatter.RFC_1123_DATE_TIME);
        return new PageDate(odt.toInstant(), local(odt), odt.toLocalDate());
      } catch (DateTimeException e) {
        // fall through to the text forms
      }
    }
    return firstInText(v, monthFirst);
  }

  /** The first date written in {@code text}, or null. */
  static PageDate firstInText(String text, boolean monthFirst) {
    Matcher m = TEXT.matcher(text);
    while (m.find()) {
      PageDate d = fromTextMatch(m, monthFirst);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  static PageDate fromTextMatch(Matcher m, boolean monthFirst) {
    String y;
    String mo;
    String d;
    if (m.group("y1") != null) {
      y = m.group("y1");
      mo = monthNumber(m.group("m1"));
      d = m.group("d1");
    } else if (m.group("y2") != null) {
      y = m.group("y2");
      mo = monthNumber(m.group("m2"));
      d = m.group("d2");
    } else if (m.group("y3") != null) {
      y = m.group("y3");
      mo = m.group("m3");
      d = m.group("d3");
    } else if (m.group("y5") != null) {
      y = m.group("y5");
      mo = m.group("m5");
      d = m.group("d5");
    } else {
      y = m.group("y4");
      if (y.length() == 2) {
        y = "20" + y;
      }
      int a = Integer.parseInt(m.group("a4"));
      int b = Integer.parseInt(m.group("b4"));
      boolean mf;
      if (a > 12) {
        mf = false;
      } else if (b > 12) {
        mf = true;
      } else {
        // Dotted dates are day first everywhere; slashes follow the page's convention.
        mf = monthFirst && !m.group("s4").equals(".");
      }
      mo = String.valueOf(mf ? a : b);
      d = String.valueOf(mf ? b : a);
    }
    if (mo == null) {
      return null;
    }
    String hh = m.group("hh");
    String mi = m.group("mi");
    if (hh != null && m.group("ap") != null) {
      int h = Integer.parseInt(hh) % 12;
      if (m.group("ap").toLowerCase(Locale.ROOT).startsWith("p")) {
        h += 12;
      }
      hh = String.valueOf(h);
    }
    return fromParts(y, mo, d, hh, mi, m.group("ss"), m.group("tz"));
  }

  private static String monthNumber(String name) {
    Integer n = MONTHS.get(name.toLowerCase(Locale.ROOT));
    return n == null ? null : String.valueOf(n);
  }

  private static final Map<String, ZoneOffset> ZONES =
      Map.of(
          "CET", ZoneOffset.ofHours(1),
          "MEZ", ZoneOffset.ofHours(1),
          "CEST", ZoneOffset.ofHours(2),
          "MESZ", ZoneOffset.ofHours(2),
          "BST", ZoneOffset.ofHours(1),
          "EST", ZoneOffset.ofHours(-5),
          "EDT", ZoneOffset.ofHours(-4),
          "PST", ZoneOffset.ofHours(-8),
          "PDT", ZoneOffset.ofHours(-7));

  private static PageDate fromParts(
      String y, String mo, String d, String hh, String mi, String ss, String tz) {
    LocalDate day;
    try {
      day = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    if (hh == null) {
      return new PageDate(day.atStartOfDay(ZoneOffset.UTC).toInstant(), day.toString(), day);
    }
    LocalTime time;
    try {
      time =
          LocalTime.of(
              Integer.parseInt(hh), Integer.parseInt(mi), ss == null ? 0 : Integer.parseInt(ss));
    } catch (DateTimeException e) {
      return new PageDate(day.atStartOfDay(ZoneOffset.UTC).toInstant(), day.toString(), day);
    }
    LocalDateTime ldt = LocalDateTime.of(day, time);
    ZoneOffset offset = offset(tz);
    if (offset == null) {
      return new PageDate(ldt.toInstant(ZoneOffset.UTC), local(ldt), day);
    }
    var odt = ldt.atOffset(offset);
    return new PageDate(odt.toInstant(), local(odt), day);
  }

  private static ZoneOffset offset(String tz) {
    if (tz == null) {
      return null;
    }
    String t = tz.toUpperCase(Locale.ROOT);
    if (t.equals("Z") || t.equals("UTC") || t.equals("GMT")) {
      return ZoneOffset.UTC;
    }
    if (ZONES.containsKey(t)) {
      return ZONES.get(t);
    }
    try {
      String s = t.length() == 5 ? t.substring(0, 3) + ":" + t.substring(3) : t;
      return ZoneOffset.of(s.length() == 3 ? s + ":00" : s);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static final Pattern URL_DATE =
      Pattern.compile(
          "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|-|_|\\.|$)"
              + "|/((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?:/|-|_|\\.|$)");

  /** A full date in a URL's path ({@code /2023/11/07/}, {@code /20231107/}), or null. */
  static PageDate fromUrl(String url) {
    if (url == null) {
      return null;
    }
    int q = url.indexOf('?');
    String path = q >= 0 ? url.substring(0, q) : url;
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash >= 0 ? path.substring(slash) : "/";
    }
    Matcher m = URL_DATE.matcher(path);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null
        ? fromParts(m.group(1), m.group(2), m.group(3), null, null, null, null)
        : fromParts(m.group(4), m.group(5), m.group(6), null, null, null, null);
  }

  /**
   * ISO-8601 with seconds always written ({@code 2025-05-12T09:45:00-04:00}), as the page's own.
   */
  private static String local(java.time.OffsetDateTime t) {
    return t.format(LOCAL_WITH_OFFSET);
  }

  private static String local(java.time.LocalDateTime t) {
    return t.format(LOCAL_NO_OFFSET);
  }

  private static final java.time.format.DateTimeFormatter LOCAL_NO_OFFSET =
      new java.time.format.DateTimeFormatterBuilder()
          .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter(java.util.Locale.ROOT);

  private static final java.time.format.DateTimeFormatter LOCAL_WITH_OFFSET =
      new java.time.format.DateTimeFormatterBuilder()
          .append(LOCAL_NO_OFFSET)
          .appendOffsetId()
          .toFormatter(java.util.Locale.ROOT);
}
