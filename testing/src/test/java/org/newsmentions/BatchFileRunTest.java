package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.reference.ReferenceModel;
import org.newsmentions.schema.EntityCoMentionCount;
import org.newsmentions.schema.EntityMentionCount;

/**
 * The whole batch job as the command line runs it (file source, file sinks, the Direct Runner's
 * default parallelism), over part of the samples: the counts files hold one row per (window,
 * entity) and one per (window, pair) of co-mentions, equal to the reference model's. A sum made in
 * parts (one late pane per kept story) shows here as a key written twice; the in-process pipeline
 * tests did not see it.
 */
class BatchFileRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void countsFilesOverPartOfTheSamplesHoldOneFinalRowPerKeyEqualToTheModel(@TempDir Path tmp)
      throws IOException {
    List<Path> files =
        Fixtures.sampleFiles().stream()
            .filter(f -> f.getFileName().toString().matches("0[1256]-.*"))
            .toList();
    assertEquals(4, files.size(), "samples 01, 02, 05 and 06: " + files);
    ReferenceModel.Output model =
        ReferenceModel.run(
            ReferenceModel.readFiles(files, 2 * 1024 * 1024), Fixtures.settings(false));
    Map<String, String> expectedPairs = new TreeMap<>();
    for (EntityCoMentionCount c : model.coMentions()) {
      expectedPairs.put(
          c.getWindowStart() + "|" + c.getEntityAId() + "|" + c.getEntityBId(),
          c.getArticles() + "/" + c.getMentionsA() + "/" + c.getMentionsB());
    }
    assertFalse(expectedPairs.isEmpty(), "the model finds pairs named together in these samples");
    Map<String, String> expected = new TreeMap<>();
    for (EntityMentionCount c : model.counts()) {
      expected.put(
          Instant.ofEpochMilli(c.getWindowStart().toEpochMilli()) + "|" + c.getEntityId(),
          c.getMentions() + "/" + c.getArticles() + "/" + c.getCopies() + "/" + c.getOutlets());
    }
    // Several runs: how the Direct Runner cuts bundles varies from run to run.
    for (int run = 0; run < 3; run++) {
      Path out = tmp.resolve("run" + run);
      NewsMentionsOptions options =
          PipelineOptionsFactory.fromArgs(
                  "--input=" + String.join(",", files.stream().map(Path::toString).toList()),
                  "--output=" + out)
              .withValidation()
              .as(NewsMentionsOptions.class);
      NewsMentionsPipeline.run(options);
      Map<String, String> counts =
          finalRows(
              out.resolve("counts"),
              List.of("window_start", "entity_id"),
              List.of("mentions", "articles", "copies", "outlets"));
      assertFalse(counts.isEmpty(), "run " + run + " wrote no counts");
      assertEquals(expected, counts, "run " + run + ": counts");
      Map<String, String> pairs =
          finalRows(
              out.resolve("comentions"),
              List.of("window_start", "entity_a_id", "entity_b_id"),
              List.of("articles", "mentions_a", "mentions_b"));
      assertEquals(expectedPairs, pairs, "run " + run + ": co-mentions");
    }
  }

  /**
   * The rows of a folder's JSON-lines files as key fields to figure fields, each joined by "|" and
   * "/"; fails on a key written twice or a row that is not the one final batch pane.
   */
  private static Map<String, String> finalRows(Path dir, List<String> keys, List<String> figures)
      throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode n : jsonLines(dir)) {
      String key = String.join("|", keys.stream().map(k -> n.get(k).asText()).toList());
      String value = String.join("/", figures.stream().map(f -> n.get(f).asText()).toList());
      assertEquals(null, out.put(key, value), "written more than once: " + key);
      assertEquals("ON_TIME", n.get("pane_timing").asText(), n.toString());
      assertEquals(0, n.get("pane_index").asLong(), n.toString());
    }
    return out;
  }

  private static List<JsonNode> jsonLines(Path dir) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            out.add(JSON.readTree(line));
          }
        }
      }
    }
    return out;
  }
}
