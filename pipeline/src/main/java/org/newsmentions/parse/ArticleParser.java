package org.newsmentions.parse;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.newsmentions.parse.ArticleTextCleaner.Cleaned;
import org.newsmentions.parse.JsonArticleReader.JsonArticle;
import org.newsmentions.parse.PublicationDateExtractor.DateFinding;
import org.newsmentions.parse.html.HtmlArticle;
import org.newsmentions.parse.html.HtmlArticleExtractor;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DateSource;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * Turns one raw record (a scraper's text file or a news-please JSON line) into an {@link Article}:
 * decoded, boilerplate removed, title and body separated, publication date, outlet and id found.
 *
 * <p>Stateless after construction, hence thread-safe; serializable so Beam can ship it to workers.
 */
public final class ArticleParser implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");

  private final ParserSettings settings;
  private final PublicationDateExtractor dates;
  private final OutletResolver outlets;
  private final HtmlArticleExtractor html;

  public ArticleParser(ParserSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.dates = new PublicationDateExtractor(settings);
    this.outlets = new OutletResolver();
    this.html = new HtmlArticleExtractor(settings);
  }

  /**
   * Parses one record.
   *
   * @throws BadArticleException when the record cannot be an article; {@link
   *     BadArticleException#reason()} is one of {@code oversize}, {@code empty}, {@code binary},
   *     {@code bad-json}, {@code no-text}
   */
  public ParseOutcome parse(RawArticle raw) throws BadArticleException {
    Objects.requireNonNull(raw, "raw");
    ByteBuffer payload = raw.getPayload();
    if (payload == null) {
      throw new BadArticleException("empty", "record has no payload");
    }
    ByteBuffer buf = payload.duplicate();
    if (isHtml(raw.getFormat(), buf)) {
      byte[] page = new byte[buf.remaining()];
      buf.get(page);
      return parseHtml(raw, page);
    }
    // A JSON line may carry a whole page in its html field: it is held to the page limit here and
    // to the article limit once it is known to carry none.
    int limit =
        raw.getFormat() == RawFormat.RAW_TEXT
            ? settings.maxArticleBytes()
            : Math.max(settings.maxArticleBytes(), settings.maxPageBytes());
    int size = buf.remaining();
    if (size > limit) {
      throw oversize("record", size, limit);
    }
    byte[] bytes = new byte[size];
    buf.get(bytes);
    String text = TextDecoder.decode(bytes);
    if (isJson(raw.getFormat(), text)) {
      return parseJson(raw, text, size);
    }
    if (size > settings.maxArticleBytes()) {
      throw oversize("record", size, settings.maxArticleBytes());
    }
    return parseRawText(raw, text);
  }

  /** HTML by the record's format, or for an AUTO record (Kafka) by its first bytes. */
  private static boolean isHtml(RawFormat format, ByteBuffer buf) {
    if (format == RawFormat.HTML) {
      return true;
    }
    if (format != RawFormat.AUTO) {
      return false;
    }
    byte[] head = new byte[Math.min(buf.remaining(), 2048)];
    buf.duplicate().get(head);
    return HtmlSniffer.looksLikeHtml(head);
  }

  /**
   * A raw page: title, body, dates, outlet, canonical URL and language from its structure and
   * metadata ({@link HtmlArticleExtractor}); the page's own language declaration before detection.
   */
  private ParseOutcome parseHtml(RawArticle raw, byte[] page) throws BadArticleException {
    String fetchedFrom = blankToNull(raw.getUrlHint());
    HtmlArticle html =
        this.html.extract(page, raw.getContentType(), fetchedFrom, raw.getIngested());
    String body = html.body().replace("\n", "\n\n");
    if (html.title().isEmpty() && body.isBlank()) {
      throw new BadArticleException("no-text", "page has neither a title nor article text");
    }
    if (body.length() > settings.maxArticleBytes()) {
      throw oversize("page text", body.length(), settings.maxArticleBytes());
    }
    String url = fetchedFrom != null ? fetchedFrom : blankToNull(html.canonicalUrl());
    String outlet = outlets.fromHost(url);
    if (outlet == null) {
      outlet = outlets.fromName(html.outlet());
    }
    if (outlet == null) {
      outlet = outlets.fromName(raw.getOutletHint());
    }
    String language = language(html.language());
    if (language == null) {
      language = LanguageIdentifier.detect(html.title() + "\n\n" + body);
    }
    DateSource from = dateSource(html);
    Article article =
        Article.newBuilder()
            .setId(ArticleIds.of(url, raw.getSource()))
            .setSource(raw.getSource())
            .setUrl(url)
            .setCanonicalUrl(html.canonicalUrl())
            .setOutlet(outlet)
            .setTitle(html.title())
            .setBody(body)
            .setPublished(html.published())
            .setPublishedLocal(html.publishedLocal())
            .setPublishedFrom(from)
            .setModified(html.modified())
            .setLanguage(language)
            .setIngested(raw.getIngested())
            .build();
    return new ParseOutcome(article, html.rejectedDate());
  }

  private ParseOutcome parseRawText(RawArticle raw, String text) throws BadArticleException {
    String header = ArticleTextCleaner.headerDate(text);
    Cleaned clean = ArticleTextCleaner.clean(ArticleTextCleaner.withoutHeader(text), null);
    requireText(clean);
    String url = blankToNull(raw.getUrlHint());
    String outlet = outlets.fromHost(url);
    if (outlet == null) {
      outlet = outlets.fromText(clean.firstParagraph(), clean.lines(), clean.title());
    }
    if (outlet == null) {
      outlet = outlets.fromName(raw.getOutletHint());
    }
    DateFinding date = dates.find(header, null, clean.dateLines(), outlet);
    return outcome(raw, clean, url, outlet, date, detectLanguage(clean));
  }

  /**
   * A news-please style JSON line. {@code maintext} is article text a scraper already extracted,
   * cleaned only of inline teasers and repeats ({@link ScraperText}); {@code text} or {@code
   * description} stand in for it through the raw-dump cleaner. A line that also carries the page in
   * {@code html} keeps the scraper's title, text and date and takes from the page only what they
   * lack.
   */
  private ParseOutcome parseJson(RawArticle raw, String text, int recordBytes)
      throws BadArticleException {
    JsonArticle json = JsonArticleReader.read(text);
    if (!json.hasPage() && recordBytes > settings.maxArticleBytes()) {
      throw oversize("JSON line without a page", recordBytes, settings.maxArticleBytes());
    }
    String url = blankToNull(json.url());
    if (url == null) {
      url = blankToNull(raw.getUrlHint());
    }
    HtmlArticle page =
        json.hasPage()
            ? html.extract(
                json.html().getBytes(StandardCharsets.UTF_8),
                JSON_PAGE_TYPE,
                url,
                raw.getIngested())
            : null;
    String title = blankToNull(json.title());
    if (title == null && page != null) {
      title = page.title();
    }
    title = title == null ? "" : title;
    Cleaned clean;
    if (json.hasMaintext()) {
      clean = ScraperText.clean(json.maintext(), title);
    } else if (page != null && !page.body().isBlank()) {
      clean = ScraperText.clean(page.body(), title);
    } else {
      clean =
          ArticleTextCleaner.clean(json.fallbackBody() == null ? "" : json.fallbackBody(), title);
    }
    requireText(clean);
    if (clean.body().length() > settings.maxArticleBytes()) {
      throw oversize("article text", clean.body().length(), settings.maxArticleBytes());
    }
    if (url == null && page != null) {
      url = blankToNull(page.canonicalUrl());
    }
    String outlet = outlets.fromName(json.sourceDomain());
    if (outlet == null) {
      outlet = outlets.fromHost(url);
    }
    if (outlet == null && page != null) {
      outlet = outlets.fromName(page.outlet());
    }
    if (outlet == null) {
      outlet = outlets.fromText(clean.firstParagraph(), clean.lines(), clean.title());
    }
    if (outlet == null) {
      outlet = outlets.fromName(raw.getOutletHint());
    }
    DateFinding date;
    String publishedLocal = null;
    if (page == null) {
      date = dates.find(null, json.datePublish(), clean.dateLines(), outlet);
    } else {
      // The scraper's date, then the page's metadata, then the text.
      date = dates.find(null, json.datePublish(), List.of(), outlet);
      String rejected = date.rejected() != null ? date.rejected() : page.rejectedDate();
      if (date.published() == null && page.published() != null) {
        date = new DateFinding(page.published(), dateSource(page), rejected);
        publishedLocal = page.publishedLocal();
      } else if (date.published() == null) {
        DateFinding inText = dates.find(null, null, clean.dateLines(), outlet);
        date =
            new DateFinding(
                inText.published(), inText.from(), rejected != null ? rejected : inText.rejected());
      }
    }
    String language = language(json.language());
    if (language == null && page != null) {
      language = language(page.language());
    }
    if (language == null) {
      language = detectLanguage(clean);
    }
    ParseOutcome outcome = outcome(raw, clean, url, outlet, date, language);
    if (page == null) {
      return outcome;
    }
    Article withPage =
        Article.newBuilder(outcome.article())
            .setCanonicalUrl(page.canonicalUrl())
            .setModified(page.modified())
            .setPublishedLocal(publishedLocal)
            .build();
    return new ParseOutcome(withPage, outcome.rejectedDate());
  }

  /** A page inside a JSON line is already text; the JSON reader decoded it. */
  private static final String JSON_PAGE_TYPE = "text/html; charset=utf-8";

  private static DateSource dateSource(HtmlArticle page) {
    if (page.published() == null) {
      return DateSource.none;
    }
    return switch (String.valueOf(page.sources().published())) {
      case "url" -> DateSource.url;
      case "text" -> DateSource.byline;
      default -> DateSource.metadata;
    };
  }

  private static BadArticleException oversize(String what, int size, int limit) {
    return new BadArticleException(
        "oversize",
        String.format(
            Locale.ROOT, "%s has %d bytes, more than the limit of %d", what, size, limit));
  }

  private static ParseOutcome outcome(
      RawArticle raw, Cleaned clean, String url, String outlet, DateFinding date, String language) {
    String body = clean.body();
    Article article =
        Article.newBuilder()
            .setId(ArticleIds.of(url, raw.getSource()))
            .setSource(raw.getSource())
            .setUrl(url)
            .setOutlet(outlet)
            .setTitle(clean.title())
            .setBody(body)
            .setPublished(date.published())
            .setPublishedFrom(date.from())
            .setLanguage(language)
            .setIngested(raw.getIngested())
            .build();
    return new ParseOutcome(article, date.rejected());
  }

  private static void requireText(Cleaned clean) throws BadArticleException {
    if (clean.title().isEmpty() && clean.paragraphs().isEmpty()) {
      throw new BadArticleException("no-text", "record has neither a title nor article text");
    }
  }

  /** Whether the parser reads this record as JSON: by its format, else by a first '{'. */
  static boolean isJson(RawFormat format, String text) {
    if (format == RawFormat.JSON_LINE) {
      return true;
    }
    if (format == RawFormat.RAW_TEXT) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && !TextDecoder.isExtraSpace(c)) {
        return c == '{';
      }
    }
    return false;
  }

  /** The language of the clean title and body, read by the language detector; null if unsure. */
  private static String detectLanguage(Cleaned clean) {
    String sample = clean.title().isEmpty() ? clean.body() : clean.title() + "\n\n" + clean.body();
    return LanguageIdentifier.detect(sample);
  }

  /** An ISO 639-1 code from a language tag ("en", "en-US"), else null. */
  static String language(String tag) {
    if (tag == null) {
      return null;
    }
    String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return LANGUAGE.matcher(primary).matches() ? primary : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
