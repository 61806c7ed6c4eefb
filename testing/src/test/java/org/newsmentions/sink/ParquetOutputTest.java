package org.newsmentions.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.Fixtures;
import org.newsmentions.NewsMentionsPipeline;
import org.newsmentions.options.NewsMentionsOptions;

/**
 * {@code --format=json,parquet} over every bundled sample: DuckDB, an independent reader, finds in
 * the Parquet files of {@code counts/}, {@code comentions/}, {@code articles/} and {@code
 * dead-letter/} exactly the rows (and so the totals) of the JSON files of the same run, nested
 * entity lists and timestamps included. This module's test classpath has no Hadoop, so the run also
 * shows the sink needs none.
 */
class ParquetOutputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static Path out;

  @BeforeAll
  static void runTheJobOnce() throws IOException {
    out = tmp.resolve("out");
    // Two bad lines, so dead-letter/ has rows too.
    Path bad = tmp.resolve("bad.jsonl");
    Files.writeString(bad, "{\"title\": \"cut short\n[1, 2]\n");
    List<String> inputs = new ArrayList<>();
    Fixtures.allSampleFiles().forEach(f -> inputs.add(f.toString()));
    inputs.add(bad.toString());
    String globs = String.join(",", inputs);
    NewsMentionsOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + globs,
                "--output=" + out,
                "--format=json,parquet",
                "--runner=DirectRunner",
                "--progressEvery=off")
            .as(NewsMentionsOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    NewsMentionsPipeline.build(pipeline, options, Fixtures.CLOCK);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void noHadoopOnTheClasspath() {
    assertThrows(
        ClassNotFoundException.class, () -> Class.forName("org.apache.hadoop.conf.Configuration"));
  }

  @Test
  void countsAreTheSameRowsAsTheJson() throws Exception {
    List<String> columns =
        List.of(
            "window_start",
            "window_end",
            "entity_id",
            "entity_name",
            "entity_type",
            "mentions",
            "articles",
            "copies",
            "outlets",
            "pane_timing",
            "pane_index");
    List<String> json = jsonRows("counts", columns, List.of("window_start", "window_end"));
    assertTrue(json.size() > 20, "the samples give count rows: " + json.size());
    assertEquals(
        sorted(json),
        sorted(parquetRows("counts", columns, List.of("window_start", "window_end"))));
    assertEquals(
        totals("counts", "mentions", "articles", "copies", "outlets"),
        duckOne(
            "SELECT count(*) || ' ' || sum(mentions) || ' ' || sum(articles) || ' ' || sum(copies)"
                + " || ' ' || sum(outlets) FROM "
                + files("counts")));
  }

  @Test
  void coMentionsAreTheSameRowsAsTheJson() throws Exception {
    List<String> columns =
        List.of(
            "window_start",
            "window_end",
            "entity_a_id",
            "entity_a_name",
            "entity_a_type",
            "entity_b_id",
            "entity_b_name",
            "entity_b_type",
            "articles",
            "mentions_a",
            "mentions_b",
            "pane_timing",
            "pane_index");
    List<String> json = jsonRows("comentions", columns, List.of("window_start", "window_end"));
    assertFalse(json.isEmpty(), "the samples give co-mentions");
    assertEquals(
        sorted(json),
        sorted(parquetRows("comentions", columns, List.of("window_start", "window_end"))));
    assertEquals(
        totals("comentions", "articles", "mentions_a", "mentions_b"),
        duckOne(
            "SELECT count(*) || ' ' || sum(articles) || ' ' || sum(mentions_a) || ' ' ||"
                + " sum(mentions_b) FROM "
                + files("comentions")));
    assertEquals(
        "0",
        duckOne(
            "SELECT count(*) FROM " + files("comentions") + " WHERE entity_a_id >= entity_b_id"),
        "pairs are ordered");
  }

  /** Scalar fields, nullable timestamps, and the nested entities with their spans. */
  @Test
  void articlesAreTheSameRowsAsTheJsonNestedEntitiesIncluded() throws Exception {
    List<String> scalars =
        List.of(
            "id",
            "source",
            "url",
            "outlet",
            "title",
            "body",
            "published",
            "published_from",
            "modified",
            "language",
            "ingested",
            "duplicate_of",
            "story_id",
            "copies",
            "outlets");
    List<String> times = List.of("published", "modified", "ingested");
    List<String> json = new ArrayList<>();
    for (JsonNode n : json("articles")) {
      StringBuilder entities = new StringBuilder();
      for (JsonNode e : n.get("entities")) {
        entities.append(e.get("id").asText()).append(':').append(e.get("type").asText());
        entities.append(':').append(e.get("mentions").asInt()).append(':');
        for (JsonNode s : e.get("spans")) {
          entities
              .append(s.get("start").asInt())
              .append('-')
              .append(s.get("end").asInt())
              .append(';');
        }
        entities.append(',');
      }
      json.add(row(n, scalars, times) + "|" + entities);
    }
    assertTrue(json.size() > 10, "the samples give articles: " + json.size());
    String entitiesSql =
        "coalesce(array_to_string(list_transform(entities, e -> e.id || ':' || e.type || ':' ||"
            + " e.mentions || ':' || coalesce(array_to_string(list_transform(e.spans, s -> s.start"
            + " || '-' || s.\"end\" || ';'), ''), '') || ','), ''), '')";
    List<String> parquet = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT "
                    + select(scalars, times)
                    + ", "
                    + entitiesSql
                    + " FROM "
                    + files("articles"))) {
      while (rs.next()) {
        parquet.add(resultRow(rs, scalars.size()) + "|" + rs.getString(scalars.size() + 1));
      }
    }
    assertEquals(sorted(json), sorted(parquet));
  }

  @Test
  void deadLettersAreTheSameRowsAsTheJsonAndFilesAreZstd() throws Exception {
    long json = json("dead-letter").size();
    assertEquals(2, json, "the two bad lines");
    assertEquals(Long.toString(json), duckOne("SELECT count(*) FROM " + files("dead-letter")));
    List<String> columns = List.of("source", "stage", "error", "payload_encoding");
    assertEquals(
        sorted(jsonRows("dead-letter", columns, List.of())),
        sorted(parquetRows("dead-letter", columns, List.of())));
    assertEquals(
        "ZSTD",
        duckOne(
            "SELECT string_agg(DISTINCT compression, ',') FROM parquet_metadata('"
                + out.resolve("counts")
                + "/*.parquet')"));
  }

  private static String files(String dir) {
    return "read_parquet('" + out.resolve(dir) + "/*.parquet')";
  }

  private static List<JsonNode> json(String dir) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve(dir))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            rows.add(JSON.readTree(line));
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(out.resolve(dir))) {
      List<Path> all = files.toList();
      assertTrue(
          all.stream().anyMatch(p -> p.toString().endsWith(".parquet")),
          "no Parquet file in " + dir + ": " + all + " with " + rows.size() + " JSON rows");
    }
    return rows;
  }

  /** The row as text: timestamps as epoch millis, nulls as "null". */
  private static String row(JsonNode n, List<String> columns, List<String> times) {
    List<String> values = new ArrayList<>();
    for (String col : columns) {
      JsonNode v = n.get(col);
      if (v == null || v.isNull()) {
        values.add("null");
      } else if (times.contains(col)) {
        values.add(Long.toString(Instant.parse(v.asText()).toEpochMilli()));
      } else {
        values.add(v.asText());
      }
    }
    return String.join("|", values);
  }

  private static List<String> jsonRows(String dir, List<String> columns, List<String> times)
      throws IOException {
    List<String> rows = new ArrayList<>();
    for (JsonNode n : json(dir)) {
      rows.add(row(n, columns, times));
    }
    return rows;
  }

  private static String select(List<String> columns, List<String> times) {
    List<String> exprs = new ArrayList<>();
    for (String col : columns) {
      String quoted = '"' + col + '"';
      exprs.add(times.contains(col) ? "epoch_ms(" + quoted + ")" : quoted);
    }
    return String.join(", ", exprs);
  }

  private static List<String> parquetRows(String dir, List<String> columns, List<String> times)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT " + select(columns, times) + " FROM " + files(dir))) {
      while (rs.next()) {
        rows.add(resultRow(rs, columns.size()));
      }
    }
    return rows;
  }

  private static String resultRow(ResultSet rs, int n) throws SQLException {
    List<String> values = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String v = rs.getString(i);
      values.add(v == null ? "null" : v);
    }
    return String.join("|", values);
  }

  private static String duckOne(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    }
  }

  /** Row count and the sums of {@code fields} over the JSON rows, space-separated. */
  private static String totals(String dir, String... fields) throws IOException {
    List<JsonNode> rows = json(dir);
    StringBuilder sb = new StringBuilder(Integer.toString(rows.size()));
    for (String f : fields) {
      long sum = 0;
      for (JsonNode n : rows) {
        sum += n.get(f).asLong();
      }
      sb.append(' ').append(sum);
    }
    return sb.toString();
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    copy.sort(null);
    return copy;
  }
}
