package org.newsmentions.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The test's own reading of a run's output files, as docs/running.md describes them (JSON lines;
 * per key, the row with the largest pane_index): the expectation the rendered page is checked
 * against, written without the report's classes.
 */
final class OutputFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OutputFiles() {}

  /** Every JSON object in {@code dir/folder/*.json} (hidden, temporary files left out). */
  static List<JsonNode> rows(Path dir, String folder) {
    Path f = dir.resolve(folder);
    List<JsonNode> rows = new ArrayList<>();
    if (!Files.isDirectory(f)) {
      return rows;
    }
    try (Stream<Path> files = Files.list(f)) {
      for (Path file :
          files
              .filter(p -> p.toString().endsWith(".json"))
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            rows.add(JSON.readTree(line));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The latest count row per window start and entity id, keyed "window|entity". */
  static Map<String, JsonNode> latestCounts(Path dir) {
    Map<String, JsonNode> latest = new LinkedHashMap<>();
    for (JsonNode r : rows(dir, "counts")) {
      latest.merge(
          r.get("window_start").asText() + "|" + r.get("entity_id").asText(),
          r,
          (a, b) -> b.get("pane_index").asLong() >= a.get("pane_index").asLong() ? b : a);
    }
    return latest;
  }

  /** The latest co-mention row per window start and pair. */
  static Map<String, JsonNode> latestComentions(Path dir) {
    Map<String, JsonNode> latest = new LinkedHashMap<>();
    for (JsonNode r : rows(dir, "comentions")) {
      latest.merge(
          r.get("window_start").asText()
              + "|"
              + r.get("entity_a_id").asText()
              + "|"
              + r.get("entity_b_id").asText(),
          r,
          (a, b) -> b.get("pane_index").asLong() >= a.get("pane_index").asLong() ? b : a);
    }
    return latest;
  }
}
