package org.newsmentions.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.NewsMentionsPipeline;
import org.newsmentions.options.NewsMentionsOptions;

/**
 * Opens the report in real headless Chromium and reads the rendered DOM: the charts are drawn (one
 * SVG path per charted entity, one point per window) and every number in the tables equals the
 * output files, read here independently ({@link OutputFiles}). One report is of the bundled samples
 * run through the real pipeline (Direct Runner); the other of a fixture folder with streaming
 * panes, co-mentions, dead letters and markup in scraped text.
 */
class ReportBrowserTest {
  @TempDir static Path work;

  private static Path samplesOut;

  @BeforeAll
  static void runThePipelineOverTheSamples() {
    // Without a browser there is nothing to test: skip (or, under CI, fail) before the run.
    HeadlessChromium.require();
    samplesOut = work.resolve("samples-run");
    Path samples = Path.of("..", "samples").toAbsolutePath().normalize();
    String input =
        String.join(
            ",",
            samples + "/raw/*.txt",
            samples + "/jsonl/*.jsonl",
            samples + "/html/*.html",
            samples + "/warc/*.warc.gz");
    NewsMentionsOptions options =
        PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + samplesOut)
            .as(NewsMentionsOptions.class);
    NewsMentionsPipeline.run(options);
  }

  @Test
  void samplesReportDrawsTheChartsAndShowsTheCountsFiles() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require();
    assertFalse(OutputFiles.latestCounts(samplesOut).isEmpty(), "the samples run wrote no counts");
    Path page = ReportMain.write(samplesOut, ReportData.Limits.defaults());
    Document dom = Jsoup.parse(chromium.dumpDom(page, 5000));

    assertDrawn(dom);
    assertChartsEqualCounts(dom, samplesOut, 8);
    assertWindowTablesEqualCounts(dom, samplesOut, 10);
    assertStoriesEqualArticles(dom, samplesOut);
    assertDeadLettersEqualFiles(dom, samplesOut);
    assertPairs(dom, samplesOut);
    assertOffline(dom);
  }

  @Test
  void thePickerChartsTheEntityASearchFinds() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require();
    Path page = ReportMain.write(samplesOut, ReportData.Limits.defaults());
    Map<String, JsonNode> counts = OutputFiles.latestCounts(samplesOut);
    // The least mentioned entity of the samples: far down the list, found by its name only.
    JsonNode last =
        counts.values().stream()
            .min(
                Comparator.comparingLong((JsonNode r) -> total(counts, id(r)))
                    .thenComparing(r -> r.get("entity_name").asText()))
            .orElseThrow();
    String name = last.get("entity_name").asText();
    Document dom =
        Jsoup.parse(
            chromium.dumpDom(
                page, "#q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), 5000));
    assertDrawn(dom);
    for (Element option : dom.select("#picker-select option")) {
      assertTrue(
          option
              .text()
              .toLowerCase(java.util.Locale.ROOT)
              .contains(name.toLowerCase(java.util.Locale.ROOT)),
          option.text());
    }
    assertTrue(dom.selectFirst("#picked-title").text().startsWith(name), name);
    List<String> windows = windows(counts);
    Elements points =
        dom.select("#chart-picked circle.point[data-entity=" + cssString(id(last)) + "]");
    assertEquals(windows.size(), points.size());
    for (Element point : points) {
      JsonNode row = counts.get(point.attr("data-window") + "|" + id(last));
      assertEquals(
          row == null ? 0 : row.get("mentions").asLong(), Long.parseLong(point.attr("data-value")));
    }
  }

  private static long total(Map<String, JsonNode> counts, String entity) {
    return counts.values().stream()
        .filter(r -> id(r).equals(entity))
        .mapToLong(r -> r.get("mentions").asLong())
        .sum();
  }

  @Test
  void fixtureReportKeepsTheLatestPanesAndShowsScrapedMarkupAsText() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require();
    Path dir = work.resolve("fixture-run");
    writeFixture(dir);
    Path page = ReportMain.write(dir, new ReportData.Limits(3, 10, 20, 20, 20_000));
    Document dom = Jsoup.parse(chromium.dumpDom(page, 5000));

    assertDrawn(dom);
    // Markup in names and titles stayed text: no element was made from it, no script of it ran.
    assertFalse(dom.body().hasAttr("data-pwned"), "a script from the data ran");
    assertTrue(dom.select("img").isEmpty(), "an <img> was made from a name");
    assertEquals(2, dom.select("script").size(), "only the data block and the page's script");
    assertTrue(
        textsOf(dom.select("div.window-table td.entity")).stream()
            .anyMatch(t -> t.startsWith(XSS_NAME)),
        "the entity name is shown as text");
    assertEquals(
        XSS_TITLE, dom.selectFirst("#stories-table tr[data-article-id=a1] td.title").text());

    assertChartsEqualCounts(dom, dir, 3);
    assertWindowTablesEqualCounts(dom, dir, 10);
    assertStoriesEqualArticles(dom, dir);
    assertDeadLettersEqualFiles(dom, dir);
    assertPairs(dom, dir);
    assertOffline(dom);

    // The latest pane is the one with the highest pane_index, not the last line read.
    Element ada =
        dom.selectFirst(
            "div.window-table[data-window=\"2025-05-01T00:00:00Z\"] tr[data-entity-id=Q-ada]");
    assertNotNull(ada);
    assertEquals("7", ada.selectFirst("td.mentions").text());
    assertTrue(dom.selectFirst("#run-summary").text().contains("Streaming output"));
  }

  // --- What the rendered page must show ---------------------------------------------------------

  private static void assertDrawn(Document dom) {
    assertNull(dom.selectFirst("#report-error"), () -> dom.selectFirst("#report-error").text());
    String drawn = dom.body().attr("data-drawn-ms");
    assertFalse(drawn.isEmpty(), "the page never finished drawing (no data-drawn-ms)");
    assertTrue(Double.parseDouble(drawn) > 0);
  }

  /** The first chart: the top entities, one path and one point per window each. */
  private static void assertChartsEqualCounts(Document dom, Path dir, int top) {
    Map<String, JsonNode> counts = OutputFiles.latestCounts(dir);
    List<String> windows = windows(counts);
    Map<String, Long> totals = new HashMap<>();
    counts.values().forEach(r -> totals.merge(id(r), r.get("mentions").asLong(), Long::sum));
    List<Long> topTotals =
        totals.values().stream().sorted(Comparator.reverseOrder()).limit(top).toList();

    Elements paths = dom.select("#chart-top svg path.series-line");
    assertEquals(Math.min(top, totals.size()), paths.size(), "one line per top entity");
    List<Long> charted = new ArrayList<>();
    for (Element path : paths) {
      String entity = path.attr("data-entity");
      charted.add(totals.get(entity));
      assertEquals(windows.size(), path.attr("d").split("[ML]").length - 1, "points in " + entity);
      Elements points =
          dom.select("#chart-top svg circle.point[data-entity=" + cssString(entity) + "]");
      assertEquals(windows.size(), points.size(), "one point per window for " + entity);
      for (Element point : points) {
        JsonNode row = counts.get(point.attr("data-window") + "|" + entity);
        long expected = row == null ? 0 : row.get("mentions").asLong();
        assertEquals(expected, Long.parseLong(point.attr("data-value")), entity + " " + point);
      }
    }
    charted.sort(Comparator.reverseOrder());
    assertEquals(topTotals, charted, "the charted entities are the most mentioned");
    // The first line is a most mentioned entity.
    assertEquals(topTotals.get(0), totals.get(paths.first().attr("data-entity")));
    // Axes with labels and dates.
    assertTrue(dom.select("#chart-top svg text.axis-label").size() >= 2);
    assertTrue(
        textsOf(dom.select("#chart-top svg .x-axis text"))
            .contains(windows.get(0).substring(0, 10)));

    // The picker lists entities and charts the first one (mentions and articles).
    assertFalse(dom.select("#picker-select option").isEmpty());
    assertEquals(2 * windows.size(), dom.select("#chart-picked svg circle.point").size());
  }

  /** Per window, the top rows by mentions with the four numbers of the counts files. */
  private static void assertWindowTablesEqualCounts(Document dom, Path dir, int rowsPerWindow) {
    Map<String, JsonNode> counts = OutputFiles.latestCounts(dir);
    List<String> windows = windows(counts);
    assertEquals(windows.size(), dom.select("div.window-table").size());
    assertEquals(windows.size(), dom.select("#window-select option").size());
    for (String w : windows) {
      List<JsonNode> inWindow =
          counts.values().stream().filter(r -> r.get("window_start").asText().equals(w)).toList();
      Element box = dom.selectFirst("div.window-table[data-window=" + cssString(w) + "]");
      assertNotNull(box, "no table for window " + w);
      Elements rows = box.select("tbody tr");
      assertEquals(Math.min(rowsPerWindow, inWindow.size()), rows.size(), "rows of " + w);
      List<Long> shownMentions = new ArrayList<>();
      for (Element tr : rows) {
        JsonNode expected = counts.get(w + "|" + tr.attr("data-entity-id"));
        assertNotNull(expected, "row for an entity not counted in " + w + ": " + tr);
        assertTrue(
            tr.selectFirst("td.entity").text().startsWith(expected.get("entity_name").asText()));
        for (String field : List.of("mentions", "articles", "copies", "outlets")) {
          assertEquals(
              expected.get(field).asLong(),
              number(tr.selectFirst("td." + field)),
              field + " " + tr);
        }
        shownMentions.add(expected.get("mentions").asLong());
      }
      List<Long> topMentions =
          inWindow.stream()
              .map(r -> r.get("mentions").asLong())
              .sorted(Comparator.reverseOrder())
              .limit(rowsPerWindow)
              .toList();
      assertEquals(
          topMentions, shownMentions, "the table of " + w + " holds its top rows in order");
    }
  }

  /** Kept copies carried by more than one article, by copies, with their own outlet. */
  private static void assertStoriesEqualArticles(Document dom, Path dir) {
    Map<String, JsonNode> stories = new HashMap<>();
    for (JsonNode a : OutputFiles.rows(dir, "articles")) {
      if (a.get("duplicate_of").isNull() && a.get("copies").asLong() > 1) {
        stories.put(a.get("id").asText(), a);
      }
    }
    Elements rows = dom.select("#stories-table tbody tr");
    assertEquals(Math.min(20, stories.size()), rows.size());
    if (stories.isEmpty()) {
      assertTrue(dom.selectFirst("#stories-table").text().contains("No story"));
    }
    long previous = Long.MAX_VALUE;
    for (Element tr : rows) {
      JsonNode a = stories.get(tr.attr("data-article-id"));
      assertNotNull(a, "a story that is not a kept copy with copies > 1: " + tr);
      assertEquals(a.get("title").asText(), tr.selectFirst("td.title").text());
      assertEquals(a.get("outlet").asText(), tr.selectFirst("td.outlet").text());
      assertEquals(a.get("copies").asLong(), number(tr.selectFirst("td.copies")));
      assertEquals(a.get("outlets").asLong(), number(tr.selectFirst("td.outlets")));
      assertTrue(a.get("copies").asLong() <= previous, "stories by copies");
      previous = a.get("copies").asLong();
    }
  }

  private static void assertDeadLettersEqualFiles(Document dom, Path dir) {
    Map<String, Long> reasons = new HashMap<>();
    for (JsonNode d : OutputFiles.rows(dir, "dead-letter")) {
      String error = d.get("error").asText();
      reasons.merge(error.substring(0, error.indexOf(':')), 1L, Long::sum);
    }
    Elements rows = dom.select("#dead-letters-table tbody tr");
    assertEquals(reasons.size(), rows.size());
    if (reasons.isEmpty()) {
      assertTrue(dom.selectFirst("#dead-letters-table").text().contains("No dead letters"));
    }
    for (Element tr : rows) {
      assertEquals(reasons.get(tr.attr("data-reason")), number(tr.selectFirst("td.count")));
    }
  }

  /** Pairs summed over windows from the latest rows, or the sentence saying there are none. */
  private static void assertPairs(Document dom, Path dir) {
    if (!Files.isDirectory(dir.resolve("comentions"))) {
      assertTrue(
          dom.selectFirst("#pairs-table").text().contains("No co-mention output in this run"));
      return;
    }
    Map<String, long[]> sums = new HashMap<>();
    for (JsonNode r : OutputFiles.latestComentions(dir).values()) {
      long[] s =
          sums.computeIfAbsent(
              r.get("entity_a_id").asText() + "|" + r.get("entity_b_id").asText(),
              k -> new long[4]);
      s[0] += r.get("articles").asLong();
      s[1] += r.get("mentions_a").asLong();
      s[2] += r.get("mentions_b").asLong();
      s[3]++;
    }
    Elements rows = dom.select("#pairs-table tbody tr");
    assertEquals(Math.min(20, sums.size()), rows.size());
    long previous = Long.MAX_VALUE;
    for (Element tr : rows) {
      long[] s = sums.get(tr.attr("data-pair"));
      assertNotNull(s, "unknown pair " + tr);
      assertEquals(s[0], number(tr.selectFirst("td.articles")));
      assertEquals(s[1], number(tr.selectFirst("td.mentions-a")));
      assertEquals(s[2], number(tr.selectFirst("td.mentions-b")));
      assertEquals(s[3], number(tr.selectFirst("td.windows")));
      assertTrue(s[0] <= previous, "pairs by articles");
      previous = s[0];
    }
  }

  /** Nothing on the page refers to another document; the policy forbids loading anything. */
  private static void assertOffline(Document dom) {
    for (Element e : dom.select("[src], [href]")) {
      String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
      assertTrue(ref.startsWith("#"), "a reference out of the page: " + e);
    }
    String csp = dom.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertTrue(csp.startsWith("default-src 'none';"), csp);
  }

  private static List<String> windows(Map<String, JsonNode> counts) {
    return new ArrayList<>(
        counts.values().stream()
            .map(r -> r.get("window_start").asText())
            .collect(Collectors.toCollection(TreeSet::new)));
  }

  private static String id(JsonNode r) {
    return r.get("entity_id").asText();
  }

  private static long number(Element td) {
    assertNotNull(td);
    return Long.parseLong(td.text().replace(",", "").trim());
  }

  private static List<String> textsOf(Elements es) {
    return es.stream().map(Element::text).toList();
  }

  private static String cssString(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  // --- The fixture ------------------------------------------------------------------------------

  static final String XSS_NAME = "</script><script>document.body.setAttribute('data-pwned','1')";
  static final String XSS_IMG =
      "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">";
  static final String XSS_TITLE =
      "<script>document.body.setAttribute('data-pwned','3')</script> & \"Ada\" <b>wins</b>";

  /**
   * A streaming run's output: three windows (with a gap), twelve entities so a window's table cuts
   * at ten, panes written out of order across files, co-mentions and dead letters.
   */
  static void writeFixture(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("counts"));
    Files.createDirectories(dir.resolve("articles"));
    Files.createDirectories(dir.resolve("dead-letter"));
    Files.createDirectories(dir.resolve("comentions"));
    String d1 = "2025-05-01T00:00:00Z";
    String d2 = "2025-05-02T00:00:00Z";
    String d4 = "2025-05-04T00:00:00Z";
    List<String> paneFile0 = new ArrayList<>();
    List<String> paneFile1 = new ArrayList<>();
    // The late pane (index 2) is in the file read first; the early pane (0) comes after it.
    paneFile0.add(
        count(
            d1, "2025-05-02T00:00:00Z", "Q-ada", "Ada Lovelace", "PERSON", 7, 3, 5, 4, "LATE", 2));
    paneFile1.add(
        count(
            d1, "2025-05-02T00:00:00Z", "Q-ada", "Ada Lovelace", "PERSON", 2, 1, 1, 1, "EARLY", 0));
    paneFile1.add(
        count(
            d1,
            "2025-05-02T00:00:00Z",
            "Q-ada",
            "Ada Lovelace",
            "PERSON",
            5,
            2,
            3,
            3,
            "ON_TIME",
            1));
    paneFile1.add(
        count(d1, "2025-05-02T00:00:00Z", "Q-xss", XSS_NAME, "PERSON", 4, 2, 2, 2, "ON_TIME", 0));
    paneFile1.add(
        count(
            d1,
            "2025-05-02T00:00:00Z",
            "Q-img",
            XSS_IMG,
            "ORGANIZATION",
            3,
            1,
            1,
            1,
            "ON_TIME",
            0));
    for (int i = 1; i <= 12; i++) {
      paneFile1.add(
          count(
              d2,
              "2025-05-03T00:00:00Z",
              "Q" + i,
              "Entity " + i,
              "LOCATION",
              i,
              1 + i / 3,
              1 + i / 2,
              1 + i / 4,
              "ON_TIME",
              0));
    }
    paneFile1.add(
        count(
            d2,
            "2025-05-03T00:00:00Z",
            "Q-ada",
            "Ada Lovelace",
            "PERSON",
            9,
            4,
            6,
            2,
            "ON_TIME",
            0));
    paneFile1.add(
        count(
            d4,
            "2025-05-05T00:00:00Z",
            "Q-ada",
            "Ada Lovelace",
            "PERSON",
            1,
            1,
            1,
            1,
            "ON_TIME",
            0));
    paneFile1.add(
        count(d4, "2025-05-05T00:00:00Z", "Q-xss", XSS_NAME, "PERSON", 2, 1, 1, 1, "ON_TIME", 0));
    write(
        dir.resolve("counts/counts-2025-05-01T00:00:00.000Z-pane-1-00000-of-00001.json"),
        paneFile0);
    write(
        dir.resolve("counts/counts-2025-05-01T00:00:00.000Z-pane-0-00000-of-00001.json"),
        paneFile1);
    // Other formats and temporary files are not read.
    write(dir.resolve("counts/counts-x.csv"), List.of("window_start,entity_id"));
    write(dir.resolve("counts/.counts-tmp.json"), List.of("{\"window_start\":\"" + d1 + "\"}"));

    write(
        dir.resolve("articles/articles-GlobalWindow-pane-0-00000-of-00001.json"),
        List.of(
            article("a1", "dailymeridian", XSS_TITLE, "2025-05-01T08:00:00Z", null, 3, 3),
            article("a2", "pacificsignal", XSS_TITLE, "2025-05-01T09:00:00Z", "a1", 1, 1),
            article("a3", "northgatepost", XSS_TITLE, "2025-05-01T10:00:00Z", "a1", 1, 1),
            article(
                "b1", "harbourtimes", "Wire story on trade", "2025-05-02T06:00:00Z", null, 5, 4),
            article("c1", "rheinbote", "A story of its own", "2025-05-02T07:00:00Z", null, 1, 1),
            article("d1", "balticledger", "Undated piece", null, null, 2, 2)));

    write(
        dir.resolve("dead-letter/dead-letter-00000-of-00001.json"),
        List.of(
            dead("parse", "bad-json: unexpected end of input"),
            dead("parse", "bad-json: not an object"),
            dead("parse", "bad-json: field title is a number"),
            dead("parse", "empty: no bytes"),
            dead("read", "unreadable: no such file")));

    write(
        dir.resolve("comentions/comentions-00000-of-00001.json"),
        List.of(
            pair(d1, "Q-ada", "Ada Lovelace", "Q-xss", XSS_NAME, 2, 5, 4, "EARLY", 0),
            pair(d1, "Q-ada", "Ada Lovelace", "Q-xss", XSS_NAME, 3, 7, 4, "ON_TIME", 1),
            pair(d4, "Q-ada", "Ada Lovelace", "Q-xss", XSS_NAME, 1, 1, 2, "ON_TIME", 0),
            pair(d2, "Q1", "Entity 1", "Q2", "Entity 2", 2, 1, 2, "ON_TIME", 0),
            pair(d2, "Q11", "Entity 11", "Q12", "Entity 12", 4, 11, 12, "ON_TIME", 0)));
  }

  private static String count(
      String start,
      String end,
      String id,
      String name,
      String type,
      long mentions,
      long articles,
      long copies,
      long outlets,
      String timing,
      long pane) {
    return "{\"window_start\":"
        + q(start)
        + ",\"window_end\":"
        + q(end)
        + ",\"entity_id\":"
        + q(id)
        + ",\"entity_name\":"
        + q(name)
        + ",\"entity_type\":"
        + q(type)
        + ",\"mentions\":"
        + mentions
        + ",\"articles\":"
        + articles
        + ",\"copies\":"
        + copies
        + ",\"outlets\":"
        + outlets
        + ",\"pane_timing\":"
        + q(timing)
        + ",\"pane_index\":"
        + pane
        + "}";
  }

  private static String article(
      String id,
      String outlet,
      String title,
      String published,
      String duplicateOf,
      long copies,
      long outlets) {
    return "{\"id\":"
        + q(id)
        + ",\"outlet\":"
        + q(outlet)
        + ",\"title\":"
        + q(title)
        + ",\"body\":\"...\",\"published\":"
        + (published == null ? "null" : q(published))
        + ",\"story_id\":"
        + q(duplicateOf == null ? id : duplicateOf)
        + ",\"duplicate_of\":"
        + (duplicateOf == null ? "null" : q(duplicateOf))
        + ",\"copies\":"
        + copies
        + ",\"outlets\":"
        + outlets
        + ",\"entities\":[]}";
  }

  private static String dead(String stage, String error) {
    return "{\"source\":\"in.jsonl#1\",\"stage\":"
        + q(stage)
        + ",\"error\":"
        + q(error)
        + ",\"stack_trace\":null,\"payload\":\"{\",\"payload_encoding\":\"utf-8\","
        + "\"failed_at\":\"2025-05-01T00:00:00Z\"}";
  }

  private static String pair(
      String start,
      String aId,
      String aName,
      String bId,
      String bName,
      long articles,
      long ma,
      long mb,
      String timing,
      long pane) {
    return "{\"window_start\":"
        + q(start)
        + ",\"window_end\":"
        + q(start.replace("T00", "T23"))
        + ",\"entity_a_id\":"
        + q(aId)
        + ",\"entity_a_name\":"
        + q(aName)
        + ",\"entity_a_type\":\"PERSON\",\"entity_b_id\":"
        + q(bId)
        + ",\"entity_b_name\":"
        + q(bName)
        + ",\"entity_b_type\":\"PERSON\",\"articles\":"
        + articles
        + ",\"mentions_a\":"
        + ma
        + ",\"mentions_b\":"
        + mb
        + ",\"pane_timing\":"
        + q(timing)
        + ",\"pane_index\":"
        + pane
        + "}";
  }

  /** A JSON string literal. */
  private static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
