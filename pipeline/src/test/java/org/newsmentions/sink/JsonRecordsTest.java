package org.newsmentions.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.DateSource;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.EntityType;
import org.newsmentions.schema.PaneTiming;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;
import org.newsmentions.schema.Span;

class JsonRecordsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }

  private static List<String> schemaNames(Schema s) {
    return s.getFields().stream().map(Schema.Field::name).toList();
  }

  private static Article article() {
    return Article.newBuilder()
        .setId("u:abc")
        .setSource("data/news.jsonl#3")
        .setUrl(null)
        .setOutlet("valmora-times")
        .setTitle("Dockers strike")
        .setBody("Line one \"quoted\".\n\nLine two.")
        .setPublished(Instant.parse("2025-05-04T00:00:00Z"))
        .setPublishedFrom(DateSource.metadata)
        .setIngested(Instant.parse("2025-05-04T10:15:30.123Z"))
        .setCopies(3)
        .setOutlets(2)
        .setEntities(
            List.of(
                ArticleEntity.newBuilder()
                    .setId("q:ortiz")
                    .setName("Lena Ortiz")
                    .setType(EntityType.PERSON)
                    .setMentions(2)
                    .setSpans(List.of(new Span(0, 4), new Span(20, 30)))
                    .build(),
                ArticleEntity.newBuilder()
                    .setId("q:valmora")
                    .setName("Valmora")
                    .setType(EntityType.LOCATION)
                    .setMentions(1)
                    .setSpans(List.of())
                    .build()))
        .build();
  }

  @Test
  void articleHasExactFieldNamesAndPlainValues() throws Exception {
    String json = JsonRecords.toJson(article());
    assertFalse(json.contains("\n"), "one line");
    JsonNode n = MAPPER.readTree(json);
    assertEquals(schemaNames(Article.getClassSchema()), fieldNames(n));
    assertEquals("u:abc", n.get("id").asText());
    assertTrue(n.get("url").isNull());
    assertTrue(n.get("language").isNull());
    assertTrue(n.get("duplicate_of").isNull());
    assertTrue(n.get("outlet").isTextual(), "union not wrapped: " + n.get("outlet"));
    assertEquals("valmora-times", n.get("outlet").asText());
    assertEquals("Line one \"quoted\".\n\nLine two.", n.get("body").asText());
    assertEquals("2025-05-04T00:00:00Z", n.get("published").asText());
    assertEquals("2025-05-04T10:15:30.123Z", n.get("ingested").asText());
    assertEquals("metadata", n.get("published_from").asText());
    assertTrue(n.get("copies").isInt());
    assertEquals(3, n.get("copies").asInt());
    assertEquals(2, n.get("outlets").asInt());
  }

  @Test
  void nestedArraysOfRecords() throws Exception {
    JsonNode entities = MAPPER.readTree(JsonRecords.toJson(article())).get("entities");
    assertTrue(entities.isArray());
    assertEquals(2, entities.size());
    JsonNode e0 = entities.get(0);
    assertEquals(List.of("id", "name", "type", "mentions", "spans"), fieldNames(e0));
    assertEquals("PERSON", e0.get("type").asText());
    assertEquals(2, e0.get("mentions").asInt());
    assertEquals(2, e0.get("spans").size());
    assertEquals(20, e0.get("spans").get(1).get("start").asInt());
    assertEquals(30, e0.get("spans").get(1).get("end").asInt());
    assertEquals("LOCATION", entities.get(1).get("type").asText());
    assertTrue(entities.get(1).get("spans").isArray());
    assertEquals(0, entities.get(1).get("spans").size());
  }

  @Test
  void nullTimestampUnionIsNull() throws Exception {
    Article a = Article.newBuilder().setId("t:1").setSource("s").build();
    JsonNode n = MAPPER.readTree(JsonRecords.toJson(a));
    assertTrue(n.get("published").isNull());
    assertTrue(n.get("ingested").isNull());
    assertEquals("none", n.get("published_from").asText());
    assertEquals(0, n.get("entities").size());
    assertEquals("", n.get("title").asText());
  }

  @Test
  void countsWithTimestampsLongsAndEnum() throws Exception {
    EntityMentionCount c =
        EntityMentionCount.newBuilder()
            .setWindowStart(Instant.parse("2025-05-04T00:00:00Z"))
            .setWindowEnd(Instant.parse("2025-05-05T00:00:00Z"))
            .setEntityId("q:ortiz")
            .setEntityName("Lena Ortiz")
            .setEntityType("PERSON")
            .setMentions(5_000_000_000L)
            .setArticles(2)
            .setCopies(4)
            .setOutlets(3)
            .setPaneTiming(PaneTiming.ON_TIME)
            .setPaneIndex(0)
            .build();
    JsonNode n = MAPPER.readTree(JsonRecords.toJson(c));
    assertEquals(schemaNames(EntityMentionCount.getClassSchema()), fieldNames(n));
    assertEquals("2025-05-04T00:00:00Z", n.get("window_start").asText());
    assertEquals("2025-05-05T00:00:00Z", n.get("window_end").asText());
    assertEquals(5_000_000_000L, n.get("mentions").asLong());
    assertTrue(n.get("articles").isIntegralNumber());
    assertEquals("ON_TIME", n.get("pane_timing").asText());
    assertEquals(0, n.get("pane_index").asInt());
  }

  @Test
  void bytesAsBase64() throws Exception {
    byte[] payload = {0, 1, (byte) 0xff, 'a', '\n'};
    RawArticle r =
        RawArticle.newBuilder()
            .setSource("kafka:news/0/17")
            .setFormat(RawFormat.JSON_LINE)
            .setPayload(ByteBuffer.wrap(payload))
            .setIngested(Instant.parse("2025-05-04T00:00:00Z"))
            .setOutletHint("valmora-times")
            .build();
    JsonNode n = MAPPER.readTree(JsonRecords.toJson(r));
    assertEquals("JSON_LINE", n.get("format").asText());
    assertArrayEquals(payload, Base64.getDecoder().decode(n.get("payload").asText()));
    assertTrue(n.get("url_hint").isNull());
    assertEquals("valmora-times", n.get("outlet_hint").asText());
    // writing does not consume the buffer
    assertEquals(payload.length, r.getPayload().remaining());
  }

  @Test
  void deadLetterNullStackTrace() throws Exception {
    DeadLetter d =
        DeadLetter.newBuilder()
            .setSource("s")
            .setStage("parse")
            .setError("bad")
            .setStackTrace(null)
            .setPayload("é")
            .setFailedAt(Instant.EPOCH)
            .build();
    JsonNode n = MAPPER.readTree(JsonRecords.toJson(d).getBytes(StandardCharsets.UTF_8));
    assertTrue(n.get("stack_trace").isNull());
    assertEquals("utf-8", n.get("payload_encoding").asText());
    assertEquals("é", n.get("payload").asText());
    assertEquals("1970-01-01T00:00:00Z", n.get("failed_at").asText());
  }
}
