package org.newsmentions.sink;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.newsmentions.NewsMentions;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.EntityMentionCount;

/**
 * Writes the job's outputs under one directory: {@code counts/}, {@code articles/} and {@code
 * dead-letter/}, as JSON lines (Avro field names), Avro files and/or CSV (counts only). In
 * streaming the files are written per window and pane.
 */
public class WriteOutputs extends PTransform<NewsMentions.Result, PDone> {
  private final String output;
  private final OutputFormats formats;
  private final boolean streaming;

  public WriteOutputs(String output, OutputFormats formats, boolean streaming) {
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("--output is required: the directory to write into");
    }
    this.output = output;
    this.formats = formats;
    this.streaming = streaming;
  }

  @Override
  public PDone expand(NewsMentions.Result result) {
    PCollection<Article> articles = result.articles();
    PCollection<DeadLetter> deadLetters = result.deadLetters();
    if (streaming) {
      // Global-window outputs need a trigger to be written before the stream ends.
      articles = articles.apply("BatchArticles", everyMinute());
      deadLetters = deadLetters.apply("BatchDeadLetters", everyMinute());
    }
    write(result.counts(), "Counts", "counts", EntityMentionCount.class);
    write(articles, "Articles", "articles", Article.class);
    write(deadLetters, "DeadLetters", "dead-letter", DeadLetter.class);
    if (formats.has(OutputFormats.Format.CSV)) {
      text(
          result.counts().apply("CountsToCsv", csv()),
          "WriteCountsCsv",
          prefix("counts", "counts"),
          ".csv",
          CsvCounts.HEADER);
    }
    return PDone.in(result.getPipeline());
  }

  private static <T> Window<T> everyMinute() {
    return Window.<T>into(new GlobalWindows())
        .triggering(
            Repeatedly.forever(
                AfterProcessingTime.pastFirstElementInPane()
                    .plusDelayOf(Duration.standardMinutes(1))))
        .discardingFiredPanes()
        .withAllowedLateness(Duration.ZERO);
  }

  private <T extends SpecificRecord> void write(
      PCollection<T> records, String name, String dir, Class<T> type) {
    if (formats.has(OutputFormats.Format.JSON)) {
      text(
          records.apply(name + "ToJson", json()),
          "Write" + name + "Json",
          prefix(dir, dir),
          ".json",
          null);
    }
    if (formats.has(OutputFormats.Format.AVRO)) {
      AvroIO.Write<T> avro = AvroIO.write(type).to(prefix(dir, dir)).withSuffix(".avro");
      records.apply(
          "Write" + name + "Avro", streaming ? avro.withWindowedWrites().withNumShards(1) : avro);
    }
  }

  private void text(
      PCollection<String> lines, String name, String prefix, String suffix, String header) {
    TextIO.Write write = TextIO.write().to(prefix).withSuffix(suffix);
    if (header != null) {
      write = write.withHeader(header);
    }
    if (streaming) {
      write = write.withWindowedWrites().withNumShards(1);
    }
    lines.apply(name, write);
  }

  /**
   * Deletes what an earlier run wrote under {@code output} (the counts, articles and dead-letter
   * shards), so a re-run into the same folder does not leave stale shards beside new ones.
   *
   * @return how many files were deleted
   */
  public static int clearPreviousRun(String output) throws java.io.IOException {
    List<ResourceId> stale = new ArrayList<>();
    ResourceId base = FileSystems.matchNewResource(output, true);
    for (String dir : List.of("counts", "articles", "dead-letter")) {
      String pattern =
          base.resolve(dir, StandardResolveOptions.RESOLVE_DIRECTORY)
              .resolve(dir + "-*", StandardResolveOptions.RESOLVE_FILE)
              .toString();
      MatchResult m = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
      if (m.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata md : m.metadata()) {
          stale.add(md.resourceId());
        }
      }
    }
    FileSystems.delete(stale, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    return stale.size();
  }

  private String prefix(String dir, String file) {
    ResourceId base = FileSystems.matchNewResource(output, true);
    return base.resolve(dir, StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(file, StandardResolveOptions.RESOLVE_FILE)
        .toString();
  }

  private static <T extends SpecificRecord> MapElements<T, String> json() {
    return MapElements.into(TypeDescriptors.strings())
        .via((SerializableFunction<T, String>) JsonRecords::toJson);
  }

  private static MapElements<EntityMentionCount, String> csv() {
    return MapElements.into(TypeDescriptors.strings()).via(CsvCounts::toCsv);
  }
}
