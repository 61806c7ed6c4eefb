package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.schema.EntityCoMentionCount;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.sink.JobOutputs;
import org.newsmentions.sink.JsonRecords;

/**
 * The streaming file sink on the Direct Runner ({@code --watch}, not blocking): every count pane
 * the pipeline emits reaches {@code counts/} promptly and exactly once, early panes included, in
 * files named after the pane's window.
 *
 * <p>First one article of 6 May: the watermark (highest publication time seen minus one day) stays
 * inside that day's window, so only early panes exist, and their rows must be in the files. Then an
 * article of 8 May moves the watermark past 6 May: its on-time pane and 8 May's early panes follow.
 * Then a late copy of the 6 May story (a late pane) and an article of 20 May, which moves the
 * watermark past 6 May's allowed lateness (its final pane). At the end the rows in the files are
 * exactly the rows the pipeline emitted, each once.
 */
class StreamingFileSinkTest {
  private static final long TIMEOUT_MILLIS = 120_000;
  private static final String MAY_6 = "2025-05-06T00:00:00Z";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every count row the pipeline emitted, as the JSON line the sink writes for it. */
  private static final List<String> EMITTED = Collections.synchronizedList(new ArrayList<>());

  /** Every co-mention row the pipeline emitted, as JSON. */
  private static final List<String> EMITTED_PAIRS = Collections.synchronizedList(new ArrayList<>());

