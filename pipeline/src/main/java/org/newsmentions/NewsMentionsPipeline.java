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
import org.newsmentions.options.KafkaClientProperties;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.read.ReadArticles;
import org.newsmentions.read.ReadKafkaArticles;
import org.newsmentions.sink.OutputFormats;
import org.newsmentions.sink.WriteKafka;
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
    streamingForKafka(options, args);
    run(options);
  }

  /**
   * A Kafka topic is an unbounded source: {@code --inputTopic} turns on {@code --streaming} unless
   * the command line sets {@code --streaming} itself.
   */
  static void streamingForKafka(NewsMentionsOptions options, String[] args) {
    boolean explicit = false;
    for (String a : args) {
      explicit |= a.equals("--streaming") || a.startsWith("--streaming=");
    }
    if (!isBlank(options.getInputTopic()) && !explicit) {
      options.setStreaming(true);
    }
  }

  /**
   * Runs the job. Batch: waits for the end, logs one progress line (unless {@code
   * --progressEvery=off}) and prints the run report. Streaming (or {@code --watch}): logs a
   * progress line every {@code --progressEvery} (30s by default) and blocks until the pipeline ends
   * or is cancelled; Ctrl-C cancels it. With {@code --waitUntilFinish=false} (detached cluster
   * submission, Dataflow templates) it returns once the runner has the job.
   */
  public static PipelineResult run(NewsMentionsOptions options) {
    applyWatch(options);
    boolean streaming = options.isStreaming();
    // Pipeline.create registers the file systems the options name (gs:// with the Dataflow
    // runner's jars), which clearing the output folder needs.
    Pipeline pipeline = Pipeline.create(options);
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
    build(pipeline, options, Clock.systemUTC());
    if (streaming || progressMillis > 0) {
      returnFromRunOnDirectRunner(options);
    }
    PipelineResult result = pipeline.run();
    if (!options.getWaitUntilFinish()) {
      return result;
    }
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

  /** The file source of {@code --input}, watching the globs forever under {@code --watch}. */
  private static ReadArticles fileSource(NewsMentionsOptions options) {
    ReadArticles files = ReadArticles.from(options.getInput(), options.getMaxArticleBytes());
    String watch = options.getWatch();
    return watch == null || watch.isBlank() ? files : files.watching(Durations.parse(watch));
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

  /**
   * Builds the whole graph onto {@code pipeline}: the file source ({@code --input}) or the Kafka
   * source ({@code --inputTopic}), exactly one of them; the file sinks when {@code --output} is set
   * and the Kafka sinks when {@code --outputTopic} or {@code --deadLetterTopic} is.
   */
  public static NewsMentions.Result build(
      Pipeline pipeline, NewsMentionsOptions options, Clock clock) {
    boolean fromFiles = !isBlank(options.getInput());
    boolean kafka = !isBlank(options.getInputTopic());
    if (fromFiles == kafka) {
      throw new IllegalArgumentException(
          fromFiles
              ? "give either --input (files) or --inputTopic (Kafka), not both"
              : "no source: give --input (comma-separated file globs) or --inputTopic (a Kafka"
                  + " topic)");
    }
    boolean toFiles = !isBlank(options.getOutput());
    boolean countsToKafka = !isBlank(options.getOutputTopic());
    boolean deadToKafka = !isBlank(options.getDeadLetterTopic());
    if (!toFiles && !countsToKafka) {
      throw new IllegalArgumentException(
          "no sink: give --output (a directory) and/or --outputTopic (a Kafka topic)");
    }
    if (!toFiles && !deadToKafka) {
      throw new IllegalArgumentException(
          "without --output, give --deadLetterTopic: bad records must be kept somewhere");
    }
    applyWatch(options);
    NewsMentions.Settings settings = settings(options, clock);
    PCollectionTuple read =
        kafka
            ? pipeline.apply(
                "ReadKafkaArticles",
                new ReadKafkaArticles(
                    options.getInputTopic(),
                    KafkaClientProperties.from(options),
                    options.getFromBeginning(),
                    Durations.parse(options.getMaxOutOfOrder()).getMillis(),
                    settings.parser()))
            : pipeline.apply("ReadArticles", fileSource(options));
    NewsMentions.Result result =
        read.get(ReadArticles.RECORDS)
            .apply("NewsMentions", new NewsMentions(settings))
            .withMoreDeadLetters(read.get(ReadArticles.DEAD_LETTERS));
    OutputFormats formats = OutputFormats.parse(options.getFormat());
    if (toFiles) {
      result.apply(
          "WriteOutputs",
          new WriteOutputs(
              options.getOutput(), formats, options.isStreaming(), settings.allowedLateness()));
    }
    if (countsToKafka || deadToKafka) {
      result.apply(
          "WriteKafka",
          new WriteKafka(
              KafkaClientProperties.from(options),
              options.getOutputTopic(),
              options.getDeadLetterTopic(),
              formats.has(OutputFormats.Format.AVRO)));
    }
    return result;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
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
