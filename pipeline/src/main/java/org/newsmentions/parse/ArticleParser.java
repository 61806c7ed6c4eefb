package org.newsmentions.parse;

import java.io.Serializable;
import java.nio.ByteBuffer;
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
    if (buf.remaining() > settings.maxArticleBytes()) {
      throw new BadArticleException(
          "oversize",
          String.format(
              Locale.ROOT,
              "record has %d bytes, more than the limit of %d",
              buf.remaining(),
              settings.maxArticleBytes()));
    }
    byte[] bytes = new byte[buf.remaining()];
    buf.get(bytes);
    String text = TextDecoder.decode(bytes);
    return isJson(raw.getFormat(), text) ? parseJson(raw, text) : parseRawText(raw, text);
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
      throw new BadArticleException(
          "oversize",
          String.format(
              Locale.ROOT,
              "page text has %d characters, more than the limit of %d",
              body.length(),
              settings.maxArticleBytes()));
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
    DateSource from =
        html.published() == null
            ? DateSource.none
            : "url".equals(html.sources().published())
                ? DateSource.url
                : "text".equals(html.sources().published())
                    ? DateSource.byline
                    : DateSource.metadata;
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
    DateFinding date = dates.find(header, null, clean.dateLines(), clean.titleLine(), outlet);
    return outcome(raw, clean, url, outlet, date, detectLanguage(clean));
  }

  private ParseOutcome parseJson(RawArticle raw, String text) throws BadArticleException {
    JsonArticle json = JsonArticleReader.read(text);
    String title = json.title() == null ? "" : json.title();
    Cleaned clean = ArticleTextCleaner.clean(json.body() == null ? "" : json.body(), title);
    requireText(clean);
    String url = blankToNull(json.url());
    if (url == null) {
      url = blankToNull(raw.getUrlHint());
    }
    String outlet = outlets.fromName(json.sourceDomain());
    if (outlet == null) {
      outlet = outlets.fromHost(url);
    }
    if (outlet == null) {
      outlet = outlets.fromText(clean.firstParagraph(), clean.lines(), clean.title());
    }
    if (outlet == null) {
      outlet = outlets.fromName(raw.getOutletHint());
    }
    DateFinding date = dates.find(null, json.datePublish(), clean.dateLines(), outlet);
    String language = language(json.language());
    if (language == null) {
      language = detectLanguage(clean);
    }
    return outcome(raw, clean, url, outlet, date, language);
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
            .setPublishedLocal(date.local())
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
