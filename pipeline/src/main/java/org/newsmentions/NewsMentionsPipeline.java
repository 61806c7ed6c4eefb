package org.newsmentions;

import java.nio.file.Path;
import java.time.Clock;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
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

  public static PipelineResult run(NewsMentionsOptions options) {
    if (!options.isStreaming() && options.getOutput() != null) {
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
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, Clock.systemUTC());
    PipelineResult result = pipeline.run();
    if (!options.isStreaming()) {
      result.waitUntilFinish();
      RunReport.print(result, options.getOutput(), System.out);
    }
    return result;
  }

  /** Builds the whole graph, file source to file sinks, onto {@code pipeline}. */
  public static NewsMentions.Result build(
      Pipeline pipeline, NewsMentionsOptions options, Clock clock) {
    PCollectionTuple read =
        pipeline.apply(
            "ReadArticles", ReadArticles.from(options.getInput(), options.getMaxArticleBytes()));
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
