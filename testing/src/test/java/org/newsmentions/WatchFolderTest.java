package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Watch;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.read.ReadArticles;
import org.newsmentions.read.WatchParts;
import org.newsmentions.reference.ModelAssert;
import org.newsmentions.reference.ReferenceModel;
import org.newsmentions.sink.JobOutputs;

/**
 * {@code --watch}: the watcher's poll function and file-completion rule on a folder a scraper
 * writes the bundled samples into in three ways: in place, slowly (a JSON-lines file growing over
 * several polls, which must not be read until it is complete), and under a temporary name renamed
 * when done. An already-read file that is touched again is not read twice. The final pane of each
 * window equals the reference model's batch counts of the same files.
 *
 * <p>Deterministic: the scraper's steps run inside the polls, step {@code k} just before poll
 * {@code k} looks at the folder, so what each poll sees is fixed. Time is fixed too: the quiet
 * period of {@link org.newsmentions.read.FileCompletion} is an hour, so a file written during the
 * test is never quiet long enough, and the test makes a file "quiet" by setting its modification
 * time two hours back. The watch ends after the last step's poll, so the pipeline ends by itself
 * (every window's final pane) and nothing waits on the clock for a result.
 */
@ExtendWith(TestPipelineExtension.class)
class WatchFolderTest {
  private static final long QUIET_MILLIS = 3_600_000;
  private static final int STEPS = 8;

  /** The polls so far (the script's step); the Direct Runner runs the poll function in-process. */
  private static final AtomicInteger POLLS = new AtomicInteger();

  @Test
  void readsEachCompleteFileOnceAndEndsWithTheBatchCounts(TestPipeline pipeline, @TempDir Path tmp)
      throws Exception {
    Path feed = Files.createDirectories(tmp.resolve("feed"));
    List<String> raw = new ArrayList<>();
    String jsonl = null;
    for (Path p : Fixtures.sampleFiles()) {
      if (p.toString().endsWith(".jsonl")) {
        jsonl = p.toString();
      } else {
        raw.add(p.toString());
      }
    }
    ReferenceModel.Output batch =
        ReferenceModel.run(
            ReferenceModel.readFiles(Fixtures.sampleFiles(), 2 * 1024 * 1024),
            Fixtures.settings(false));

    POLLS.set(0);
    PCollectionTuple read =
        pipeline.apply(
            "WatchFolder",
            WatchParts.watching(
                // One glob for everything, temporary names included: the rule must skip those.
                List.of(feed + "/*"),
                2 * 1024 * 1024,
                new ScraperScript(feed.toString(), raw, jsonl),
                Duration.millis(50),
                new AfterPolls(STEPS)));
    JobOutputs result =
        read.get(ReadArticles.RECORDS)
            .apply("NewsMentions", new NewsMentions(Fixtures.settings(true)))
            .withMoreDeadLetters(read.get(ReadArticles.DEAD_LETTERS));
    ModelAssert.assertFinalPanes("final panes", result.counts(), batch.counts());

    // Ends by itself once the watch has stopped; TestPipeline checks that the assertion ran.
    PipelineResult run = pipeline.run();
    run.waitUntilFinish();
    assertEquals(STEPS, POLLS.get(), "one poll per step, then the watch stopped");
    assertEquals(raw.size() + 1, ProgressLog.counter(run, "files"), "each file read once");
    assertEquals(
        ReferenceModel.readFiles(Fixtures.sampleFiles(), 2 * 1024 * 1024).size(),
        ProgressLog.counter(run, "records"),
        "every record read once, none from a half-written file");
    assertEquals(batch.deadLetters().size(), ProgressLog.counter(run, "deadLettered"));
    assertEquals(0, ProgressLog.counter(run, "late"));
    assertEquals(0, ProgressLog.counter(run, "droppedDueToLateness"));
  }

