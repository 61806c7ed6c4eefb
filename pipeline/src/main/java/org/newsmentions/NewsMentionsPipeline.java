package org.newsmentions;

import java.time.Clock;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.StreamingOptions;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.read.ReadArticles;
import org.newsmentions.read.ReadKafkaArticles;
import org.newsmentions.sink.CountOutputs;
import org.newsmentions.sink.JobOutputs;
import org.newsmentions.sink.OutputFormats;
import org.newsmentions.sink.WriteKafka;
import org.newsmentions.sink.WriteOutputs;

/**
 * Entry point: reads articles, runs {@link NewsMentions} and writes the outputs. {@code main} only
 * parses options; {@link RunSettings} reads them, once; {@link #build} makes the graph so tests can
 * run it.
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
    RunSettings settings = RunSettings.from(options, Clock.systemUTC());
    // The runner reads the streaming mode from the options; --watch may have turned it on.
    options.setStreaming(settings.streaming());
    boolean streaming = settings.streaming();
    // Pipeline.create registers the file systems the options name (gs:// with the Dataflow
    // runner's jars), which clearing the output folder needs.
    Pipeline pipeline = Pipeline.create(options);
    if (!streaming && settings.output() != null) {
      try {
        int stale = WriteOutputs.clearPreviousRun(settings.output());
        if (stale > 0) {
          System.out.println(
              "Removed " + stale + " output files of an earlier run in " + settings.output());
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot clear the output folder " + settings.output(), e);
      }
    }
    long progressMillis = settings.progressMillis();
    build(pipeline, settings);
    if (streaming || progressMillis > 0) {
      returnFromRunOnDirectRunner(options);
    }
    PipelineResult result = pipeline.run();
    if (!settings.waitUntilFinish()) {
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
      RunReport.print(result, settings.output(), System.out);
    }
    return result;
  }

  /** The file source of {@code --input}, watching the globs forever under {@code --watch}. */
  private static ReadArticles fileSource(RunSettings settings) {
    ReadArticles files =
        ReadArticles.from(settings.input())
            .withMaxArticleBytes(settings.job().parser().maxArticleBytes())
            .withMaxPageBytes(settings.job().parser().maxPageBytes());
    return settings.watch() == null ? files : files.watching(settings.watch());
  }

  private static final org.slf4j.Logger PROGRESS =
      org.slf4j.LoggerFactory.getLogger("org.newsmentions.progress");

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
   * Builds the whole graph onto {@code pipeline} from the options: {@link RunSettings#from} (which
   * checks them) then {@link #build(Pipeline, RunSettings)}. The pipeline's options are told when
   * {@code --watch} makes the run streaming.
   */
  public static JobOutputs build(Pipeline pipeline, NewsMentionsOptions options, Clock clock) {
    RunSettings settings = RunSettings.from(options, clock);
    if (settings.streaming()) {
      pipeline.getOptions().as(StreamingOptions.class).setStreaming(true);
    }
    return build(pipeline, settings);
  }

  /**
   * Builds the whole graph onto {@code pipeline}: the file source ({@code --input}) or the Kafka
   * source ({@code --inputTopic}), exactly one of them; the file sinks when {@code --output} is set
   * and the Kafka sinks when {@code --outputTopic} or {@code --deadLetterTopic} is.
   */
  public static JobOutputs build(Pipeline pipeline, RunSettings settings) {
    NewsMentions.Settings job = settings.job();
    PCollectionTuple read =
        settings.inputTopic() != null
            ? pipeline.apply(
                "ReadKafkaArticles",
                ReadKafkaArticles.from(settings.inputTopic())
                    .withKafka(settings.kafka())
                    .withFromBeginning(settings.fromBeginning())
                    .withMaxOutOfOrder(job.maxOutOfOrder())
                    .withParser(job.parser()))
            : pipeline.apply("ReadArticles", fileSource(settings));
    JobOutputs result =
        read.get(ReadArticles.RECORDS)
            .apply("NewsMentions", new NewsMentions(job))
            .withMoreDeadLetters(read.get(ReadArticles.DEAD_LETTERS));
    result.apply("CountOutputs", new CountOutputs());
    if (settings.output() != null) {
      result.apply(
          "WriteOutputs",
          WriteOutputs.to(settings.output())
              .withFormats(settings.formats())
              .withStreaming(job.streaming())
              .withAllowedLateness(job.allowedLateness()));
    }
    if (settings.outputTopic() != null || settings.deadLetterTopic() != null) {
      result.apply(
          "WriteKafka",
          WriteKafka.create()
              .withKafka(settings.kafka())
              .withCountsTopic(settings.outputTopic())
              .withDeadLetterTopic(settings.deadLetterTopic())
              .withAvroCounts(settings.formats().has(OutputFormats.Format.AVRO)));
    }
    return result;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
