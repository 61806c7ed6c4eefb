package org.newsmentions.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileIO;
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
import org.apache.beam.sdk.transforms.windowing.AfterFirst;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.Window.ClosingBehavior;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.EntityCoMentionCount;
import org.newsmentions.schema.EntityMentionCount;

/**
 * Writes the job's outputs under one directory: {@code counts/}, {@code comentions/}, {@code
 * articles/} and {@code dead-letter/}, as JSON lines (Avro field names), Avro files, Parquet files
 * (see {@link ParquetSink}) and/or CSV (counts and co-mentions only). In streaming the counts and
 * co-mentions are written per publication window, each row once, within {@link #FLUSH_DELAY} of its
 * pane (see {@link #countPanes}); the articles and dead letters every minute.
 */
public class WriteOutputs extends PTransform<JobOutputs, PDone> {
  private final String output;
  private final OutputFormats formats;
  private final boolean streaming;
  private final Duration allowedLateness;

  /**
   * How long, at most, a count row waits in the streaming file sink before it is written (or until
   * {@link #FLUSH_ROWS} rows of a window are waiting).
   */
  public static final Duration FLUSH_DELAY = Duration.standardSeconds(5);

  /** How many waiting count rows of one window are written at once without waiting longer. */
  public static final int FLUSH_ROWS = 10_000;

  private WriteOutputs(
      String output, OutputFormats formats, boolean streaming, Duration allowedLateness) {
    this.output = output;
    this.formats = Objects.requireNonNull(formats, "formats");
    this.streaming = streaming;
    this.allowedLateness = Objects.requireNonNull(allowedLateness, "allowedLateness");
  }

