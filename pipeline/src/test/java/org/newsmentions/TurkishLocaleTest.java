package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.options.NewsMentionsOptions;

/**
 * Issue 14: the results must not depend on the JVM's default locale. Under a Turkish locale {@code
 * "LOCATION".toLowerCase()} is {@code "locatıon"} (dotless ı), which split open-set entities such
 * as {@code n:location:nice} in two. The bundled samples (what {@code scripts/run-local.sh} runs by
 * default) go through the whole batch job, file sinks included, once under {@link Locale#ROOT} and
 * once under tr-TR, and must give the same count rows.
 */
class TurkishLocaleTest {
  private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Locale saved = Locale.getDefault();

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(saved);
  }

  @Test
  void samplesCountTheSameUnderATurkishDefaultLocale(@TempDir Path dir) throws IOException {
    List<String> root = countRows(Locale.ROOT, dir.resolve("root"));
    List<String> turkish = countRows(TURKISH, dir.resolve("tr"));

    assertTrue(root.size() > 20, "the samples give count rows: " + root);
    List<String> ids = new ArrayList<>();
    for (String row : root) {
      ids.add(JSON.readTree(row).get("entity_id").asText());
    }
    // The rows cover the case the bug broke: open-set ids named by an entity type with an "i".
    assertTrue(ids.stream().anyMatch(id -> id.startsWith("n:location:")), ids.toString());
    for (String row : turkish) {
      String id = JSON.readTree(row).get("entity_id").asText();
      assertFalse(
          id.indexOf('\u0131') >= 0 || id.indexOf('\u0130') >= 0, "Turkish casing in " + id);
    }
    assertEquals(root, turkish, "count rows under tr-TR differ from those under Locale.ROOT");
  }

  /**
   * Runs the batch job over the samples with {@code locale} as the JVM default and returns its
   * count rows (JSON lines, every field: window, entity id, name and type, mentions, articles,
   * copies, outlets, pane), sorted.
   */
  private static List<String> countRows(Locale locale, Path output) throws IOException {
    Locale.setDefault(locale);
    Path samples = Path.of("..", "samples").toAbsolutePath().normalize();
    NewsMentionsOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + samples + "/raw/*.txt," + samples + "/jsonl/*.jsonl",
                "--output=" + output,
                "--format=json")
            .as(NewsMentionsOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    NewsMentionsPipeline.build(pipeline, options, Fixtures.CLOCK);
    pipeline.run().waitUntilFinish();

    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(output.resolve("counts"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            JsonNode row = JSON.readTree(line);
            rows.add(JSON.writeValueAsString(row));
          }
        }
      }
    }
    rows.sort(null);
    return rows;
  }
}
