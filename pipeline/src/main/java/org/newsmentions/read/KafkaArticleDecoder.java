package org.newsmentions.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.newsmentions.parse.ArticleJsonLine;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * Turns one Kafka record (key, value, headers) into a {@link RawArticle} for the parser.
 *
 * <p>How the value is recognised, first match wins:
 *
 * <ol>
 *   <li>header {@code content-type} containing {@code avro}: an Avro {@link Article}, in single-
 *       object encoding (starts with {@code C3 01} and the schema fingerprint) or, without that
 *       marker, a bare binary datum of this build's {@code Article} schema;
 *   <li>header {@code content-type} containing {@code json}: a JSON-lines article (news-please
 *       shape);
 *   <li>header {@code content-type} starting with {@code text/html} or {@code application/xhtml}:
 *       a raw HTML page;
 *   <li>header {@code content-type} starting with another {@code text/} type: raw scraper text;
 *   <li>no such header and a value starting with the Avro single-object marker {@code C3 01}: an
 *       Avro {@code Article} ({@code C3} cannot start UTF-8 text, so no text article looks like
 *       this);
 *   <li>anything else: left to the parser, which reads a value whose first non-blank character is
 *       {@code {} as a JSON line and anything else as raw text.
 * </ol>
 *
 * <p>An Avro article is handed on as the equivalent JSON line ({@code url}, {@code source_domain}
 * from {@code outlet}, {@code title}, {@code maintext} from {@code body}, {@code date_publish} from
 * {@code published}, {@code language}), so every source goes through the same parser. One that does
 * not decode, or has neither title nor body, is rejected here with its original bytes.
 *
 * <p>Hints: header {@code url} (else a key that is an http(s) URL) and header {@code outlet} help
 * the parser when the text itself has no URL or outlet. Provenance is {@code
 * kafka:topic/partition/offset} and the ingest time is the record's Kafka timestamp.
 */
public final class KafkaArticleDecoder {
  /** Header naming the value's format. */
  public static final String CONTENT_TYPE = "content-type";

  /** Header with the article's URL. */
  public static final String URL = "url";

  /** Header with the article's outlet (a name or a domain). */
  public static final String OUTLET = "outlet";

  /** Content types FeedKafka sets. */
  public static final String TEXT = "text/plain; charset=utf-8";

  public static final String JSON = "application/json";

  /** The content type of a raw HTML page (a charset parameter, when sent, is used to decode it). */
  public static final String HTML = "text/html";

  public static final String AVRO = "application/avro";

  private KafkaArticleDecoder() {}

  /** Provenance of a Kafka record, as written in {@code source} fields. */
  public static String source(String topic, int partition, long offset) {
    return "kafka:" + topic + "/" + partition + "/" + offset;
  }

  /**
   * @param headers the record's headers by lower-case name (the last value of a repeated header)
   * @throws BadArticleException (reason {@code bad-avro} or {@code no-text}) for an Avro value that
   *     cannot be an article
   */
  public static RawArticle decode(
      String topic,
      int partition,
      long offset,
      long timestampMillis,
      byte[] key,
      byte[] value,
      Map<String, byte[]> headers)
      throws BadArticleException {
    byte[] payload = value == null ? new byte[0] : value;
    String contentType = header(headers, CONTENT_TYPE);
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    RawFormat format = RawFormat.AUTO;
    if (type.contains("avro") || (type.isEmpty() && isSingleObjectAvro(payload))) {
      payload = avroToJsonLine(payload);
      format = RawFormat.JSON_LINE;
    } else if (type.contains("json")) {
      format = RawFormat.JSON_LINE;
    } else if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
      format = RawFormat.HTML;
    } else if (type.startsWith("text/")) {
      format = RawFormat.RAW_TEXT;
    }
    String url = header(headers, URL);
    if (url == null && key != null) {
      String k = new String(key, StandardCharsets.UTF_8).strip();
      String lower = k.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        url = k;
      }
    }
    return RawArticle.newBuilder()
        .setSource(source(topic, partition, offset))
        .setFormat(format)
        .setPayload(ByteBuffer.wrap(payload))
        .setIngested(Instant.ofEpochMilli(Math.max(0L, timestampMillis)))
        .setUrlHint(url)
        .setOutletHint(header(headers, OUTLET))
        .setContentType(contentType)
        .build();
  }

  /** True when the bytes start with Avro's single-object encoding marker. */
  public static boolean isSingleObjectAvro(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0xC3 && bytes[1] == 0x01;
  }

  /** An Avro article as the JSON line the parser reads. */
  static byte[] avroToJsonLine(byte[] bytes) throws BadArticleException {
    Article a = readAvro(bytes);
    if (isBlank(a.getTitle()) && isBlank(a.getBody())) {
      throw new BadArticleException("no-text", "Avro article has neither a title nor a body");
    }
    return ArticleJsonLine.of(a);
  }

  private static Article readAvro(byte[] bytes) throws BadArticleException {
    try {
      if (isSingleObjectAvro(bytes)) {
        return Article.getDecoder().decode(bytes);
      }
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
      Article a = new SpecificDatumReader<>(Article.class).read(null, decoder);
      if (!decoder.isEnd()) {
        throw new BadArticleException(
            "bad-avro", "bytes left over after an Avro Article: not this schema");
      }
      return a;
    } catch (IOException | RuntimeException e) {
      throw new BadArticleException(
          "bad-avro", "not an Avro Article of this build's schema: " + e, e);
    }
  }

  private static String header(Map<String, byte[]> headers, String name) {
    byte[] v = headers == null ? null : headers.get(name);
    if (v == null) {
      return null;
    }
    String s = new String(v, StandardCharsets.UTF_8).strip();
    return s.isEmpty() ? null : s;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