  /**
   * The scraper, one step before each poll, then the watcher's own poll function. A file counts as
   * written long ago once its modification time is set two hours back ({@link #quiet}).
   */
  static class ScraperScript extends Watch.Growth.PollFn<String, MatchResult.Metadata> {
    private final String feed;
    private final List<String> raw;
    private final String jsonl;
    private final Watch.Growth.PollFn<String, MatchResult.Metadata> watcher =
        WatchParts.completeFiles(QUIET_MILLIS);

    ScraperScript(String feed, List<String> raw, String jsonl) {
      this.feed = feed;
      this.raw = new ArrayList<>(raw);
      this.jsonl = jsonl;
    }

    @Override
    public Watch.Growth.PollResult<MatchResult.Metadata> apply(String glob, Context c)
        throws Exception {
      step(POLLS.getAndIncrement());
      return watcher.apply(glob, c);
    }

    private void step(int step) throws IOException {
      int half = raw.size() / 2;
      Path growing = Path.of(feed, Path.of(jsonl).getFileName().toString());
      byte[] content = Files.readAllBytes(Path.of(jsonl));
      switch (step) {
        case 0 -> {
          // The empty folder: the watcher's watermark (the wall clock) moves on before any
          // article exists, which must not close the windows of the articles that come later.
        }
        case 1 -> {
          // In place, just written: not quiet yet. The JSON-lines file starts growing.
          for (String p : raw.subList(0, half)) {
            Files.copy(Path.of(p), target(p));
          }
          append(growing, content, 0, content.length / 3);
        }
        case 2 -> {
          // The in-place files are now quiet: read by this poll. The JSON-lines file grows; the
          // rest is written under temporary names (and is done: quiet, but not to be read).
          for (String p : raw.subList(0, half)) {
            quiet(target(p));
          }
          append(growing, content, content.length / 3, 2 * content.length / 3);
          for (String p : raw.subList(half, raw.size())) {
            Path temp = Path.of(feed, Path.of(p).getFileName() + ".tmp");
            Files.copy(Path.of(p), temp);
            quiet(temp);
          }
        }
        case 3 -> {
          // Renamed when complete: the modification time is the write's, so read at once. The
          // JSON-lines file is complete but was just modified: not read yet.
          for (String p : raw.subList(half, raw.size())) {
            Files.move(
                Path.of(feed, Path.of(p).getFileName() + ".tmp"),
                target(p),
                StandardCopyOption.ATOMIC_MOVE);
          }
          append(growing, content, 2 * content.length / 3, content.length);
        }
        case 4 -> quiet(growing);
        case 5 ->
            // An old file touched again ...
            Files.setLastModifiedTime(target(raw.get(0)), FileTime.fromMillis(nowMillis()));
        case 6 ->
            // ... and quiet again: complete by the rule, but its path was read, so not again.
            quiet(target(raw.get(0)));
        default -> {
          // The last poll: nothing new.
        }
      }
    }

    private Path target(String sample) {
      return Path.of(feed, Path.of(sample).getFileName().toString());
    }

    private static void append(Path file, byte[] content, int from, int to) throws IOException {
      try (OutputStream out =
          Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        out.write(content, from, to - from);
      }
    }

    private static void quiet(Path file) {
      try {
        Files.setLastModifiedTime(file, FileTime.fromMillis(nowMillis() - 2 * QUIET_MILLIS));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static long nowMillis() {
      return System.currentTimeMillis();
    }
  }

  /** Stops watching after a number of polls (the product watches for ever). */
  static class AfterPolls implements Watch.Growth.TerminationCondition<String, Integer> {
    private final int polls;

    AfterPolls(int polls) {
      this.polls = polls;
    }

    @Override
    public Coder<Integer> getStateCoder() {
      return VarIntCoder.of();
    }

    @Override
    public Integer forNewInput(Instant now, String input) {
      return 0;
    }

    @Override
    public Integer onPollComplete(Integer state) {
      return state + 1;
    }

    @Override
    public boolean canStopPolling(Instant now, Integer state) {
      return state >= polls;
    }

    @Override
    public String toString(Integer state) {
      return "after " + polls + " polls (" + state + " so far)";
    }
  }
}
