package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.newsmentions.schema.EntityMentionCount;

/**
 * The whole batch job as the command line runs it (file source, file sinks, the Direct Runner's
 * default parallelism), over part of the samples: the counts files hold one row per (window,
 * entity), equal to the reference model's. A sum made in parts (one late pane per kept story) shows
 * here as a key written twice; the in-process pipeline tests did not see it.
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
    Map<String, String> expected = new TreeMap<>();
    for (EntityMentionCount c :
        ReferenceModel.run(
                ReferenceModel.readFiles(files, 2 * 1024 * 1024), Fixtures.settings(false))
            .counts()) {
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
      try (DirectoryStream<Path> counts =
          Files.newDirectoryStream(out.resolve("counts"), "*.json")) {
        for (Path f : counts) {
          for (String line : Files.readAllLines(f)) {
            if (line.isBlank()) {
              continue;
            }
            JsonNode n = JSON.readTree(line);
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
            assertEquals("ON_TIME", n.get("pane_timing").asText(), line);
            assertEquals(0, n.get("pane_index").asLong(), line);
          }
        }
      }
      assertTrue(!keys.isEmpty(), "run " + run + " wrote no counts");
      assertEquals(actual.size(), keys.size(), "run " + run + ": a key written more than once");
      assertEquals(expected, actual, "run " + run);
    }
  }
}
