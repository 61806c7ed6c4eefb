package org.newsmentions.parse;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;
import org.newsmentions.parse.JsonArticleReader.JsonArticle;
import org.newsmentions.parse.PublicationDateExtractor.DateFinding;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * The publication time a raw record will get from {@link ArticleParser}, found before parsing so a
 * streaming source can stamp the record with it (the Kafka source's timestamp policy).
 *
 * <p>The answer is always the parser's own, and usually cheap: when the record carries an explicit
 * date (a raw text's {@code date YYYY-MM-DD} header; a JSON line's {@code date_publish} in ISO
 * form, or in any form when its {@code source_domain} or URL already names the outlet, which
 * decides day or month first) it is read with the parser's date extractor without cleaning the
 * text. Otherwise (a date only in a byline, or none) the record is parsed in full. A record the
 * parser will reject has no time. A record with an explicit date whose text the parser later
 * rejects (say, no body) still yields that date: the watermark may move on a record that is then
 * dead-lettered.
 *
 * <p>Not thread-safe for the lazily built parser; use one instance per thread.
 */
public final class PublicationTimes implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ParserSettings settings;
  private transient PublicationDateExtractor dates;
  private transient OutletResolver outlets;
  private transient ArticleParser parser;

  public PublicationTimes(ParserSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The record's publication time, or null when the parser will find none (or reject it). */
  public Instant of(RawArticle raw) {
    ByteBuffer payload = raw.getPayload();
    if (raw.getFormat() == RawFormat.HTML && payload != null) {
      // A page's date is in its metadata, which only the HTML extractor reads; it has its own size
      // limit.
      init();
      return fullParse(raw);
    }
    if (payload == null || payload.remaining() > settings.maxArticleBytes()) {
      return null;
    }
    ByteBuffer buf = payload.duplicate();
    byte[] bytes = new byte[buf.remaining()];
    buf.get(bytes);
    String text;
    try {
      text = TextDecoder.decode(bytes);
    } catch (BadArticleException e) {
      return null;
    }
    init();
    DateFinding quick;
    try {
      quick =
          ArticleParser.isJson(raw.getFormat(), text) ? quickJson(raw, text) : quickRawText(text);
    } catch (BadArticleException e) {
      return null;
    }
    if (quick != null && quick.published() != null) {
      return quick.published();
    }
    return fullParse(raw);
  }

  /** The header date, which the parser prefers to anything in the text; null when absent. */
  private DateFinding quickRawText(String text) {
    String header = ArticleTextCleaner.headerDate(text);
    return header == null ? null : dates.find(header, null, null, null);
  }

  /**
   * The metadata date when it cannot depend on an outlet found only in the text; null otherwise.
   */
  private DateFinding quickJson(RawArticle raw, String text) throws BadArticleException {
    JsonArticle json = JsonArticleReader.read(text);
    String date = json.datePublish();
    if (date == null || date.isBlank()) {
      return null;
    }
    // The parser's first two outlet sources; the others need the cleaned text.
    String outlet = outlets.fromName(json.sourceDomain());
    if (outlet == null) {
      String url = json.url() != null && !json.url().isBlank() ? json.url() : raw.getUrlHint();
      outlet = outlets.fromHost(url == null ? null : url.strip());
    }
    if (outlet == null && PublicationDateExtractor.parseIso(date.strip()) == null) {
      return null;
    }
    return dates.find(null, date, null, outlet);
  }

  private Instant fullParse(RawArticle raw) {
    try {
      return parser.parse(raw).article().getPublished();
    } catch (BadArticleException | RuntimeException e) {
      return null;
    }
  }

  private void init() {
    if (parser == null) {
      dates = new PublicationDateExtractor(settings);
      outlets = new OutletResolver();
      parser = new ArticleParser(settings);
    }
  }
}