  @Test
  void everyCountPaneIsWrittenOnceAndEarlyPanesBeforeTheWindowCloses(@TempDir Path tmp)
      throws Exception {
    Path feed = Files.createDirectories(tmp.resolve("feed"));
    Path out = tmp.resolve("out");
    Path may6 = sample("01-dailymeridian-climate-roundtable.txt");
    Path may8 = sample("02-dailymeridian-kremlin-talks-wire.txt");

    NewsMentionsOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + feed + "/*.txt",
                "--output=" + out,
                "--watch=1s",
                "--earlyFiring=1s",
                // Every pair of these few articles is written, so comentions/ has panes too.
                "--minCoMentions=1",
                "--format=json,parquet",
                "--progressEvery=off",
                "--runner=DirectRunner",
                "--blockOnRun=false")
            .as(NewsMentionsOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    EMITTED.clear();
    EMITTED_PAIRS.clear();
    JobOutputs outputs = NewsMentionsPipeline.build(pipeline, options, Fixtures.CLOCK);
    outputs.counts().apply("RecordEmitted", ParDo.of(new RecordFn()));
    outputs.coMentions().apply("RecordEmittedPairs", ParDo.of(new RecordPairFn()));
    PipelineResult result = pipeline.run();
    try {
      Thread.sleep(3000);
      Files.copy(may6, feed.resolve(may6.getFileName()));

      // Early panes of 6 May, in the files while the watermark is still inside the window.
      List<String> written =
          await(out, rows -> !rows.isEmpty(), "no count row of 6 May's early panes was written");
      assertTrue(
          written.stream().allMatch(r -> field(r, "pane_timing").equals("EARLY")),
          "only early panes so far: " + written);
      assertTrue(written.stream().allMatch(r -> field(r, "window_start").equals(MAY_6)));
      assertFalse(
          emittedCopy().stream().anyMatch(r -> !field(r, "pane_timing").equals("EARLY")),
          "the watermark has not passed 6 May yet");
      assertNoDuplicates(written);

      // 8 May moves the watermark past 6 May: its on-time pane is written too, and in the end
      // the files hold exactly the emitted rows, each once.
      Files.copy(may8, feed.resolve(may8.getFileName()));
      await(
          out,
          rows ->
              rows.stream()
                  .anyMatch(
                      r ->
                          field(r, "window_start").equals(MAY_6)
                              && field(r, "pane_timing").equals("ON_TIME")),
          "6 May's on-time pane was not written");
      written = await(out, rows -> sorted(rows).equals(sorted(emittedCopy())), null);

      // Another copy of the 6 May story arrives late: a late pane. Then an article of 20 May
      // moves the watermark past 6 May's allowed lateness (7 days): its final pane, written
      // although the write's window closes right after.
      Files.copy(may6, feed.resolve("09-late-copy.txt"));
      await(
          out,
          rows ->
              rows.stream()
                  .anyMatch(
                      r ->
                          field(r, "window_start").equals(MAY_6)
                              && field(r, "pane_timing").equals("LATE")),
          "6 May's late pane was not written");
      Files.writeString(
          feed.resolve("10-may-20.txt"),
          Files.readString(may8)
              .replace("2025-05-08", "2025-05-20")
              .replace("8 May 2025", "20 May 2025"));
      await(
          out,
          rows -> latePanes(rows, MAY_6) >= 2 && sorted(rows).equals(sorted(emittedCopy())),
          "6 May's final pane was not written");
      // A while later nothing more is written (no copy of an earlier row).
      Thread.sleep(8000);
      written = rows(out);
      assertEquals(sorted(emittedCopy()), sorted(written), "files hold exactly the emitted rows");
      assertNoDuplicates(written);
      assertTrue(
          written.stream().anyMatch(r -> !field(r, "window_start").equals(MAY_6)),
          "8 May's early panes are written too");

      // The co-mentions follow the same conventions: every emitted row in comentions/, once,
      // in files named after its window, early and final panes included.
      // Their panes fire on their own processing-time delay, so they may still be on the way
      // when the counts have settled: wait for them as for the counts.
      List<String> pairs = rows(out, "comentions");
      long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
      while (!sorted(pairs).equals(sorted(emittedPairs()))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(500);
        pairs = rows(out, "comentions");
      }
      assertEquals(sorted(emittedPairs()), sorted(pairs), "comentions/ holds the emitted rows");
      assertTrue(pairs.stream().anyMatch(r -> field(r, "pane_timing").equals("EARLY")), "early");
      assertEquals(
          pairs.size(),
          pairs.stream()
              .map(
                  r ->
                      field(r, "window_start")
                          + field(r, "entity_a_id")
                          + field(r, "entity_b_id")
                          + field(r, "pane_index"))
              .distinct()
              .count(),
          "a co-mention row written twice");
      // Parquet files per window and pane beside the JSON ones, each a whole Parquet file.
      for (String dir : List.of("counts", "comentions")) {
        List<Path> parquet;
        try (Stream<Path> files = Files.list(out.resolve(dir))) {
          parquet = files.filter(f -> f.toString().endsWith(".parquet")).toList();
        }
        assertFalse(parquet.isEmpty(), "no Parquet file in " + dir);
        for (Path f : parquet) {
          assertTrue(f.getFileName().toString().startsWith(dir + "-2025-05-"), f.toString());
          byte[] b = Files.readAllBytes(f);
          String head = new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
          String tail = new String(b, b.length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
          assertEquals("PAR1PAR1", head + tail, f + " is a complete Parquet file");
        }
      }
    } finally {
      result.cancel();
    }
  }

  private static long latePanes(List<String> rows, String window) {
    return rows.stream()
        .filter(r -> field(r, "window_start").equals(window))
        .filter(r -> field(r, "pane_timing").equals("LATE"))
        .map(r -> field(r, "pane_index"))
        .distinct()
        .count();
  }

  /** Collects each emitted count row as JSON. */
  static class RecordFn extends DoFn<EntityMentionCount, Void> {
    @ProcessElement
    public void process(@Element EntityMentionCount c) {
      EMITTED.add(JsonRecords.toJson(c));
    }
  }

  /** Collects each emitted co-mention row as JSON. */
  static class RecordPairFn extends DoFn<EntityCoMentionCount, Void> {
    @ProcessElement
    public void process(@Element EntityCoMentionCount c) {
      EMITTED_PAIRS.add(JsonRecords.toJson(c));
    }
  }

  private static List<String> emittedPairs() {
    synchronized (EMITTED_PAIRS) {
      return new ArrayList<>(EMITTED_PAIRS);
    }
  }

  private static List<String> emittedCopy() {
    synchronized (EMITTED) {
      return new ArrayList<>(EMITTED);
    }
  }

  /**
   * Polls the files until {@code done} holds; fails with {@code message} (or the rows) if never.
   */
  private static List<String> await(Path out, Predicate<List<String>> done, String message)
      throws Exception {
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    List<String> rows = rows(out);
    while (!done.test(rows)) {
      if (System.currentTimeMillis() > deadline) {
        assertEquals(
            String.join("\n", sorted(emittedCopy())),
            String.join("\n", sorted(rows)),
            message == null ? "files after " + TIMEOUT_MILLIS / 1000 + " s" : message);
        throw new AssertionError(message);
      }
      Thread.sleep(500);
      rows = rows(out);
    }
    return rows;
  }

  /**
   * The complete lines of the finished {@code counts/*.json} files (temporary files of the write
   * are in a subfolder); checks each row's window is in its file's name.
   */
  private static List<String> rows(Path out) throws IOException {
    return rows(out, "counts");
  }

  private static List<String> rows(Path out, String dir) throws IOException {
    Path counts = out.resolve(dir);
    List<String> rows = new ArrayList<>();
    if (!Files.isDirectory(counts)) {
      return rows;
    }
    try (Stream<Path> files = Files.list(counts)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        String name = f.getFileName().toString();
        for (String line : Files.readAllLines(f)) {
          if (line.isBlank()) {
            continue;
          }
          // The default windowed name: counts-<start>-<end>-pane-N...; start as Joda prints it.
          String start = field(line, "window_start").replace("Z", ".000Z");
          assertTrue(name.contains(start), name + " holds a row of window " + start);
          rows.add(line);
        }
      }
    }
    return rows;
  }

  private static void assertNoDuplicates(List<String> rows) {
    List<String> keys =
        rows.stream()
            .map(
                r ->
                    field(r, "window_start")
                        + "|"
                        + field(r, "entity_id")
                        + "|"
                        + field(r, "pane_timing")
                        + "|"
                        + field(r, "pane_index"))
            .toList();
    assertEquals(keys.size(), keys.stream().distinct().count(), "a row written twice: " + rows);
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    Collections.sort(copy);
    return copy;
  }

  private static String field(String json, String name) {
    try {
      JsonNode node = JSON.readTree(json).get(name);
      return node == null ? "" : node.asText();
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static Path sample(String name) {
    return Fixtures.sampleFiles().stream()
        .filter(p -> p.getFileName().toString().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
