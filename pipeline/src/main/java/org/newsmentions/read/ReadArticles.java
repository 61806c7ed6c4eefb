package org.newsmentions.read;

import java.io.IOException;
import java.nio.channels.Channels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Requirements;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.Watch;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;
import org.newsmentions.deadletter.DeadLetters;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.RawArticle;

/**
 * Reads articles from files matched by one or more globs: a raw scraper text file is one record, a
 * JSON-lines file one record per non-blank line. Output: {@link RawArticle}s with provenance
 * ({@code path}, or {@code path#N} with the 0-based line) and the file's modification time as
 * ingest time, in {@link #RECORDS}. Nothing is dropped: unparseable content is passed on for the
 * parser to dead-letter, and a file that cannot be read goes to {@link #DEAD_LETTERS} (stage {@code
 * read}, the path as source, an empty payload). Globs that match nothing are logged and skipped, so
 * one empty pattern does not fail a run.
 *
 * <p>{@link #watching} makes it a live source for a folder a scraper writes into (see {@link
 * FileCompletion} for when a file counts as written).
 */
public class ReadArticles extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<RawArticle> RECORDS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  /** Shards the matched files of a bounded read are grouped into (see {@link FileShard}). */
  static final int FILE_SHARDS = 64;

  private final List<String> globs;
  private final RawRecords.Limits limits;
  private final Duration watchInterval;
  // Null in the product: the files' completion rule, polled for ever. Tests drive the watcher
  // poll by poll with their own (see withWatchPolls).
  private final Watch.Growth.PollFn<String, MatchResult.Metadata> pollFn;
  private final Watch.Growth.TerminationCondition<String, ?> termination;

  private ReadArticles(
      List<String> globs,
      RawRecords.Limits limits,
      Duration watchInterval,
      Watch.Growth.PollFn<String, MatchResult.Metadata> pollFn,
      Watch.Growth.TerminationCondition<String, ?> termination) {
    this.globs = globs;
    this.limits = limits;
    this.watchInterval = watchInterval;
    this.pollFn = pollFn;
    this.termination = termination;
  }

  /**
   * The watching source with another poll function and an end: for tests that drive the watcher
   * poll by poll and need the pipeline to finish by itself. The product's watch polls {@link
   * CompleteFilesFn} for ever.
   */
  ReadArticles withWatchPolls(
      Watch.Growth.PollFn<String, MatchResult.Metadata> fn,
      Watch.Growth.TerminationCondition<String, ?> end) {
    if (watchInterval == null) {
      throw new IllegalStateException("withWatchPolls applies to a watching source");
    }
    return new ReadArticles(globs, limits, watchInterval, fn, end);
  }

  /**
   * The same source, but unbounded: the globs are polled every {@code interval} forever, and each
   * file is read once, when {@link FileCompletion} says it is complete. Records are stamped with
   * the minimum timestamp (the watcher cannot know publication times; LatenessGate takes the parsed
   * publication time instead), and the watcher's own watermark is the wall clock at each poll,
   * which LatenessGate holds back to the publication times seen.
   */
  public ReadArticles watching(Duration interval) {
    if (interval == null || interval.getMillis() <= 0) {
      throw new IllegalArgumentException("the watch interval must be positive, not " + interval);
    }
    return new ReadArticles(globs, limits, interval, pollFn, termination);
  }

  /**
   * A bounded read of the files the globs match, records up to {@link
   * ParserSettings#DEFAULT_MAX_ARTICLE_BYTES}.
   *
   * @param inputs comma-separated globs
   */
  public static ReadArticles from(String inputs) {
    if (inputs == null || inputs.isBlank()) {
      throw new IllegalArgumentException(
          "no files to read: give one or more comma-separated globs");
    }
    List<String> globs = new ArrayList<>();
    for (String g : inputs.split(",")) {
      if (!g.isBlank()) {
        globs.add(g.trim());
      }
    }
    return new ReadArticles(
        globs,
        new RawRecords.Limits(
            ParserSettings.DEFAULT_MAX_ARTICLE_BYTES, ParserSettings.DEFAULT_MAX_PAGE_BYTES),
        null,
        null,
        null);
  }

  /** Records larger than this are dead-lettered as oversize (their payload cut to this size). */
  public ReadArticles withMaxArticleBytes(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("the maximum article size must be positive, not " + value);
    }
    return new ReadArticles(
        globs,
        new RawRecords.Limits(value, limits.maxPageBytes()),
        watchInterval,
        pollFn,
        termination);
  }

  /** Raw HTML pages larger than this are dead-lettered as oversize (cut to this size). */
  public ReadArticles withMaxPageBytes(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("the maximum page size must be positive, not " + value);
    }
    return new ReadArticles(
        globs,
        new RawRecords.Limits(limits.maxArticleBytes(), value),
        watchInterval,
        pollFn,
        termination);
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollection<String> patterns = input.apply("Globs", Create.of(globs));
    PCollection<MatchResult.Metadata> files =
        watchInterval == null
            ? patterns
                .apply(
                    "MatchFiles",
                    FileIO.matchAll()
                        .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW_IF_WILDCARD)
                        .withOutputParallelization(false))
                .apply("ShardFiles", WithKeys.of(new FileShard()))
                .setCoder(KvCoder.of(VarIntCoder.of(), MetadataCoderV2.of()))
                .apply("GroupFileShards", Reshuffle.of())
                .apply("ShardedFiles", Values.create())
            : patterns
                .apply(
                    "WatchFiles",
                    Watch.growthOf(
                            Contextful.of(
                                pollFn != null
                                    ? pollFn
                                    : new CompleteFilesFn(watchInterval.getMillis()),
                                Requirements.empty()),
                            new PathOf())
                        .withPollInterval(watchInterval)
                        .withTerminationPerInput(
                            termination != null ? termination : Watch.Growth.never())
                        .withOutputCoder(MetadataCoderV2.of())
                        .withOutputKeyCoder(StringUtf8Coder.of()))
                .apply("Files", Values.create());
    PCollectionTuple out =
        files.apply(
            "SplitRecords",
            ParDo.of(new SplitRecordsFn(limits))
                .withOutputTags(RECORDS, TupleTagList.of(DEAD_LETTERS)));
    out.get(RECORDS).setCoder(AvroCoder.of(RawArticle.class));
    out.get(DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }

  /**
   * The shard of a matched file, by its path. Files are spread over {@link #FILE_SHARDS} shards (a
   * {@link Reshuffle}, which keeps the files' timestamps) instead of {@code FileIO.matchAll}'s
   * reshuffle by a random key per file: workers still share the files, but a folder of thousands of
   * one-article files makes a few dozen bundles rather than one bundle per file (on the Direct
   * Runner each bundle costs every later step milliseconds of set-up, far more than parsing the
   * article).
   */
  static class FileShard implements SerializableFunction<MatchResult.Metadata, Integer> {
    @Override
    public Integer apply(MatchResult.Metadata file) {
      return Math.floorMod(file.resourceId().toString().hashCode(), FILE_SHARDS);
    }
  }

  /** A file's identity for the watcher: its path, so a path is read once. */
  static class PathOf implements SerializableFunction<MatchResult.Metadata, String> {
    @Override
    public String apply(MatchResult.Metadata file) {
      return file.resourceId().toString();
    }
  }

  /**
   * One poll of one glob: the files that are complete by {@link FileCompletion}'s convention. Each
   * is stamped with the minimum timestamp; the poll's watermark is the wall clock.
   */
  static class CompleteFilesFn extends Watch.Growth.PollFn<String, MatchResult.Metadata> {
    private final long quietMillis;

    CompleteFilesFn(long quietMillis) {
      this.quietMillis = quietMillis;
    }

    @Override
    public Watch.Growth.PollResult<MatchResult.Metadata> apply(String glob, Context c)
        throws Exception {
      long now = System.currentTimeMillis();
      MatchResult match = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
      List<TimestampedValue<MatchResult.Metadata>> ready = new ArrayList<>();
      if (match.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata file : match.metadata()) {
          if (!file.resourceId().isDirectory()
              && FileCompletion.ready(
                  file.resourceId().toString(), file.lastModifiedMillis(), now, quietMillis)) {
            ready.add(TimestampedValue.of(file, BoundedWindow.TIMESTAMP_MIN_VALUE));
          }
        }
      }
      return Watch.Growth.PollResult.incomplete(ready)
          .withWatermark(new org.joda.time.Instant(now));
    }
  }

  /**
   * Opens each matched file itself (compressed files by their extension), so a file is read in a
   * single pass per format and never held in memory whole.
   */
  static class SplitRecordsFn extends DoFn<MatchResult.Metadata, RawArticle> {
    private final Counter unreadable = Metrics.counter(ReadArticles.class, "unreadableFiles");
    private final Counter files = Metrics.counter(ReadArticles.class, "files");
    private final Counter records = Metrics.counter(ReadArticles.class, "records");
    private final Counter blankLines = Metrics.counter(ReadArticles.class, "blankJsonLines");
    private final Map<WarcPages.Skip, Counter> warcSkipped = new EnumMap<>(WarcPages.Skip.class);
    private final RawRecords.Limits limits;

    SplitRecordsFn(RawRecords.Limits limits) {
      this.limits = limits;
      for (WarcPages.Skip s : WarcPages.Skip.values()) {
        warcSkipped.put(s, Metrics.counter(ReadArticles.class, s.counterName()));
      }
    }

    @ProcessElement
    public void process(@Element MatchResult.Metadata file, MultiOutputReceiver out) {
      if (file.resourceId().isDirectory()) {
        return;
      }
      files.inc();
      String path = file.resourceId().toString();
      Compression compression = Compression.detect(path);
      try {
        long skipped =
            RawRecords.split(
                compression == Compression.UNCOMPRESSED ? path : stripExtension(path),
                Instant.ofEpochMilli(lastModified(file)),
                limits,
                () ->
                    Channels.newInputStream(
                        compression.readDecompressed(FileSystems.open(file.resourceId()))),
                r -> {
                  records.inc();
                  out.get(RECORDS).output(r);
                },
                skip -> warcSkipped.get(skip).inc());
        blankLines.inc(skipped);
      } catch (IOException | RuntimeException e) {
        // A file that vanished, cannot be opened or is a broken archive: the records read before
        // the error stay; the file is reported with its path so it can be read again.
        unreadable.inc();
        out.get(DEAD_LETTERS)
            .output(
                DeadLetters.of(
                    path, "read", "unreadable: " + e, e, new byte[0], java.time.Instant.now()));
      }
    }

    /**
     * The file's modification time. Beam's default metadata coder drops it between the match and
     * this step, so it is asked for again (one stat per file).
     */
    private static long lastModified(MatchResult.Metadata file) throws IOException {
      if (file.lastModifiedMillis() > 0) {
        return file.lastModifiedMillis();
      }
      MatchResult again = FileSystems.match(file.resourceId().toString());
      return again.status() == MatchResult.Status.OK && !again.metadata().isEmpty()
          ? again.metadata().get(0).lastModifiedMillis()
          : 0L;
    }

    /** "a.jsonl.gz" is read as "a.jsonl" for format detection. */
    private static String stripExtension(String path) {
      int dot = path.lastIndexOf('.');
      return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
    }
  }
}
