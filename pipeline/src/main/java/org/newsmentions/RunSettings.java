package org.newsmentions;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import org.joda.time.Duration;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.kafka.KafkaClientProperties;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.options.OptionValues;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.sink.OutputFormats;

/**
 * Every command-line option, read and checked once: what the launcher and the graph builder take
 * instead of {@link NewsMentionsOptions}. {@link #from} is the one place that reads the options'
 * getters (and the files they name: {@code --entities}, {@code --dateOrderFile}, {@code
 * --kafkaProperties}); a bad value fails there, before anything runs, with an {@link
 * IllegalArgumentException} naming the option. The stages downstream get parsed values only.
 *
 * <p>Rules between options live here too: {@code --watch} makes the run streaming, exactly one
 * source and at least one sink must be given, and without {@code --output} bad records need a
 * {@code --deadLetterTopic}.
 */
public final class RunSettings {
  /** Progress every 30s in streaming when {@code --progressEvery} is not given. */
  static final long DEFAULT_STREAMING_PROGRESS_MILLIS = 30_000;

  private final NewsMentions.Settings job;
  private final String input;
  private final Duration watch;
  private final String inputTopic;
  private final boolean fromBeginning;
  private final KafkaClientProperties kafka;
  private final String output;
  private final OutputFormats formats;
  private final String outputTopic;
  private final String deadLetterTopic;
  private final long progressMillis;
  private final boolean waitUntilFinish;

  private RunSettings(NewsMentionsOptions o, Clock clock) {
    input = blankToNull(o.getInput());
    inputTopic = blankToNull(o.getInputTopic());
    output = blankToNull(o.getOutput());
    outputTopic = blankToNull(o.getOutputTopic());
    deadLetterTopic = blankToNull(o.getDeadLetterTopic());
    if ((input == null) == (inputTopic == null)) {
      throw new IllegalArgumentException(
          input != null
              ? "give either --input (files) or --inputTopic (Kafka), not both"
              : "no source: give --input (comma-separated file globs) or --inputTopic (a Kafka"
                  + " topic)");
    }
    if (output == null && outputTopic == null) {
      throw new IllegalArgumentException(
          "no sink: give --output (a directory) and/or --outputTopic (a Kafka topic)");
    }
    if (output == null && deadLetterTopic == null) {
      throw new IllegalArgumentException(
          "without --output, give --deadLetterTopic: bad records must be kept somewhere");
    }
    String watchText = blankToNull(o.getWatch());
    if (watchText != null && input == null) {
      throw new IllegalArgumentException("--watch watches the --input globs: give --input");
    }
    watch = watchText == null ? null : OptionValues.positiveDuration("watch", watchText);
    fromBeginning = o.getFromBeginning();
    kafka =
        inputTopic != null || outputTopic != null || deadLetterTopic != null
            ? OptionValues.kafka(o.getBootstrapServers(), o.getKafkaProperties())
            : null;
    formats = OptionValues.formats(o.getFormat());
    // --watch makes the file source unbounded, so the pipeline streams.
    boolean streaming = o.isStreaming() || watch != null;
    job =
        NewsMentions.Settings.defaults()
            .withParser(
                parser(o.getDateOrderFile())
                    .withClock(clock)
                    .withMaxArticleBytes(OptionValues.maxArticleBytes(o.getMaxArticleBytes()))
                    .withMaxPageBytes(OptionValues.maxPageBytes(o.getMaxPageBytes())))
            .withGazetteer(gazetteer(o.getEntities()))
            .withRecognizer(OptionValues.recognizer(o.getRecognizer()))
            .withWindows(OptionValues.windows(o.getWindow(), o.getWindowTimeZone()))
            .withUndated(OptionValues.undated(o.getUndated()))
            .withStreaming(streaming)
            .withAllowedLateness(OptionValues.duration("allowedLateness", o.getAllowedLateness()))
            .withEarlyFiring(OptionValues.positiveDuration("earlyFiring", o.getEarlyFiring()))
            .withDedup(OptionValues.dedupMode(o.getDedup()))
            .withDedupThreshold(OptionValues.dedupThreshold(o.getDedupThreshold()))
            .withMinCoMentions(OptionValues.minCoMentions(o.getMinCoMentions()))
            .withDedupHorizon(OptionValues.duration("dedupHorizon", o.getDedupHorizon()))
            .withMaxOutOfOrder(OptionValues.duration("maxOutOfOrder", o.getMaxOutOfOrder()));
    progressMillis = progressMillis(o.getProgressEvery(), streaming);
    Boolean wait = o.getWaitUntilFinish();
    waitUntilFinish = wait == null || wait;
  }

  /**
   * Reads and checks every option once.
   *
   * @param clock the parser's clock ("future date" checks)
   * @throws IllegalArgumentException naming the option, on a bad value or combination
   */
  public static RunSettings from(NewsMentionsOptions options, Clock clock) {
    return new RunSettings(options, clock);
  }

  /** The stages' settings. */
  public NewsMentions.Settings job() {
    return job;
  }

  public boolean streaming() {
    return job.streaming();
  }

  /** {@code --input}, comma-separated globs; null when reading Kafka. */
  public String input() {
    return input;
  }

  /** {@code --watch}: how often the globs are polled; null for a bounded read. */
  public Duration watch() {
    return watch;
  }

  /** {@code --inputTopic}; null when reading files. */
  public String inputTopic() {
    return inputTopic;
  }

  public boolean fromBeginning() {
    return fromBeginning;
  }

  /** The Kafka clients' settings; null when no Kafka topic is read or written. */
  public KafkaClientProperties kafka() {
    return kafka;
  }

  /** {@code --output}; null when writing only to Kafka. */
  public String output() {
    return output;
  }

  public OutputFormats formats() {
    return formats;
  }

  /** {@code --outputTopic}; null when not written. */
  public String outputTopic() {
    return outputTopic;
  }

  /** {@code --deadLetterTopic}; null when not written. */
  public String deadLetterTopic() {
    return deadLetterTopic;
  }

  /**
   * The progress period in millis: 0 for off, -1 for one line at the end only. Default: 30s in
   * streaming, end only in batch.
   */
  public long progressMillis() {
    return progressMillis;
  }

  public boolean waitUntilFinish() {
    return waitUntilFinish;
  }

  private static long progressMillis(String every, boolean streaming) {
    if (every == null || every.isBlank()) {
      return streaming ? DEFAULT_STREAMING_PROGRESS_MILLIS : -1;
    }
    if (every.trim().equalsIgnoreCase("off")) {
      return 0;
    }
    return OptionValues.positiveDuration("progressEvery", every).getMillis();
  }

  private static ParserSettings parser(String dateOrderFile) {
    if (dateOrderFile == null || dateOrderFile.isBlank()) {
      return ParserSettings.defaults();
    }
    try {
      return ParserSettings.withDateOrderFile(Path.of(dateOrderFile.strip()));
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("--dateOrderFile: " + e.getMessage(), e);
    }
  }

  private static Gazetteer gazetteer(String entities) {
    Gazetteer bundled = Gazetteer.loadDefault();
    if (entities == null || entities.isBlank()) {
      return bundled;
    }
    try {
      return bundled.withOverrides(Gazetteer.load(Path.of(entities.strip())));
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("--entities: " + e.getMessage(), e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
