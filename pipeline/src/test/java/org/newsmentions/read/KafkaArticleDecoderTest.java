package org.newsmentions.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

class KafkaArticleDecoderTest {
  private static final byte[] TEXT =
      " date 2025-05-08 Putin and Xi meet\n\nThe two leaders met in Moscow."
          .getBytes(StandardCharsets.UTF_8);

  private static Map<String, byte[]> headers(String... kv) {
    Map<String, byte[]> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return m;
  }

  private static RawArticle decode(byte[] key, byte[] value, Map<String, byte[]> headers)
      throws BadArticleException {
    return KafkaArticleDecoder.decode("news", 2, 41, 1_746_700_000_000L, key, value, headers);
  }

  private static byte[] payload(RawArticle r) {
    ByteBuffer b = r.getPayload().duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static Article article() {
    return Article.newBuilder()
        .setId("u:1")
        .setSource("somewhere")
        .setUrl("https://www.example-news.example/a")
        .setOutlet("example-news")
        .setTitle("Putin and Xi meet")
        .setBody("The two leaders met in Moscow.")
        .setPublished(Instant.parse("2025-05-08T09:00:00Z"))
        .setLanguage("en")
        .build();
  }

  @Test
  void provenanceAndIngestTimeComeFromTheRecord() throws Exception {
    RawArticle r = decode(null, TEXT, Map.of());
    assertEquals("kafka:news/2/41", r.getSource());
    assertEquals(Instant.ofEpochMilli(1_746_700_000_000L), r.getIngested());
    assertTrue(Arrays.equals(TEXT, payload(r)));
  }

  @Test
  void contentTypeDecidesTheFormat() throws Exception {
    assertEquals(
        RawFormat.RAW_TEXT,
        decode(null, TEXT, headers("content-type", "text/plain; charset=utf-8")).getFormat());
    assertEquals(
        RawFormat.JSON_LINE,
        decode(null, "{}".getBytes(), headers("content-type", "application/json")).getFormat());
    assertEquals(
        RawFormat.JSON_LINE,
        decode(null, "{}".getBytes(), headers("content-type", "application/x-ndjson")).getFormat());
    // Without a header the parser decides (first non-blank character).
    assertEquals(RawFormat.AUTO, decode(null, TEXT, Map.of()).getFormat());
  }

  @Test
  void hintsFromHeadersOrAUrlKey() throws Exception {
    RawArticle fromHeaders =
        decode(
            "01-file.txt".getBytes(),
            TEXT,
            headers("url", "https://a.example/x", "outlet", "Daily Meridian"));
    assertEquals("https://a.example/x", fromHeaders.getUrlHint());
    assertEquals("Daily Meridian", fromHeaders.getOutletHint());
    RawArticle fromKey = decode("https://b.example/y ".getBytes(), TEXT, Map.of());
    assertEquals("https://b.example/y", fromKey.getUrlHint());
    RawArticle plainKey = decode("01-file.txt".getBytes(), TEXT, Map.of());
    assertNull(plainKey.getUrlHint());
    assertNull(plainKey.getOutletHint());
  }

  @Test
  void nullValueIsAnEmptyRecordForTheParserToDeadLetter() throws Exception {
    assertEquals(0, payload(decode(null, null, Map.of())).length);
  }

  @Test
  void singleObjectAvroIsRecognisedByItsMarkerAndBecomesAJsonLine() throws Exception {
    ByteBuffer encoded = Article.getEncoder().encode(article());
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    assertEquals(0xC3, bytes[0] & 0xff);
    assertEquals(0x01, bytes[1]);
    RawArticle r = decode(null, bytes, Map.of());
    assertEquals(RawFormat.JSON_LINE, r.getFormat());
    JsonNode json = new ObjectMapper().readTree(payload(r));
    assertEquals("https://www.example-news.example/a", json.get("url").textValue());
    assertEquals("example-news", json.get("source_domain").textValue());
    assertEquals("Putin and Xi meet", json.get("title").textValue());
    assertEquals("The two leaders met in Moscow.", json.get("maintext").textValue());
    assertEquals("2025-05-08T09:00:00Z", json.get("date_publish").textValue());
    assertEquals("en", json.get("language").textValue());
  }

  @Test
  void bareAvroDatumNeedsTheContentTypeHeader() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(Article.class).write(article(), enc);
    enc.flush();
    RawArticle r = decode(null, out.toByteArray(), headers("content-type", "application/avro"));
    assertEquals(RawFormat.JSON_LINE, r.getFormat());
    assertEquals(
        "Putin and Xi meet", new ObjectMapper().readTree(payload(r)).get("title").textValue());
  }

  @Test
  void brokenAvroIsRejectedAsBadAvro() {
    byte[] truncated = {(byte) 0xC3, 0x01, 1, 2, 3};
    BadArticleException e =
        assertThrows(BadArticleException.class, () -> decode(null, truncated, Map.of()));
    assertEquals("bad-avro", e.reason());
    BadArticleException text =
        assertThrows(
            BadArticleException.class,
            () -> decode(null, TEXT, headers("content-type", "application/avro")));
    assertEquals("bad-avro", text.reason());
  }

  @Test
  void avroArticleWithoutTextIsRejected() throws Exception {
    Article empty = Article.newBuilder(article()).setTitle("").setBody(" ").build();
    ByteBuffer encoded = Article.getEncoder().encode(empty);
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    BadArticleException e =
        assertThrows(BadArticleException.class, () -> decode(null, bytes, Map.of()));
    assertEquals("no-text", e.reason());
  }
}
