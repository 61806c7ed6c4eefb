package org.newsmentions;

import java.nio.file.Path;
import java.time.Clock;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.newsmentions.dedup.DedupMode;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.options.Durations;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.read.ReadArticles;
import org.newsmentions.sink.OutputFormats;
import org.newsmentions.sink.WriteOutputs;
import org.newsmentions.window.PublicationWindows;
import org.newsmentions.window.UndatedPolicy;

/**
 * Entry point: reads articles, runs {@link NewsMentions} and writes the outputs. {@code main} only
 * parses options; {@link #build} makes the graph so tests can run it.
 */
public final class NewsMentionsPipeline {
  private NewsMentionsPipeline() {}

  public static void main(String[] args) {
    PipelineOptionsFactory.register(NewsMentionsOptions.class);
    NewsMentionsOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(NewsMentionsOptions.class);
    run(options);
  }

  /**
   * Runs the job. Batch: waits for the end, logs one progress line (unless {@code
   * --progressEvery=off}) and prints the run report. Streaming (or {@code --watch}): logs a
   * progress line every {@code --progressEvery} (30s by default) and blocks until the pipeline ends
   * or is cancelled; Ctrl-C cancels it.
   */
  public static PipelineResult run(NewsMentionsOptions options) {
    applyWatch(options);
    boolean streaming = options.isStreaming();
    if (!streaming && options.getOutput() != null) {
      try {
        int stale = WriteOutputs.clearPreviousRun(options.getOutput());
        if (stale > 0) {
          System.out.println(
              "Removed " + stale + " output files of an earlier run in " + options.getOutput());
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot clear the output folder " + options.getOutput(), e);
      }
    }
    long progressMillis = progressMillis(options);
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, Clock.systemUTC());
    if (streaming || progressMillis > 0) {
      returnFromRunOnDirectRunner(options);
    }
    PipelineResult result = pipeline.run();
    try (ProgressLog progress =
        ProgressLog.start(result, Math.max(progressMillis, 0), PROGRESS::info)) {
      if (streaming) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> cancel(result), "cancel-on-exit"));
      }
      result.waitUntilFinish();
      if (progressMillis != 0) {
        progress.logNow();
      }
    }
    if (!streaming) {
      RunReport.print(result, options.getOutput(), System.out);
    }
    return result;
  }

  private static final org.slf4j.Logger PROGRESS =
      org.slf4j.LoggerFactory.getLogger("org.newsmentions.progress");

  /** {@code --watch} makes the file source unbounded, so the pipeline streams. */
  private static void applyWatch(NewsMentionsOptions options) {
    if (options.getWatch() != null && !options.getWatch().isBlank()) {
      options.setStreaming(true);
    }
  }

  /**
   * The progress period in millis: 0 for off, -1 for one line at the end only. Default: 30s in
   * streaming, end only in batch.
   */
  static long progressMillis(NewsMentionsOptions options) {
    String every = options.getProgressEvery();
    if (every == null || every.isBlank()) {
      return options.isStreaming() ? 30_000 : -1;
    }
    if (every.trim().equalsIgnoreCase("off")) {
      return 0;
    }
    return Durations.parse(every).getMillis();
  }

  private static void cancel(PipelineResult result) {
    try {
      if (!result.getState().isTerminal()) {
        result.cancel();
      }
    } catch (java.io.IOException | RuntimeException e) {
      // The JVM is exiting: nothing more to do.
    }
  }

  /**
   * The Direct Runner's {@code run()} blocks until an unbounded pipeline ends, which is never, so
   * progress could not be logged; this asks it to return at once ({@code --blockOnRun=false}) and
   * {@link #run} waits itself. Other runners return from {@code run()} anyway. Reflective because
   * the Direct Runner is only on the classpath of its build profile.
   */
  private static void returnFromRunOnDirectRunner(PipelineOptions options) {
    if (!options.getRunner().getSimpleName().equals("DirectRunner")) {
      return;
    }
    try {
      Class<? extends PipelineOptions> direct =
          Class.forName("org.apache.beam.runners.direct.DirectOptions")
              .asSubclass(PipelineOptions.class);
      direct.getMethod("setBlockOnRun", boolean.class).invoke(options.as(direct), false);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot configure the Direct Runner", e);
    }
  }

  /** Builds the whole graph, file source to file sinks, onto {@code pipeline}. */
  public static NewsMentions.Result build(
      Pipeline pipeline, NewsMentionsOptions options, Clock clock) {
    applyWatch(options);
    ReadArticles source = ReadArticles.from(options.getInput(), options.getMaxArticleBytes());
    if (options.getWatch() != null && !options.getWatch().isBlank()) {
      source = source.watching(Durations.parse(options.getWatch()));
    }
    PCollectionTuple read = pipeline.apply("ReadArticles", source);
    NewsMentions.Result result =
        read.get(ReadArticles.RECORDS)
            .apply("NewsMentions", new NewsMentions(settings(options, clock)))
            .withMoreDeadLetters(read.get(ReadArticles.DEAD_LETTERS));
    result.apply(
        "WriteOutputs",
        new WriteOutputs(
            options.getOutput(), OutputFormats.parse(options.getFormat()), options.isStreaming()));
    return result;
  }

  private static ParserSettings parserDefaults(NewsMentionsOptions options) {
    String file = options.getDateOrderFile();
    return file == null || file.isBlank()
        ? ParserSettings.defaults()
        : ParserSettings.withDateOrderFile(Path.of(file));
  }

  /** The stages' settings from the command-line options; fails early on a bad value. */
  public static NewsMentions.Settings settings(NewsMentionsOptions options, Clock clock) {
    Gazetteer gazetteer = Gazetteer.loadDefault();
    if (options.getEntities() != null && !options.getEntities().isBlank()) {
      gazetteer = gazetteer.withOverrides(Gazetteer.load(Path.of(options.getEntities())));
    }
    return new NewsMentions.Settings(
        parserDefaults(options).withClock(clock).withMaxArticleBytes(options.getMaxArticleBytes()),
        gazetteer,
        new PublicationWindows(
            Durations.parse(options.getWindow()).getMillis(), options.getWindowTimeZone()),
        UndatedPolicy.parse(options.getUndated()),
        options.isStreaming(),
        Durations.parse(options.getAllowedLateness()),
        Durations.parse(options.getEarlyFiring()),
        DedupMode.parse(options.getDedup()),
        options.getDedupThreshold(),
        Durations.parse(options.getDedupHorizon()),
        Durations.parse(options.getMaxOutOfOrder()));
  }
}
