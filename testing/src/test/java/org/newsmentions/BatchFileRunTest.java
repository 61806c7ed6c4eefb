package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      List<String> keys = new ArrayList<>();
      Map<String, String> actual = new TreeMap<>();
      for (JsonNode n : jsonLines(out.resolve("counts"))) {
        String key = n.get("window_start").asText() + "|" + n.get("entity_id").asText();
        keys.add(key);
        actual.put(
            key,
            n.get("mentions").asLong()
                + "/"
                + n.get("articles").asLong()
                + "/"
                + n.get("copies").asLong()
                + "/"
                + n.get("outlets").asLong());
        assertEquals("ON_TIME", n.get("pane_timing").asText(), n.toString());
        assertEquals(0, n.get("pane_index").asLong(), n.toString());
      }
      assertTrue(!keys.isEmpty(), "run " + run + " wrote no counts");
      assertEquals(actual.size(), keys.size(), "run " + run + ": a key written more than once");
      assertEquals(expected, actual, "run " + run);
      List<String> pairKeys = new ArrayList<>();
      Map<String, String> pairs = new TreeMap<>();
      for (JsonNode n : jsonLines(out.resolve("comentions"))) {
        String key =
            n.get("window_start").asText()
                + "|"
                + n.get("entity_a_id").asText()
                + "|"
                + n.get("entity_b_id").asText();
        pairKeys.add(key);
        pairs.put(
            key,
            n.get("articles").asLong()
                + "/"
                + n.get("mentions_a").asLong()
                + "/"
                + n.get("mentions_b").asLong());
        assertEquals("ON_TIME", n.get("pane_timing").asText(), n.toString());
        assertEquals(0, n.get("pane_index").asLong(), n.toString());
      }
      assertEquals(pairs.size(), pairKeys.size(), "run " + run + ": a pair written more than once");
      assertEquals(expectedPairs, pairs, "run " + run + ": co-mentions");
    }
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
