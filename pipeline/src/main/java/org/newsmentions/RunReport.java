package org.newsmentions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;

/** The end-of-run summary: counters, where the output went, and the most mentioned entities. */
final class RunReport {
  private RunReport() {}

  static void print(PipelineResult result, String output, PrintStream out) {
    out.println();
    out.println("news-mentions finished: " + result.getState());
    Map<String, Long> totals = ProgressLog.counterTotals(result);
    totals.forEach((k, v) -> out.printf(Locale.ROOT, "  %-45s %,d%n", k, v));
    out.println(RecordAccounting.of(totals).line());
    if (output == null) {
      return;
    }
    out.println("Output: " + output + "/{counts,comentions,articles,dead-letter}/");
    Path countsDir = Path.of(output, "counts");
    if (Files.isDirectory(countsDir)) {
      printTop(countsDir, out);
    }
  }

  /** Top entities over all windows, from the JSON counts just written (last pane per window). */
  private static void printTop(Path countsDir, PrintStream out) {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, JsonNode> lastPane = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(countsDir, "*.json")) {
      for (Path f : files) {
        for (String line : Files.readAllLines(f)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = mapper.readTree(line);
          String key = n.get("window_start").asText() + "|" + n.get("entity_id").asText();
          JsonNode prev = lastPane.get(key);
          if (prev == null || prev.get("pane_index").asLong() < n.get("pane_index").asLong()) {
            lastPane.put(key, n);
          }
        }
      }
    } catch (IOException e) {
      out.println("(could not read counts for the summary: " + e.getMessage() + ")");
      return;
    }
    if (lastPane.isEmpty()) {
      // Nothing to rank: no count at all, or counts in other formats only (--format=parquet).
      out.println();
      out.println("(no JSON counts in " + countsDir + " for the top entities)");
      return;
    }
    Map<String, long[]> byEntity = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (JsonNode n : lastPane.values()) {
      String id = n.get("entity_id").asText();
      names.put(id, n.get("entity_name").asText() + " (" + n.get("entity_type").asText() + ")");
      long[] acc = byEntity.computeIfAbsent(id, k -> new long[3]);
      acc[0] += n.get("mentions").asLong();
      acc[1] += n.get("articles").asLong();
      acc[2] = Math.max(acc[2], n.get("outlets").asLong());
    }
    List<Map.Entry<String, long[]>> top = new ArrayList<>(byEntity.entrySet());
    top.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    out.println();
    out.printf(
        Locale.ROOT, "%-45s %9s %9s%n", "Top entities (all windows)", "mentions", "articles");
    for (Map.Entry<String, long[]> e : top.subList(0, Math.min(10, top.size()))) {
      out.printf(
          Locale.ROOT, "%-45s %9d %9d%n", names.get(e.getKey()), e.getValue()[0], e.getValue()[1]);
    }
  }
}
