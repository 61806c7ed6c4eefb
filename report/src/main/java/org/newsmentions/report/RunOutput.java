package org.newsmentions.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The JSON-lines output of one run, read from its folders: {@code counts/}, {@code articles/},
 * {@code dead-letter/} and, when the run wrote it, {@code comentions/}. Streaming runs write
 * several panes per key; only the row with the highest {@code pane_index} per key is kept (window
 * and entity for counts, window and pair for co-mentions), as docs/running.md says to read them.
 */
public final class RunOutput {
  /** One row of {@code counts/}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CountRow(
      String windowStart,
      String windowEnd,
      String entityId,
      String entityName,
      String entityType,
      long mentions,
      long articles,
      long copies,
      long outlets,
      String paneTiming,
      Long paneIndex) {
    String key() {
      return windowStart + '|' + entityId;
    }
  }

  /**
   * One row of {@code comentions/}. The entity fields are named explicitly: the snake-case rule
   * would turn {@code entityAId} into {@code entity_aid}.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CoMentionRow(
      String windowStart,
      String windowEnd,
      @JsonProperty("entity_a_id") String entityAId,
      @JsonProperty("entity_a_name") String entityAName,
      @JsonProperty("entity_a_type") String entityAType,
      @JsonProperty("entity_b_id") String entityBId,
      @JsonProperty("entity_b_name") String entityBName,
      @JsonProperty("entity_b_type") String entityBType,
      long articles,
      long mentionsA,
      long mentionsB,
      String paneTiming,
      Long paneIndex) {
    String key() {
      return windowStart + '|' + entityAId + '|' + entityBId;
    }
  }

  /** The fields of an {@code articles/} record the report uses (the body is skipped). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ArticleRow(
      String id,
      String outlet,
      String title,
      String published,
      String storyId,
      String duplicateOf,
      Long copies,
      Long outlets) {
    boolean kept() {
      return duplicateOf == null;
    }
  }

  /** The fields of a {@code dead-letter/} record the report uses. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DeadLetterRow(String source, String stage, String error) {
    /** The fixed reason code the {@code error} field starts with ("bad-json: ..."). */
    String reason() {
      if (error == null || error.isBlank()) {
        return "(none)";
      }
      String e = error.strip();
      int end = 0;
      while (end < e.length() && e.charAt(end) != ':' && !Character.isWhitespace(e.charAt(end))) {
        end++;
      }
      return end == 0 ? "(none)" : e.substring(0, end);
    }
  }

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path dir;
  private final List<CountRow> counts;
  private final List<ArticleRow> articles;
  private final List<DeadLetterRow> deadLetters;
  private final List<CoMentionRow> comentions;
  private final long skippedLines;
  private final long countRowsRead;

  private RunOutput(
      Path dir,
      List<CountRow> counts,
      List<ArticleRow> articles,
      List<DeadLetterRow> deadLetters,
      List<CoMentionRow> comentions,
      long skippedLines,
      long countRowsRead) {
    this.dir = dir;
    this.counts = counts;
    this.articles = articles;
    this.deadLetters = deadLetters;
    this.comentions = comentions;
    this.skippedLines = skippedLines;
    this.countRowsRead = countRowsRead;
  }

  /**
   * Reads the run output under {@code dir}. A missing {@code counts/}, {@code articles/} or {@code
   * dead-letter/} folder reads as empty; a missing {@code comentions/} folder gives {@link
   * #comentions()} null (the run did not write co-mentions). Lines that are not JSON objects of the
   * expected shape are skipped and counted in {@link #skippedLines()}.
   */
  public static RunOutput read(Path dir) {
    long[] skipped = {0};
    long[] countRows = {0};
    Map<String, CountRow> counts = new LinkedHashMap<>();
    readLines(
        dir.resolve("counts"),
        CountRow.class,
        skipped,
        (CountRow r) -> {
          countRows[0]++;
          if (r.windowStart() == null || r.entityId() == null) {
            skipped[0]++;
            return;
          }
          counts.merge(r.key(), r, (a, b) -> pane(b) >= pane(a) ? b : a);
        });
    Map<String, ArticleRow> articles = new LinkedHashMap<>();
    readLines(
        dir.resolve("articles"),
        ArticleRow.class,
        skipped,
        (ArticleRow r) -> {
          if (r.id() == null) {
            skipped[0]++;
            return;
          }
          // A streaming run may write an article again; the later record supersedes.
          articles.put(r.id(), r);
        });
    List<DeadLetterRow> deadLetters = new ArrayList<>();
    readLines(dir.resolve("dead-letter"), DeadLetterRow.class, skipped, deadLetters::add);
    List<CoMentionRow> comentions = null;
    if (Files.isDirectory(dir.resolve("comentions"))) {
      Map<String, CoMentionRow> pairs = new LinkedHashMap<>();
      readLines(
          dir.resolve("comentions"),
          CoMentionRow.class,
          skipped,
          (CoMentionRow r) -> {
            if (r.windowStart() == null || r.entityAId() == null || r.entityBId() == null) {
              skipped[0]++;
              return;
            }
            pairs.merge(r.key(), r, (a, b) -> pane(b) >= pane(a) ? b : a);
          });
      comentions = new ArrayList<>(pairs.values());
    }
    return new RunOutput(
        dir,
        new ArrayList<>(counts.values()),
        new ArrayList<>(articles.values()),
        deadLetters,
        comentions,
        skipped[0],
        countRows[0]);
  }

  private static long pane(CountRow r) {
    return r.paneIndex() == null ? 0 : r.paneIndex();
  }

  private static long pane(CoMentionRow r) {
    return r.paneIndex() == null ? 0 : r.paneIndex();
  }

  /**
   * Every {@code *.json} file directly in {@code folder} (batch shards and streaming pane files
   * alike; Avro, CSV, hidden and temporary files are not JSON lines), in name order.
   */
  static List<Path> jsonFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".json") && !name.startsWith(".");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> void readLines(
      Path folder, Class<T> type, long[] skipped, Consumer<? super T> sink) {
    ObjectReader reader = MAPPER.readerFor(type);
    for (Path file : jsonFiles(folder)) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          T row;
          try {
            row = reader.readValue(line);
          } catch (JsonProcessingException e) {
            skipped[0]++;
            continue;
          }
          sink.accept(row);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
  }

  public Path dir() {
    return dir;
  }

  /** The current count rows: one per window and entity. */
  public List<CountRow> counts() {
    return counts;
  }

  /** Count rows as read, every pane included. */
  public long countRowsRead() {
    return countRowsRead;
  }

  /** One record per article id. */
  public List<ArticleRow> articles() {
    return articles;
  }

  public List<DeadLetterRow> deadLetters() {
    return deadLetters;
  }

  /** The current co-mention rows (one per window and pair), or null when the run wrote none. */
  public List<CoMentionRow> comentions() {
    return comentions;
  }

  /** Lines that were not readable records (malformed JSON, missing key fields). */
  public long skippedLines() {
    return skippedLines;
  }
}
