package org.newsmentions.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.report.RunOutput.CountRow;
import org.newsmentions.report.RunOutput.DeadLetterRow;

/** The report's reading and aggregation, without a browser. */
class ReportDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theHighestPaneIndexWinsWhateverTheOrderOfFilesAndLines() throws Exception {
    ReportBrowserTest.writeFixture(dir);
    RunOutput run = RunOutput.read(dir);
    CountRow ada =
        run.counts().stream()
            .filter(r -> r.entityId().equals("Q-ada") && r.windowStart().startsWith("2025-05-01"))
            .findFirst()
            .orElseThrow();
    assertEquals(7, ada.mentions());
    assertEquals(2L, ada.paneIndex());
    // Three rows of that key were read, one is kept; the CSV and the hidden file are not read.
    assertEquals(run.countRowsRead() - 2, run.counts().size());
    assertEquals(0, run.skippedLines());
    // The co-mention pair of window 1 keeps its ON_TIME pane.
    assertEquals(
        3,
        run.comentions().stream()
            .filter(r -> r.windowStart().startsWith("2025-05-01"))
            .findFirst()
            .orElseThrow()
            .articles());
  }

  @Test
  void withoutComentionsTheDataSaysNoPairsAndWithThemPairsAreSummedOverWindows() throws Exception {
    ReportBrowserTest.writeFixture(dir);
    JsonNode with = data(dir, ReportData.Limits.defaults());
    // Both pairs have 4 articles; more mentions in all come first.
    JsonNode first = with.get("pairs").get(0);
    JsonNode ada = with.get("pairs").get(1);
    assertEquals("Entity 11", first.get(0).asText());
    assertEquals(4, first.get(4).asLong());
    // Ada and the other name: the ON_TIME pane of window 1 (3 articles) + window 4 (1).
    assertEquals("Ada Lovelace", ada.get(0).asText());
    assertEquals(ReportBrowserTest.XSS_NAME, ada.get(2).asText());
    assertEquals(4, ada.get(4).asLong());
    assertEquals(8, ada.get(5).asLong());
    assertEquals(6, ada.get(6).asLong());
    assertEquals(2, ada.get(7).asLong());

    try (var files = Files.list(dir.resolve("comentions"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir.resolve("comentions"));
    assertTrue(data(dir, ReportData.Limits.defaults()).get("pairs").isNull());
  }

  @Test
  void aPairNamedTheOtherWayRoundIsTheSamePair() throws Exception {
    Files.createDirectories(dir.resolve("comentions"));
    Files.writeString(
        dir.resolve("comentions/c.json"),
        pairRow("2025-05-01T00:00:00Z", "Q1", "One", "Q2", "Two", 2, 5, 3)
            + "\n"
            + pairRow("2025-05-02T00:00:00Z", "Q2", "Two", "Q1", "One", 1, 4, 6)
            + "\n",
        StandardCharsets.UTF_8);
    JsonNode pairs = data(dir, ReportData.Limits.defaults()).get("pairs");
    assertEquals(1, pairs.size());
    assertEquals("One", pairs.get(0).get(0).asText());
    assertEquals(3, pairs.get(0).get(4).asLong());
    assertEquals(11, pairs.get(0).get(5).asLong(), "mentions of One: 5 + 6");
    assertEquals(7, pairs.get(0).get(6).asLong(), "mentions of Two: 3 + 4");
  }

  @Test
  void storiesAreKeptCopiesWithMoreThanOneCopyBiggestFirst() throws Exception {
    ReportBrowserTest.writeFixture(dir);
    JsonNode stories = data(dir, ReportData.Limits.defaults()).get("stories");
    // b1 (5 copies), a1 (3), d1 (2, undated); not a2/a3 (duplicates) nor c1 (one copy).
    assertEquals(
        List.of("b1", "a1", "d1"),
        List.of(
            stories.get(0).get(5).asText(),
            stories.get(1).get(5).asText(),
            stories.get(2).get(5).asText()));
    assertEquals(3, stories.size());
    assertEquals("dailymeridian", stories.get(1).get(1).asText());
  }

  @Test
  void theDeadLetterReasonIsTheCodeTheErrorStartsWith() {
    assertEquals("bad-json", new DeadLetterRow("s", "parse", "bad-json: cut short").reason());
    assertEquals("late", new DeadLetterRow("s", "window", "late").reason());
    assertEquals("oversize", new DeadLetterRow("s", "parse", "oversize 3 MB").reason());
    assertEquals("(none)", new DeadLetterRow("s", "parse", null).reason());
    assertEquals("(none)", new DeadLetterRow("s", "parse", " ").reason());
  }

  @Test
  void theDataBlockCannotEndItsScriptElementAndReadsBackUnchanged() throws Exception {
    ReportBrowserTest.writeFixture(dir);
    String json =
        ReportData.of(RunOutput.read(dir), "x</script>", ReportData.Limits.defaults()).toJson();
    assertFalse(json.contains("<"), "a raw < in the data block");
    assertFalse(json.contains(">"));
    JsonNode data = JSON.readTree(json);
    assertEquals("x</script>", data.get("run").asText());
    Set<String> names = collectNames(data);
    assertTrue(names.contains(ReportBrowserTest.XSS_NAME), names.toString());
    assertTrue(names.contains(ReportBrowserTest.XSS_IMG));
  }

  @Test
  void thePickerCapStillListsEveryEntityOfAWindowTable() throws Exception {
    ReportBrowserTest.writeFixture(dir);
    // 15 entities; the picker keeps the top 2 and those in the tables (top 1 of each window).
    JsonNode data = data(dir, new ReportData.Limits(2, 1, 20, 20, 2));
    Set<String> listed = collectIds(data);
    assertEquals(15, data.get("summary").get("entities").asLong());
    assertEquals(listed.size(), data.get("summary").get("entitiesListed").asLong());
    // Ada (17 in all) and Q12 (12) are the top 2; Q-xss (6 in all, below Q11 to Q7) tops window 4.
    assertEquals(Set.of("Q-ada", "Q12", "Q-xss"), listed);
    for (JsonNode window : data.get("perWindow")) {
      for (JsonNode row : window) {
        assertTrue(row.get(0).asInt() < data.get("entities").size());
      }
    }
  }

  @Test
  void theContentSecurityPolicyAllowsExactlyThePagesScript() throws Exception {
    ReportBrowserTest.writeFixture(dir);
    String html =
        ReportPage.render(
            ReportData.of(RunOutput.read(dir), "fixture", ReportData.Limits.defaults()),
            Instant.parse("2026-01-01T00:00:00Z"));
    int open = html.lastIndexOf("<script>") + "<script>".length();
    String script = html.substring(open, html.indexOf("</script>", open));
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
    assertTrue(html.contains("script-src 'sha256-" + hash + "'"));
    assertTrue(html.contains("default-src 'none'"));
    String noNamespace = html.replace("'http://www.w3.org/2000/svg'", "");
    assertFalse(
        noNamespace.contains("http://") || noNamespace.contains("https://"), "a network address");
    assertFalse(script.contains("innerHTML"), "the renderer must not parse data as markup");
  }

  private static JsonNode data(Path dir, ReportData.Limits limits) throws Exception {
    return JSON.readTree(ReportData.of(RunOutput.read(dir), "fixture", limits).toJson());
  }

  private static Set<String> collectNames(JsonNode data) {
    return stream(data.get("entities")).map(e -> e.get(1).asText()).collect(Collectors.toSet());
  }

  private static Set<String> collectIds(JsonNode data) {
    return stream(data.get("entities")).map(e -> e.get(0).asText()).collect(Collectors.toSet());
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }

  private static String pairRow(
      String start, String a, String an, String b, String bn, long articles, long ma, long mb) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"window_start\":\"%s\",\"window_end\":\"%s\",\"entity_a_id\":\"%s\","
            + "\"entity_a_name\":\"%s\",\"entity_a_type\":\"PERSON\",\"entity_b_id\":\"%s\","
            + "\"entity_b_name\":\"%s\",\"entity_b_type\":\"PERSON\",\"articles\":%d,"
            + "\"mentions_a\":%d,\"mentions_b\":%d,\"pane_timing\":\"ON_TIME\",\"pane_index\":0}",
        start,
        start,
        a,
        an,
        b,
        bn,
        articles,
        ma,
        mb);
  }
}
