package org.newsmentions.parse.html;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.parse.OutletResolver;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.parse.PublicationDateExtractor;
import org.newsmentions.parse.html.HtmlDates.PageDate;

/**
 * Reads one HTML page into an {@link HtmlArticle}: decoded, metadata read (title, site name,
 * canonical URL, language, publication and modification dates) and the main text found by the
 * page's structure. Beam-free; stateless after construction, hence thread-safe.
 *
 * <p>The clock of the {@link ParserSettings} is the fallback "now" for the future-date rule when
 * the fetch time is not known; nothing here reads the system clock.
 */
public final class HtmlArticleExtractor implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The first day of the web: dates before it are not publication dates. */
  static final LocalDate EARLIEST = PublicationDateExtractor.EARLIEST;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .build();

  private final ParserSettings settings;
  private final OutletResolver outlets = new OutletResolver();

  public HtmlArticleExtractor(ParserSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Extracts one page.
   *
   * @param bytes the page as fetched
   * @param contentType the HTTP {@code Content-Type} header, or null
   * @param url the URL the page was fetched from, or null
   * @param fetched when it was fetched, or null (then the settings' clock is "now")
   * @throws BadArticleException reason {@code empty}, {@code oversize}, {@code binary}, {@code
   *     not-html} or {@code no-text}
   */
  public HtmlArticle extract(byte[] bytes, String contentType, String url, Instant fetched)
      throws BadArticleException {
    if (bytes == null || bytes.length == 0) {
      throw new BadArticleException("empty", "page has no bytes");
    }
    if (bytes.length > settings.maxPageBytes()) {
      throw new BadArticleException(
          "oversize",
          String.format(
              java.util.Locale.ROOT,
              "page has %d bytes, more than the limit of %d",
              bytes.length,
              settings.maxPageBytes()));
    }
    if (contentType != null && !looksLikeHtmlType(contentType)) {
      throw new BadArticleException("not-html", "content type is " + contentType);
    }
    String magic = binaryMagic(bytes);
    if (magic != null) {
      throw new BadArticleException("binary", "page is a " + magic + " file, not HTML");
    }
    HtmlDecoder.Decoded decoded = HtmlDecoder.decode(bytes, contentType);
    String html = decoded.text();
    if (html.isBlank()) {
      throw new BadArticleException("empty", "page has only white space");
    }
    if (!MARKUP.matcher(html.length() > 8192 ? html.substring(0, 8192) : html).find()) {
      throw new BadArticleException("not-html", "page has no HTML markup");
    }
    Document doc;
    try {
      doc = Jsoup.parse(html, url == null ? "" : url);
    } catch (RuntimeException e) {
      throw new BadArticleException("not-html", "page cannot be parsed as HTML: " + e, e);
    }
    Instant now = fetched != null ? fetched : settings.clock().instant();
    Meta meta = Meta.read(doc);
    String[] language = language(doc, meta);
    String[] canonical = canonical(doc, meta, url);
    String[] outlet = outlet(meta, canonical[0] != null ? canonical[0] : url);
    String[] title = title(doc, meta, outlet[0], canonical[0] != null ? canonical[0] : url);
    boolean monthFirst = "en-us".equals(language[2]);
    List<String> rejected = new ArrayList<>();
    Found published = publishedDate(doc, meta, url, canonical[0], monthFirst, now, rejected);
    Found modified = firstAcceptable(meta.modifiedCandidates(), monthFirst, now, new ArrayList<>());
    if (published == null) {
      published = scriptDate(doc, monthFirst, now, rejected);
    }
    if (published == null) {
      published = textDate(doc, monthFirst, now, rejected);
    }
    published = inPageZone(published, doc, meta, monthFirst);
    modified = inPageZone(modified, doc, meta, monthFirst);

    List<String> body = MainText.extract(doc, true);
    String bodyFrom = "html";
    if (chars(body) < 200) {
      List<String> gentle = MainText.extract(Jsoup.parse(html, url == null ? "" : url), false);
      if (chars(gentle) > chars(body)) {
        body = gentle;
        bodyFrom = "html-gentle";
      }
    }
    String ldBody = meta.articleBody;
    if (ldBody != null && ldBody.length() > 1.3 * chars(body) + 200) {
      body = ldBlocks(ldBody);
      bodyFrom = "json-ld";
    }
    body = dropTitleRepeat(body, title[0]);
    if (title[0].isEmpty() && body.isEmpty()) {
      throw new BadArticleException("no-text", "page has neither a title nor main text");
    }
    return new HtmlArticle(
        title[0],
        String.join("\n", body),
        published == null ? null : published.date.instant(),
        published == null ? null : published.date.local(),
        modified == null ? null : modified.date.instant(),
        modified == null ? null : modified.date.local(),
        canonical[0],
        outlet[0],
        language[0],
        decoded.charset(),
        rejected.isEmpty() ? null : rejected.get(0),
        new HtmlArticle.Sources(
            title[1],
            body.isEmpty() ? null : bodyFrom,
            published == null ? null : published.from,
            modified == null ? null : modified.from,
            canonical[1],
            outlet[1],
            language[1],
            decoded.from()));
  }

  private static final Pattern MARKUP =
      Pattern.compile("(?i)<(?:!doctype\\s+html|html|head|body|meta|title|div|p|article)[\\s>/]");

  private static boolean looksLikeHtmlType(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.contains("html") || t.contains("xml") || t.startsWith("text/plain") || t.isBlank();
  }

  private static String binaryMagic(byte[] b) {
    if (startsWith(b, "%PDF")) {
      return "PDF";
    }
    if (b.length > 3 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "PNG";
    }
    if (startsWith(b, "GIF8")) {
      return "GIF";
    }
    if (b.length > 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
      return "JPEG";
    }
    if (b.length > 1 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
      return "gzip";
    }
    if (startsWith(b, "PK\u0003\u0004")) {
      return "zip";
    }
    int n = Math.min(b.length, 1024);
    int nul = 0;
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        nul++;
      }
    }
    boolean utf16 =
        b.length > 1
            && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE));
    return nul > 0 && !utf16 ? "binary" : null;
  }

  private static boolean startsWith(byte[] b, String ascii) {
    if (b.length < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (b[i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int chars(List<String> blocks) {
    int n = 0;
    for (String s : blocks) {
      n += s.length();
    }
    return n;
  }

  private static List<String> ldBlocks(String text) {
    String t = Jsoup.parse(text).text().isEmpty() ? text : text;
    List<String> out = new ArrayList<>();
    for (String line : t.split("\\r?\\n")) {
      String s = line.replaceAll("[\\s\\u00a0]+", " ").strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<String> dropTitleRepeat(List<String> body, String title) {
    if (body.isEmpty() || title.isEmpty()) {
      return body;
    }
    if (body.get(0).equals(title)) {
      return body.subList(1, body.size());
    }
    return body;
  }

  // ---- language, canonical URL, outlet ----

  /** [primary subtag, source, full tag lower case]. */
  private static String[] language(Document doc, Meta meta) {
    String tag = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
    String from = "html-lang";
    if (tag.isBlank()) {
      tag = meta.get("content-language");
      from = "content-language";
    }
    if (tag == null || tag.isBlank()) {
      tag = meta.get("og:locale");
      from = "og:locale";
    }
    if (tag == null || tag.isBlank()) {
      return new String[] {null, null, null};
    }
    String full = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-').split("[,;\\s]", 2)[0];
    String primary = full.split("-", 2)[0];
    if (!primary.matches("[a-z]{2,3}")) {
      return new String[] {null, null, null};
    }
    return new String[] {primary, from, full};
  }

  private static String[] canonical(Document doc, Meta meta, String url) {
    Element link = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
    if (link != null) {
      String href = link.absUrl("href");
      if (href.isEmpty()) {
        href = link.attr("href").strip();
      }
      if (href.startsWith("http")) {
        return new String[] {href, "link-canonical"};
      }
    }
    String og = meta.get("og:url");
    if (og != null && og.startsWith("http")) {
      return new String[] {og.strip(), "og:url"};
    }
    if (url != null && !url.isBlank()) {
      return new String[] {url.strip(), "fetch-url"};
    }
    return new String[] {null, null};
  }

  private String[] outlet(Meta meta, String url) {
    String site = meta.get("og:site_name");
    if (site != null && !site.isBlank()) {
      return new String[] {site.strip(), "og:site_name"};
    }
    if (meta.publisher != null && !meta.publisher.isBlank()) {
      return new String[] {meta.publisher.strip(), "json-ld"};
    }
    String app = meta.get("application-name");
    if (app != null && !app.isBlank() && app.length() < 60) {
      return new String[] {app.strip(), "application-name"};
    }
    String host = host(url);
    if (host != null) {
      String key = outlets.fromHost(host);
      if (key != null) {
        return new String[] {key, "domain"};
      }
    }
    return new String[] {null, null};
  }

  static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String h = URI.create(url.strip().replace(" ", "%20")).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ---- title ----

  private static final Pattern SEPARATORS = Pattern.compile("\\s+(?:\\||-|–|—|:|·|»|::|/)\\s+");

  /** [title, source]. */
  private static String[] title(Document doc, Meta meta, String outlet, String url) {
    Element h1el = doc.selectFirst("article h1, main h1, [itemprop=headline], h1");
    String h1 = h1el == null ? null : clean(h1el.text());
    String og = clean(meta.get("og:title"));
    String tw = clean(meta.get("twitter:title"));
    String ld = clean(meta.headline);
    String tt = doc.selectFirst("title") == null ? null : clean(doc.selectFirst("title").text());
    Set<String> site = siteWords(outlet, url);
    List<String[]> metaTitles = new ArrayList<>();
    for (String[] c :
        new String[][] {{og, "og:title"}, {tw, "twitter:title"}, {ld, "json-ld"}, {tt, "title"}}) {
      if (c[0] != null && !c[0].isEmpty()) {
        metaTitles.add(new String[] {withoutSiteName(c[0], site), c[1]});
      }
    }
    if (h1 != null && h1.length() >= 8 && h1.length() <= 300) {
      for (String[] m : metaTitles) {
        if (overlap(h1, m[0]) >= 0.5) {
          return new String[] {h1, "h1"};
        }
      }
      if (metaTitles.isEmpty()) {
        return new String[] {h1, "h1"};
      }
    }
    if (!metaTitles.isEmpty()) {
      return metaTitles.get(0);
    }
    if (h1 != null && !h1.isEmpty()) {
      return new String[] {h1, "h1"};
    }
    return new String[] {"", null};
  }

  private static String clean(String s) {
    return s == null ? null : s.replaceAll("[\\s\\u00a0]+", " ").strip();
  }

  private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  static Set<String> tokens(String s) {
    Set<String> out = new HashSet<>();
    for (String t : WORD.split(s.toLowerCase(Locale.ROOT))) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** Share of a's tokens found in b, times share of b's found in a... the smaller of the two. */
  private static double overlap(String a, String b) {
    Set<String> ta = tokens(a);
    Set<String> tb = tokens(b);
    if (ta.isEmpty() || tb.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String t : ta) {
      if (tb.contains(t)) {
        common++;
      }
    }
    return Math.min((double) common / ta.size(), (double) common / tb.size());
  }

  private static Set<String> siteWords(String outlet, String url) {
    Set<String> words = new HashSet<>();
    if (outlet != null) {
      words.addAll(tokens(outlet));
      words.add(outlet.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""));
    }
    String host = host(url);
    if (host != null) {
      for (String label : host.split("\\.")) {
        if (label.length() > 3 && !label.equals("www")) {
          words.add(label);
          words.addAll(tokens(label));
        }
      }
    }
    return words;
  }

  /**
   * The title without the site name: split at " | ", " - ", " – ", " : "... and the parts that are
   * (mostly) the site's name dropped; failing a match, a short last part after " | " is taken for
   * the site name.
   */
  static String withoutSiteName(String title, Set<String> site) {
    String[] parts = SEPARATORS.split(title);
    if (parts.length < 2) {
      return title;
    }
    List<String> kept = new ArrayList<>();
    boolean dropped = false;
    for (int i = 0; i < parts.length; i++) {
      boolean edge = i == 0 || i == parts.length - 1;
      if (edge && isSiteName(parts[i], site)) {
        dropped = true;
        continue;
      }
      kept.add(parts[i]);
    }
    if (kept.isEmpty()) {
      return title;
    }
    if (dropped) {
      return rejoin(title, kept);
    }
    // No known site name: a trailing short part after a pipe is the usual site-name slot.
    if (title.contains(" | ")) {
      String[] pipe = title.split("\\s+\\|\\s+");
      String last = pipe[pipe.length - 1];
      if (pipe.length >= 2 && tokens(last).size() <= 4) {
        return String.join(" | ", java.util.Arrays.copyOf(pipe, pipe.length - 1));
      }
    }
    return title;
  }

  private static String rejoin(String title, List<String> kept) {
    // Re-cut the original text so the separators inside the kept span stay as written.
    int start = title.indexOf(kept.get(0));
    String last = kept.get(kept.size() - 1);
    int end = title.lastIndexOf(last) + last.length();
    return start >= 0 && end > start ? title.substring(start, end).strip() : String.join(" ", kept);
  }

  private static boolean isSiteName(String part, Set<String> site) {
    if (site.isEmpty()) {
      return false;
    }
    String compact = part.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    if (site.contains(compact)) {
      return true;
    }
    Set<String> t = tokens(part);
    if (t.isEmpty() || t.size() > 6) {
      return false;
    }
    int in = 0;
    for (String w : t) {
      if (site.contains(w)) {
        in++;
      } else {
        for (String s : site) {
          if (s.length() > 4 && (s.contains(w) && w.length() > 3)) {
            in++;
            break;
          }
        }
      }
    }
    return in * 2 >= t.size() + 1 || (t.size() <= 2 && in >= 1 && compactMatch(compact, site));
  }

  private static boolean compactMatch(String compact, Set<String> site) {
    for (String s : site) {
      if (s.length() > 3 && (compact.contains(s) || s.contains(compact))) {
        return true;
      }
    }
    return false;
  }

  // ---- dates ----

  /** A date and where it came from. */
  private record Found(PageDate date, String from) {}

  private Found publishedDate(
      Document doc,
      Meta meta,
      String url,
      String canonical,
      boolean monthFirst,
      Instant now,
      List<String> rejected) {
    List<String[]> candidates = new ArrayList<>(meta.publishedCandidates());
    timeElements(doc, candidates);
    Found f = firstAcceptable(candidates, monthFirst, now, rejected);
    if (f != null) {
      return f;
    }
    for (String u : new String[] {url, canonical}) {
      PageDate d = HtmlDates.fromUrl(u);
      if (d != null) {
        if (acceptable(d, now)) {
          return new Found(d, "url");
        }
        rejected.add(d.local());
      }
    }
    return null;
  }

  /** Every date-time value the page's metadata and {@code <time>} elements give. */
  private static List<String> pageTimes(Document doc, Meta meta) {
    List<String> all = new ArrayList<>();
    meta.publishedCandidates().forEach(c -> all.add(c[0]));
    meta.modifiedCandidates().forEach(c -> all.add(c[0]));
    for (Element t : doc.select("time[datetime]")) {
      all.add(t.attr("datetime"));
    }
    return all;
  }

  /**
   * The page's own UTC offset for a moment it wrote in UTC, when its other dates agree on one: many
   * sites write their metadata in UTC and their visible times in local time, and the day a reader
   * sees is the local one (a story at 23:05 in Los Angeles is dated that day, not the next UTC
   * day). An offset comes from a date written with a non-zero offset, or from a local time without
   * one that is the same moment's clock reading (same minutes and seconds, a whole or half number
   * of hours away). Null when the page gives no such offset or several.
   */
  private static ZoneOffset pageZone(Instant utc, List<String> times, boolean monthFirst) {
    ZoneOffset zone = null;
    for (String v : times) {
      PageDate d = HtmlDates.parseMetadata(v, monthFirst);
      ZoneOffset z = offsetOf(d);
      if (z == null && d != null) {
        z = impliedOffset(utc, d);
      }
      if (z == null || z.equals(ZoneOffset.UTC)) {
        continue;
      }
      if (zone != null && !zone.equals(z)) {
        return null;
      }
      zone = z;
    }
    return zone;
  }

  /**
   * The offset at which {@code utc} reads as {@code local} (a date-time written without a zone),
   * when the two differ by a whole or half number of hours within 14 hours; else null.
   */
  private static ZoneOffset impliedOffset(Instant utc, PageDate local) {
    java.time.LocalDateTime clock;
    try {
      clock = java.time.LocalDateTime.parse(local.local());
    } catch (java.time.format.DateTimeParseException e) {
      return null; // a day alone, or a time with an offset
    }
    long seconds =
        java.time.Duration.between(utc.atOffset(ZoneOffset.UTC).toLocalDateTime(), clock)
            .getSeconds();
    if (seconds == 0 || Math.abs(seconds) > 14 * 3600 || seconds % 1800 != 0) {
      return null;
    }
    return ZoneOffset.ofTotalSeconds((int) seconds);
  }

  /** The offset a date was written with, or null when it has none (a day, a local time). */
  private static ZoneOffset offsetOf(PageDate d) {
    if (d == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(d.local()).getOffset();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** A date written in UTC, moved to the page's own offset when it has one. */
  private static Found inPageZone(Found f, Document doc, Meta meta, boolean monthFirst) {
    if (f == null || !ZoneOffset.UTC.equals(offsetOf(f.date))) {
      return f; // only a UTC date needs the page's other dates, so they are gathered only then
    }
    ZoneOffset zone = pageZone(f.date.instant(), pageTimes(doc, meta), monthFirst);
    return zone == null ? f : new Found(HtmlDates.at(f.date.instant(), zone), f.from);
  }

  private static void timeElements(Document doc, List<String[]> out) {
    List<Element> times = doc.select("time[datetime], [itemprop=datePublished][datetime]");
    List<String[]> strong = new ArrayList<>();
    List<String[]> inArticle = new ArrayList<>();
    List<String[]> any = new ArrayList<>();
    for (Element t : times) {
      String v = t.attr("datetime");
      if (v.isBlank() || insideBoilerplate(t)) {
        continue;
      }
      String h = (MainText.hints(t) + " " + t.attr("itemprop")).toLowerCase(Locale.ROOT);
      if (t.hasAttr("pubdate")
          || h.contains("datepublished")
          || h.contains("publish")
          || h.contains("entry-date")
          || h.contains("posted")) {
        strong.add(new String[] {v, "time:published"});
      } else if (h.contains("modified") || h.contains("updated")) {
        continue;
      } else if (t.closest("article, header, main, [itemprop=articleBody]") != null) {
        inArticle.add(new String[] {v, "time:article"});
      } else {
        any.add(new String[] {v, "time"});
      }
    }
    out.addAll(strong);
    out.addAll(inArticle);
    if (!any.isEmpty()) {
      out.add(any.get(0));
    }
  }

  private static boolean insideBoilerplate(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      String tag = p.normalName();
      if (tag.equals("aside") || tag.equals("footer") || tag.equals("nav")) {
        return true;
      }
      String h = MainText.hints(p);
      if (!h.isEmpty()
          && MainText.STRONG_NEGATIVE.matcher(h).find()
          && !MainText.POSITIVE.matcher(h).find()) {
        return true;
      }
    }
    return false;
  }

  private Found firstAcceptable(
      List<String[]> candidates, boolean monthFirst, Instant now, List<String> rejected) {
    for (String[] c : candidates) {
      PageDate d = HtmlDates.parseMetadata(c[0], monthFirst);
      if (d == null) {
        continue;
      }
      if (acceptable(d, now)) {
        return new Found(d, c[1]);
      }
      rejected.add(c[0].strip());
    }
    return null;
  }

  private boolean acceptable(PageDate d, Instant now) {
    if (d.day().isBefore(EARLIEST)) {
      return false;
    }
    Instant latest = now.plus(settings.futureTolerance());
    // A date without a time is the start of its day: compare the day, not midnight UTC.
    return !d.instant().isAfter(latest)
        && !d.day().isAfter(latest.atOffset(ZoneOffset.UTC).toLocalDate());
  }

  /**
   * Publication keys in JSON a page embeds outside JSON-LD (the state of a script-built page, or
   * JSON-LD that does not parse): the first key/value pair of each name, as written.
   */
  private static final Pattern SCRIPT_DATE =
      Pattern.compile(
          "\\\\?\"(datePublished|publishedDate|publishDate|published_at|publishedAt"
              + "|dateCreated|createdAt|created_at)\\\\?\"\\s*:\\s*\\\\?\"(\\d{4}-\\d{2}-\\d{2}[^\"\\\\]{0,30})");

  /** Keys in the order they are trusted: publication before creation. */
  private static final List<String> SCRIPT_KEYS =
      List.of(
          "datePublished",
          "publishedDate",
          "publishDate",
          "published_at",
          "publishedAt",
          "dateCreated",
          "createdAt",
          "created_at");

  /** A publication date from JSON embedded in the page's scripts; null when there is none. */
  private Found scriptDate(Document doc, boolean monthFirst, Instant now, List<String> rejected) {
    Map<String, String> first = new LinkedHashMap<>();
    for (Element script : doc.select("script")) {
      Matcher m = SCRIPT_DATE.matcher(script.data());
      while (m.find()) {
        first.putIfAbsent(m.group(1), m.group(2));
      }
    }
    List<String[]> candidates = new ArrayList<>();
    for (String key : SCRIPT_KEYS) {
      if (first.containsKey(key)) {
        candidates.add(new String[] {first.get(key), "script:" + key});
      }
    }
    return firstAcceptable(candidates, monthFirst, now, rejected);
  }

  private static final Pattern DATE_HINT =
      Pattern.compile(
          "(?:^|[^a-z])(?:date\\w*|datum|fecha|time|timestamp|published|publish\\w*|posted|pubdate"
              + "|byline|meta|entry-meta|post-meta|article-meta|info|dateline)(?:[^a-z]|$)");

  /** A date in the visible text: in date-like elements first, then near the headline. */
  private Found textDate(Document doc, boolean monthFirst, Instant now, List<String> rejected) {
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    int seen = 0;
    for (Element e : body.getAllElements()) {
      String h = MainText.hints(e);
      if (h.isEmpty() || !DATE_HINT.matcher(h).find()) {
        continue;
      }
      String text = e.text();
      if (text.length() > 300) {
        continue;
      }
      PageDate d = HtmlDates.firstInText(text, monthFirst);
      if (d != null) {
        if (acceptable(d, now)) {
          return new Found(d, "text:date-element");
        }
        rejected.add(d.local());
      }
      if (++seen > 40) {
        break;
      }
    }
    Element h1 = body.selectFirst("h1");
    if (h1 != null) {
      // The lines right around the headline: its container's text, bounded.
      Element box = h1.parent() != null ? h1.parent() : h1;
      for (int up = 0; up < 2 && box.parent() != null && box.text().length() < 400; up++) {
        box = box.parent();
      }
      String text = box.text();
      int at = text.indexOf(h1.text());
      String near = text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 1200));
      PageDate d = HtmlDates.firstInText(near, monthFirst);
      if (d != null && acceptable(d, now)) {
        return new Found(d, "text:headline");
      }
    }
    // A date led by a publication keyword anywhere in the text.
    String all = body.text();
    Matcher k = PUBLISHED_KEYWORD.matcher(all);
    while (k.find()) {
      String after = all.substring(k.end(), Math.min(all.length(), k.end() + 60));
      Matcher m = HtmlDates.TEXT.matcher(after);
      if (m.lookingAt()) {
        PageDate d = HtmlDates.fromTextMatch(m, monthFirst);
        if (d != null && acceptable(d, now)) {
          return new Found(d, "text:keyword");
        }
      }
    }
    // Last resort: the first date standing in a short element of its own, outside comments.
    int tried = 0;
    for (Element e : body.getAllElements()) {
      if (!e.hasText()) {
        continue;
      }
      String own = e.ownText();
      if (own.length() < 6 || own.length() > 80 || !hasDigitRun(own)) {
        continue;
      }
      PageDate d = HtmlDates.firstInText(own, monthFirst);
      if (d == null || insideBoilerplate(e)) {
        continue;
      }
      if (acceptable(d, now)) {
        return new Found(d, "text:page");
      }
      if (++tried > 5) {
        break;
      }
    }
    return null;
  }

  private static final Pattern PUBLISHED_KEYWORD =
      Pattern.compile(
          "(?iu)\\b(?:veröffentlicht|erschienen|publiziert|erstellt|published|posted|publié|publicado"
              + "|stand|aktualisiert|updated|mis\\s+à\\s+jour|actualizado|aggiornato"
              + "|publicada|pubblicato|gepubliceerd|datum|date|fecha)(?:\\s+(?:am|on|le|el|il|op))?"
              + "\\s*:?\\s*");

  private static boolean hasDigitRun(String s) {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        if (++run >= 2) {
          return true;
        }
      } else {
        run = 0;
      }
    }
    return false;
  }

  // ---- metadata ----

  /** The page's meta tags and JSON-LD, read once. */
  static final class Meta {
    final Map<String, String> tags = new LinkedHashMap<>();
    String headline;
    String articleBody;
    String publisher;
    final List<String> ldPublished = new ArrayList<>();
    final List<String> ldModified = new ArrayList<>();

    String get(String key) {
      return tags.get(key);
    }

    static Meta read(Document doc) {
      Meta m = new Meta();
      for (Element e : doc.select("meta[content]")) {
        String content = e.attr("content");
        for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
          String k = e.attr(attr).strip().toLowerCase(Locale.ROOT);
          if (!k.isEmpty()) {
            m.tags.putIfAbsent(k, content);
          }
        }
      }
      for (Element e : doc.select("[itemprop=datePublished]:not(meta)")) {
        String v = e.hasAttr("content") ? e.attr("content") : e.attr("datetime");
        if (!v.isBlank()) {
          m.tags.putIfAbsent("itemprop:datepublished", v);
        }
      }
      for (Element s : doc.select("script[type~=(?i)application/ld\\+json]")) {
        String data = s.data().strip();
        if (data.startsWith("<!--")) {
          data = data.substring(4);
        }
        if (data.endsWith("-->")) {
          data = data.substring(0, data.length() - 3);
        }
        try {
          m.readLd(JSON.readTree(data.replace("//<![CDATA[", "").replace("//]]>", "")), 0);
        } catch (Exception e) {
          // A broken JSON-LD block is ignored; the meta tags remain.
        }
      }
      return m;
    }

    private static final Set<String> ARTICLE_TYPES =
        Set.of(
            "article",
            "newsarticle",
            "blogposting",
            "reportagenewsarticle",
            "analysisnewsarticle",
            "opinionnewsarticle",
            "reviewnewsarticle",
            "backgroundnewsarticle",
            "techarticle",
            "scholarlyarticle",
            "report",
            "liveblogposting",
            "socialmediaposting",
            "posting",
            "webpage",
            "itempage",
            "medicalwebpage",
            "creativework",
            "review",
            "recipe",
            "event",
            "videoobject");

    private void readLd(JsonNode n, int depth) {
      if (n == null || depth > 6) {
        return;
      }
      if (n.isArray()) {
        for (JsonNode c : n) {
          readLd(c, depth + 1);
        }
        return;
      }
      if (!n.isObject()) {
        return;
      }
      if (n.has("@graph")) {
        readLd(n.get("@graph"), depth + 1);
      }
      String type = typeOf(n);
      boolean article = type != null && ARTICLE_TYPES.contains(type);
      boolean page = "webpage".equals(type) || "itempage".equals(type);
      if (article) {
        String dp = text(n.get("datePublished"));
        if (dp == null) {
          dp = text(n.get("dateCreated"));
        }
        if (dp != null) {
          // Real articles first, the page's own date after them.
          if (page) {
            ldPublished.add(dp);
          } else {
            ldPublished.add(0, dp);
          }
        }
        String dm = text(n.get("dateModified"));
        if (dm != null) {
          ldModified.add(dm);
        }
        if (!page) {
          if (headline == null) {
            headline = text(n.get("headline"));
          }
          String ab = text(n.get("articleBody"));
          if (ab != null && (articleBody == null || ab.length() > articleBody.length())) {
            articleBody = ab;
          }
        }
        JsonNode pub = n.get("publisher");
        if (publisher == null && pub != null) {
          publisher = pub.isTextual() ? pub.asText() : text(pub.get("name"));
        }
      }
      if (n.has("mainEntity")) {
        readLd(n.get("mainEntity"), depth + 1);
      }
    }

    private static String typeOf(JsonNode n) {
      JsonNode t = n.get("@type");
      if (t == null) {
        return null;
      }
      if (t.isArray()) {
        for (JsonNode x : t) {
          String s = x.asText().toLowerCase(Locale.ROOT);
          if (ARTICLE_TYPES.contains(s) && !s.equals("webpage")) {
            return s;
          }
        }
        return t.size() > 0 ? t.get(0).asText().toLowerCase(Locale.ROOT) : null;
      }
      return t.asText().toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode n) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isArray()) {
        return n.size() > 0 ? text(n.get(0)) : null;
      }
      String s = n.isTextual() ? n.asText() : n.isObject() ? null : n.asText();
      return s == null || s.isBlank() ? null : s;
    }

    private static final String[] PUBLISHED_KEYS = {
      "article:published_time",
      "og:published_time",
      "og:article:published_time",
      "article:published",
      "itemprop:datepublished",
      "datepublished",
      "pubdate",
      "publishdate",
      "publish-date",
      "publish_date",
      "publication_date",
      "publication-date",
      "date",
      "dc.date",
      "dc.date.issued",
      "dc.date.created",
      "dcterms.date",
      "dcterms.issued",
      "dcterms.created",
      "sailthru.date",
      "parsely-pub-date",
      "article.published",
      "article_date_original",
      "cxenseparse:recs:publishtime",
      "citation_publication_date",
      "citation_date",
      "original-publish-date",
      "dc.date.published",
      "date_published",
      "release_date",
      "created"
    };

    List<String[]> publishedCandidates() {
      List<String[]> out = new ArrayList<>();
      for (String d : ldPublished) {
        out.add(new String[] {d, "json-ld"});
      }
      for (String k : PUBLISHED_KEYS) {
        String v = tags.get(k);
        if (v != null && !v.isBlank()) {
          out.add(new String[] {v, "meta:" + k});
        }
      }
      return out;
    }

    private static final String[] MODIFIED_KEYS = {
      "article:modified_time",
      "og:updated_time",
      "article:modified",
      "datemodified",
      "last-modified",
      "dcterms.modified",
      "dc.date.modified",
      "lastmod",
      "parsely-updated"
    };

    List<String[]> modifiedCandidates() {
      List<String[]> out = new ArrayList<>();
      for (String d : ldModified) {
        out.add(new String[] {d, "json-ld"});
      }
      for (String k : MODIFIED_KEYS) {
        String v = tags.get(k);
        if (v != null && !v.isBlank()) {
          out.add(new String[] {v, "meta:" + k});
        }
      }
      return out;
    }
  }
}
