package org.newsmentions.options;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.joda.time.Duration;
import org.newsmentions.dedup.DedupMode;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.kafka.KafkaClientProperties;
import org.newsmentions.sink.OutputFormats;
import org.newsmentions.window.PublicationWindows;
import org.newsmentions.window.UndatedPolicy;

/**
 * Turns the text of one command-line option into the value a stage takes. This is the only place
 * that knows the options' spellings (the stages and their enums know nothing of flags), and every
 * error is an {@link IllegalArgumentException} that names the option and the accepted forms.
 */
public final class OptionValues {
  private OptionValues() {}

  /** A human duration such as {@code 1d}, {@code 6h}, {@code 15m}, {@code 30s}, {@code 1d12h}. */
  public static Duration duration(String option, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + option + ": " + e.getMessage(), e);
    }
  }

  /** Like {@link #duration} but also refuses zero. */
  public static Duration positiveDuration(String option, String text) {
    Duration d = duration(option, text);
    if (d.getMillis() <= 0) {
      throw new IllegalArgumentException("--" + option + " must be positive, not '" + text + "'");
    }
    return d;
  }

  /** {@code --dedup}: off, exact or near (any case). */
  public static DedupMode dedupMode(String text) {
    return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
      case "off" -> DedupMode.OFF;
      case "exact" -> DedupMode.EXACT;
      case "near" -> DedupMode.NEAR;
      default ->
          throw new IllegalArgumentException(
              "--dedup must be off, exact or near, not '" + text + "'");
    };
  }

  /** {@code --recognizer}: ner or rules. */
  public static EntityExtractor.Recognizer recognizer(String text) {
    return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
      case "ner" -> EntityExtractor.Recognizer.NER;
      case "rules" -> EntityExtractor.Recognizer.RULES;
      default ->
          throw new IllegalArgumentException(
              "--recognizer must be ner or rules, not '" + text + "'");
    };
  }

  /** {@code --dedupThreshold}: a similarity in (0, 1]. */
  public static double dedupThreshold(double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "--dedupThreshold must be above 0 and at most 1, not " + value);
    }
    return value;
  }

  /** {@code --minCoMentions}: at least 1. */
  public static int minCoMentions(int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "--minCoMentions must be at least 1 (kept articles naming both entities), not " + value);
    }
    return value;
  }

  /** {@code --undated}: skip or ingest-time ({@code ingest_time} too). */
  public static UndatedPolicy undated(String text) {
    return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
      case "skip" -> UndatedPolicy.SKIP;
      case "ingest-time", "ingest_time" -> UndatedPolicy.INGEST_TIME;
      default ->
          throw new IllegalArgumentException(
              "--undated must be skip or ingest-time, not '" + text + "'");
    };
  }

  /**
   * {@code --format}: json, avro and/or csv, comma-separated, any case; empty (or only commas)
   * means json.
   */
  public static OutputFormats formats(String text) {
    EnumSet<OutputFormats.Format> set = EnumSet.noneOf(OutputFormats.Format.class);
    for (String part : (text == null ? "" : text).split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      set.add(
          switch (p.toLowerCase(Locale.ROOT)) {
            case "json" -> OutputFormats.Format.JSON;
            case "avro" -> OutputFormats.Format.AVRO;
            case "csv" -> OutputFormats.Format.CSV;
            case "parquet" -> OutputFormats.Format.PARQUET;
            default ->
                throw new IllegalArgumentException(
                    "--format takes json, avro, csv and/or parquet (comma-separated), not '"
                        + p
                        + "'");
          });
    }
    return OutputFormats.of(set);
  }

  /** {@code --window} and {@code --windowTimeZone}. */
  public static PublicationWindows windows(String window, String timeZone) {
    Duration size = positiveDuration("window", window);
    try {
      ZoneId.of(timeZone == null ? "" : timeZone.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "--windowTimeZone must be an IANA time zone id such as UTC or Asia/Kolkata, not '"
              + timeZone
              + "'",
          e);
    }
    return new PublicationWindows(size.getMillis(), timeZone.trim());
  }

  /** {@code --maxPageBytes}: a positive number of bytes. */
  public static int maxPageBytes(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("--maxPageBytes must be positive, not " + value);
    }
    return value;
  }

  /** {@code --maxArticleBytes}: a positive number of bytes. */
  public static int maxArticleBytes(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("--maxArticleBytes must be positive, not " + value);
    }
    return value;
  }

  /**
   * {@code --bootstrapServers} and {@code --kafkaProperties} (a Java properties file, read here,
   * once).
   */
  public static KafkaClientProperties kafka(String bootstrapServers, String propertiesFile) {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("--bootstrapServers is empty: give HOST:PORT[,HOST:PORT]");
    }
    if (propertiesFile == null || propertiesFile.isBlank()) {
      return new KafkaClientProperties(bootstrapServers, Map.of());
    }
    try {
      return KafkaClientProperties.withFile(bootstrapServers, Path.of(propertiesFile.strip()));
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(
          "--kafkaProperties: cannot read the file " + propertiesFile, e);
    }
  }
}
