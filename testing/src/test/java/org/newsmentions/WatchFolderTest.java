package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.reference.ReferenceModel;
import org.newsmentions.schema.EntityMentionCount;

/**
 * {@code --watch}: a streaming pipeline on the Direct Runner watches a folder while a scraper
 * writes the bundled samples into it in three ways: in place, slowly (a JSON-lines file growing
 * over several polls, which must not be read until it is complete), and under a temporary name
 * renamed when done. An already-read file that is touched again is not read twice. The counts
 * emitted (the last pane of each window and entity) converge to the batch counts of the same files.
 */
class WatchFolderTest {
  private static final long TIMEOUT_MILLIS = 300_000;

  @Test
  void readsEachCompleteFileOnceAndConvergesToTheBatchCounts(@TempDir Path tmp) throws Exception {
    Path feed = Files.createDirectories(tmp.resolve("feed"));
    Path out = tmp.resolve("out");
    List<Path> raw = new ArrayList<>();
    Path jsonl = null;
    for (Path p : Fixtures.sampleFiles()) {
      if (p.toString().endsWith(".jsonl")) {
        jsonl = p;
      } else {
        raw.add(p);
      }
    }
    ReferenceModel.Output batch =
        ReferenceModel.run(
            ReferenceModel.readFiles(Fixtures.sampleFiles(), 2 * 1024 * 1024),
            Fixtures.settings(false));
    TreeSet<String> expected = new TreeSet<>();
    for (EntityMentionCount c : batch.counts()) {
      expected.add(line(c));
    }

    NewsMentionsOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + feed + "/*.txt," + feed + "/*.jsonl",
                "--output=" + out,
                "--watch=1s",
                "--earlyFiring=1s",
                "--runner=DirectRunner",
                "--blockOnRun=false")
            .as(NewsMentionsOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    LAST_PANES.clear();
    NewsMentionsPipeline.build(pipeline, options, Fixtures.CLOCK)
        .counts()
        .apply("KeepLastPanes", ParDo.of(new KeepLastPaneFn()));
    PipelineResult result = pipeline.run();
    try {
      // The watcher polls the empty folder first: its watermark (the wall clock) moves on before
      // any article exists, which must not close the windows of the articles that come later.
      Thread.sleep(4000);
      int half = raw.size() / 2;
      // In place.
      for (Path p : raw.subList(0, half)) {
        Files.copy(p, feed.resolve(p.getFileName()));
      }
      // Slowly: the file grows for about 4 seconds (several polls) before it is complete.
      byte[] content = Files.readAllBytes(jsonl);
      try (OutputStream growing = Files.newOutputStream(feed.resolve("feed.jsonl"))) {
        int chunks = 16;
        for (int i = 0; i < chunks; i++) {
          int from = content.length * i / chunks;
          int to = content.length * (i + 1) / chunks;
          growing.write(content, from, to - from);
          growing.flush();
          Thread.sleep(250);
        }
      }
      // Under a temporary name, renamed when complete.
      for (Path p : raw.subList(half, raw.size())) {
        Path temp = feed.resolve(p.getFileName() + ".tmp");
        Files.copy(p, temp);
        Thread.sleep(1500); // long enough for a poll to see the .tmp file
        Files.move(temp, feed.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      }
      // An old file touched again: it was read once and is not read again.
      Thread.sleep(3000);
      Files.setLastModifiedTime(
          feed.resolve(raw.get(0).getFileName()), FileTime.from(Instant.now()));

      TreeSet<String> actual = new TreeSet<>();
      long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
      while (System.currentTimeMillis() < deadline) {
        actual = lastPanes();
        if (actual.equals(expected)) {
          break;
        }
        Thread.sleep(2000);
      }
      assertEquals(
          String.join("\n", expected),
          String.join("\n", actual),
          "counts after " + TIMEOUT_MILLIS / 1000 + " s; progress: " + ProgressLog.line(result, 0));
      // Give a poll the chance to pick up the touched file, which it must not.
      Thread.sleep(3000);
      assertEquals(raw.size() + 1, ProgressLog.counter(result, "files"), "each file read once");
      assertEquals(
          ReferenceModel.readFiles(Fixtures.sampleFiles(), 2 * 1024 * 1024).size(),
          ProgressLog.counter(result, "records"),
          "every record read once, none from a half-written file");
      assertEquals(batch.deadLetters().size(), ProgressLog.counter(result, "deadLettered"));
      assertEquals(0, ProgressLog.counter(result, "late"));
      assertEquals(0, ProgressLog.counter(result, "droppedDueToLateness"));
    } finally {
      result.cancel();
    }
  }

  /** The last pane so far of each window and entity: window|entity -> (pane index, line). */
  private static final Map<String, Map.Entry<Long, String>> LAST_PANES = new ConcurrentHashMap<>();

  /**
   * Records each count pane as it is emitted (the test reads the counts inside the pipeline; that
   * they reach {@code counts/} as well is {@code StreamingFileSinkTest}'s concern).
   */
  static class KeepLastPaneFn extends DoFn<EntityMentionCount, Void> {
    @ProcessElement
    public void process(@Element EntityMentionCount c) {
      String key = c.getWindowStart() + "|" + c.getEntityId();
      Map.Entry<Long, String> now = Map.entry(c.getPaneIndex(), line(c));
      LAST_PANES.merge(key, now, (a, b) -> a.getKey() >= b.getKey() ? a : b);
    }
  }

  private static TreeSet<String> lastPanes() {
    TreeSet<String> out = new TreeSet<>();
    for (Map.Entry<Long, String> e : LAST_PANES.values()) {
      out.add(e.getValue());
    }
    return out;
  }

  /** A count's window, entity and figures as one comparable line. */
  private static String line(EntityMentionCount c) {
    return String.join(
        "|",
        c.getWindowStart().toString(),
        c.getEntityId(),
        String.valueOf(c.getMentions()),
        String.valueOf(c.getArticles()),
        String.valueOf(c.getCopies()),
        String.valueOf(c.getOutlets()));
  }
}