  /**
   * A batch sink writing JSON lines under {@code output} (a local path or any Beam filesystem);
   * change it with the {@code with*} methods, which return copies.
   */
  public static WriteOutputs to(String output) {
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("no output directory to write into");
    }
    return new WriteOutputs(output, OutputFormats.JSON_ONLY, false, Duration.ZERO);
  }

  public WriteOutputs withFormats(OutputFormats value) {
    return new WriteOutputs(output, value, streaming, allowedLateness);
  }

  /** A streaming sink writes each window's rows as its panes come, and the rest every minute. */
  public WriteOutputs withStreaming(boolean value) {
    return new WriteOutputs(output, formats, value, allowedLateness);
  }

  /**
   * In streaming, the windows' allowed lateness: count rows of late and final panes arrive this
   * long after their window's end and must still be written. Zero (the default) for no late data.
   */
  public WriteOutputs withAllowedLateness(Duration value) {
    return new WriteOutputs(output, formats, streaming, value);
  }

  @Override
  public PDone expand(JobOutputs result) {
    PCollection<Article> articles = result.articles();
    PCollection<DeadLetter> deadLetters = result.deadLetters();
    PCollection<EntityMentionCount> counts = result.counts();
    PCollection<EntityCoMentionCount> coMentions = result.coMentions();
    if (streaming) {
      counts = counts.apply("BatchCountPanes", countPanes());
      coMentions = coMentions.apply("BatchCoMentionPanes", countPanes());
      // Global-window outputs need a trigger to be written before the stream ends.
      articles = articles.apply("BatchArticles", everyMinute());
      deadLetters = deadLetters.apply("BatchDeadLetters", everyMinute());
    }
    write(counts, "Counts", "counts", EntityMentionCount.class);
    write(coMentions, "CoMentions", "comentions", EntityCoMentionCount.class);
    write(articles, "Articles", "articles", Article.class);
    write(deadLetters, "DeadLetters", "dead-letter", DeadLetter.class);
    if (formats.has(OutputFormats.Format.CSV)) {
      text(
          counts.apply("CountsToCsv", csv()),
          "WriteCountsCsv",
          prefix("counts", "counts"),
          ".csv",
          CsvCounts.HEADER);
      text(
          coMentions.apply(
              "CoMentionsToCsv",
              MapElements.into(TypeDescriptors.strings()).via(CsvCoMentions::toCsv)),
          "WriteCoMentionsCsv",
          prefix("comentions", "comentions"),
          ".csv",
          CsvCoMentions.HEADER);
    }
    return PDone.in(result.getPipeline());
  }

  /**
   * The count rows keep their publication windows but get a trigger of their own for the file
   * write. Without it the write's grouping would inherit the continuation of the windows' trigger:
   * early firings become synchronized-processing-time triggers (which the Direct Runner fires only
   * once the watermark passes the window, so early panes never reached the files) and the panes
   * accumulate (so on Flink every firing of the write wrote all rows so far again). Here each row
   * is written once ({@code discardingFiredPanes}), at most {@link #FLUSH_DELAY} after it was
   * counted, whatever the watermark; the lateness must cover the windows' own, or the write would
   * drop the rows of late and final panes (which arrive after the window's end).
   */
  private <T> Window<T> countPanes() {
    return Window.<T>configure()
        .triggering(
            Repeatedly.forever(
                AfterFirst.of(
                    AfterPane.elementCountAtLeast(FLUSH_ROWS),
                    AfterProcessingTime.pastFirstElementInPane().plusDelayOf(FLUSH_DELAY))))
        .discardingFiredPanes()
        .withAllowedLateness(allowedLateness.plus(FLUSH_DELAY), ClosingBehavior.FIRE_IF_NON_EMPTY);
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
    if (formats.has(OutputFormats.Format.PARQUET)) {
      FileIO.Write<Void, T> parquet =
          FileIO.<T>write()
              .via(new ParquetSink<>(type))
              .to(directory(dir))
              .withNaming(new ShardNaming(dir, ".parquet"));
      if (streaming) {
        records.apply("Write" + name + "Parquet", parquet.withNumShards(1));
      } else {
        // FileIO always writes per window; in batch the shards are named as TextIO's and AvroIO's
        // are (counts-00000-of-00003), not split by publication window.
        records
            .apply(name + "ToOneParquetWindow", Window.<T>into(new GlobalWindows()))
            .apply("Write" + name + "Parquet", parquet);
      }
    }
  }

  /**
   * File names as TextIO and AvroIO give them, so every format of a folder reads alike: {@code
   * dir-00000-of-00002.parquet} in batch, {@code dir-<window start>-<window
   * end>-pane-N[-late][-last]-00000-of-00001.parquet} in streaming.
   */
  static final class ShardNaming implements FileIO.Write.FileNaming {
    private static final long serialVersionUID = 1L;
    private final String prefix;
    private final String suffix;

    ShardNaming(String prefix, String suffix) {
      this.prefix = prefix;
      this.suffix = suffix;
    }

    @Override
    public String getFilename(
        BoundedWindow window,
        PaneInfo pane,
        int numShards,
        int shardIndex,
        org.apache.beam.sdk.io.Compression compression) {
      StringBuilder name = new StringBuilder(prefix);
      if (window instanceof IntervalWindow w) {
        name.append('-').append(w.start()).append('-').append(w.end());
      } else if (!(pane.isFirst() && pane.isLast())) {
        name.append("-GlobalWindow");
      }
      if (!(pane.isFirst() && pane.isLast())) {
        name.append("-pane-").append(pane.getIndex());
        if (pane.getTiming() == PaneInfo.Timing.LATE) {
          name.append("-late");
        }
        if (pane.isLast()) {
          name.append("-last");
        }
      }
      name.append(String.format(java.util.Locale.ROOT, "-%05d-of-%05d", shardIndex, numShards));
      return name.append(suffix).toString();
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
   * Deletes what an earlier run wrote under {@code output} (the counts, co-mentions, articles and
   * dead-letter shards), so a re-run into the same folder does not leave stale shards beside new
   * ones.
   *
   * @return how many files were deleted
   */
  public static int clearPreviousRun(String output) throws java.io.IOException {
    List<ResourceId> stale = new ArrayList<>();
    ResourceId base = FileSystems.matchNewResource(output, true);
    for (String dir : List.of("counts", "comentions", "articles", "dead-letter")) {
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

  private String directory(String dir) {
    return FileSystems.matchNewResource(output, true)
        .resolve(dir, StandardResolveOptions.RESOLVE_DIRECTORY)
        .toString();
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
