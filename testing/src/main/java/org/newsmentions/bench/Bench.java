package org.newsmentions.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.newsmentions.NewsMentionsPipeline;
import org.newsmentions.dedup.DedupMode;
import org.newsmentions.dedup.StoryCandidate;
import org.newsmentions.dedup.StoryClusterer;
import org.newsmentions.dedup.StorySignatures;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.ExtractEntities;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.parse.ArticleParser;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.parse.ParseOutcome;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.read.RawRecords;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.RawArticle;

/**
 * One benchmark measurement per JVM, appended as a row to a results file; {@code table} turns the
 * rows into the Markdown table. Driven by {@code scripts/bench.sh}.
 *
 * <pre>
 * Bench core     --corpus=DIR --results=FILE            parse + signature + entities, one thread
 * Bench stages   --corpus=DIR --results=FILE            the same, timed stage by stage
 * Bench pipeline --corpus=DIR --results=FILE --name=N [pipeline options...]
 * Bench dedup    --articles=N --results=FILE [--seed=42] [--days=N]  the dedup stage alone, per window
 * Bench table    --results=FILE [--cores=2]
 * </pre>
 */
public final class Bench {
  private Bench() {}

  /** Rows of the results file, tab-separated. */
  static final String HEADER =
      "size\tmeasurement\tarticles\tbytes\twall_s\tcpu_s\tpeak_heap\tlive_heap\txmx\tcores\tnote";

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: Bench core|stages|pipeline|table --results=FILE [...]");
      System.exit(2);
    }
    Map<String, String> opts = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>();
    for (String a : Arrays.asList(args).subList(1, args.length)) {
      String key = a.startsWith("--") && a.contains("=") ? a.substring(2, a.indexOf('=')) : "";
      if (List.of("corpus", "results", "name", "cores", "batch", "articles", "seed", "days")
          .contains(key)) {
        opts.put(key, a.substring(a.indexOf('=') + 1));
      } else {
        rest.add(a);
      }
    }
    Path results = Path.of(require(opts, "results"));
    switch (args[0]) {
      case "core" -> core(Path.of(require(opts, "corpus")), results);
      case "stages" ->
          stages(
              Path.of(require(opts, "corpus")),
              results,
              Integer.parseInt(opts.getOrDefault("batch", "1000")));
      case "pipeline" ->
          pipeline(Path.of(require(opts, "corpus")), results, require(opts, "name"), rest);
      case "dedup" ->
          DedupBench.run(
              Long.parseLong(require(opts, "articles")),
              Long.parseLong(opts.getOrDefault("seed", "42")),
              Integer.parseInt(opts.getOrDefault("days", "0")),
              results);
      case "table" ->
          BenchTable.print(results, Integer.parseInt(opts.getOrDefault("cores", "2")), System.out);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
    // Runner threads (Flink's mini cluster, Beam's executors) may linger; the row is written.
    System.exit(0);
  }

  private static String require(Map<String, String> opts, String key) {
    String v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + key + "=...");
    }
    return v;
  }

  /** What {@code corpus.properties} says about a generated corpus. */
  record Corpus(Path dir, long articles, long bytes, String input) {
    static Corpus at(Path dir) throws IOException {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(dir.resolve("corpus.properties"))) {
        p.load(in);
      }
      return new Corpus(
          dir,
          Long.parseLong(p.getProperty("articles")),
          Long.parseLong(p.getProperty("bytes")),
          p.getProperty("input"));
    }

    /** Streams every record of the corpus, file by file, as ReadArticles splits them. */
    void forEachRecord(int maxArticleBytes, Consumer<RawArticle> out) throws IOException {
      List<Path> files = new ArrayList<>(sorted(dir.resolve("jsonl"), "*.jsonl"));
      for (Path sub : sorted(dir.resolve("raw"), "*")) {
        files.addAll(sorted(sub, "*.txt"));
      }
      for (Path f : files) {
        Instant modified = Files.getLastModifiedTime(f).toInstant();
        RawRecords.split(
            f.toString(),
            modified,
            new RawRecords.Limits(maxArticleBytes, ParserSettings.DEFAULT_MAX_PAGE_BYTES),
            () -> Files.newInputStream(f),
            out,
            skip -> {});
      }
    }

    private static List<Path> sorted(Path dir, String glob) throws IOException {
      List<Path> out = new ArrayList<>();
      if (!Files.isDirectory(dir)) {
        return out;
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
        s.forEach(out::add);
      }
      out.sort(null);
      return out;
    }
  }

  /** The per-article work of the pipeline without Beam, as its DoFns do it. */
  static final class Core {
    final ArticleParser parser =
        new ArticleParser(ParserSettings.defaults().withClock(Clock.systemUTC()));
    final StorySignatures signatures = new StorySignatures();
    final EntityExtractor extractor = new EntityExtractor(Gazetteer.loadDefault());
    long parsed;
    long bad;
    long entities;
    long blackhole;

    /** Parses, or returns null for a record the pipeline would dead-letter. */
    Article parse(RawArticle raw) {
      try {
        ParseOutcome o = parser.parse(raw);
        parsed++;
        return o.article();
      } catch (BadArticleException | RuntimeException e) {
        bad++;
        return null;
      }
    }

    StoryCandidate signature(Article a) {
      StoryCandidate c = candidate(signatures, a);
      blackhole ^= c.textHash();
      return c;
    }

    /**
     * The one place the benchmarks call the dedup signature API (it changes with the dedup work).
     */
    static StoryCandidate candidate(StorySignatures signatures, Article a) {
      return signatures.candidate(
          a, a.getPublished() == null ? 0L : a.getPublished().toEpochMilli());
    }

    void extract(Article a) {
      if (ExtractEntities.extractable(a)) {
        List<ArticleEntity> found = extractor.extract(a.getTitle(), a.getBody());
        entities += found.size();
      }
    }

    String note() {
      return String.format(
          Locale.ROOT,
          "parsed=%d dead=%d entities=%d h=%x",
          parsed,
          bad,
          entities,
          blackhole & 0xf);
    }
  }

  static void core(Path dir, Path results) throws IOException {
    Corpus corpus = Corpus.at(dir);
    Core core = new Core();
    try (ResourceMeter meter = new ResourceMeter()) {
      corpus.forEachRecord(
          ParserSettings.DEFAULT_MAX_ARTICLE_BYTES,
          raw -> {
            Article a = core.parse(raw);
            if (a != null) {
              core.signature(a);
              core.extract(a);
            }
          });
      meter.stop();
      append(results, row(corpus, "core", meter, 1, core.note()));
    }
  }

  /**
   * Times each stage over batches of records (read a batch, then parse it, sign it, extract from
   * it, cluster it), so one stage's time is not smeared over the others. Clustering a batch stands
   * in for one window's dedup; it is not part of the core's per-article work.
   */
  static void stages(Path dir, Path results, int batchSize) throws IOException {
    Corpus corpus = Corpus.at(dir);
    Core core = new Core();
    StoryClusterer clusterer =
        new StoryClusterer(DedupMode.NEAR, StorySignatures.ROWS_PER_BAND, 0.5);
    String[] names = {"read", "parse", "signature", "entities", "cluster"};
    long[] wall = new long[names.length];
    long[] cpu = new long[names.length];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    List<RawArticle> batch = new ArrayList<>(batchSize);
    List<Article> articles = new ArrayList<>(batchSize);
    List<StoryCandidate> candidates = new ArrayList<>(batchSize);
    long[] clusters = {0};
    Runnable flush =
        () -> {
          long w = System.nanoTime();
          long c = threads.getCurrentThreadCpuTime();
          articles.clear();
          for (RawArticle raw : batch) {
            Article a = core.parse(raw);
            if (a != null) {
              articles.add(a);
            }
          }
          long w1 = System.nanoTime();
          long c1 = threads.getCurrentThreadCpuTime();
          candidates.clear();
          for (Article a : articles) {
            candidates.add(core.signature(a));
          }
          long w2 = System.nanoTime();
          long c2 = threads.getCurrentThreadCpuTime();
          for (Article a : articles) {
            core.extract(a);
          }
          long w3 = System.nanoTime();
          long c3 = threads.getCurrentThreadCpuTime();
          clusters[0] += clusterer.cluster(candidates).size();
          long w4 = System.nanoTime();
          long c4 = threads.getCurrentThreadCpuTime();
          long[] ws = {w, w1, w2, w3, w4};
          long[] cs = {c, c1, c2, c3, c4};
          for (int s = 1; s < names.length; s++) {
            wall[s] += ws[s] - ws[s - 1];
            cpu[s] += cs[s] - cs[s - 1];
          }
          batch.clear();
        };
    try (ResourceMeter meter = new ResourceMeter()) {
      long[] readStart = {System.nanoTime(), threads.getCurrentThreadCpuTime()};
      corpus.forEachRecord(
          ParserSettings.DEFAULT_MAX_ARTICLE_BYTES,
          raw -> {
            batch.add(raw);
            if (batch.size() == batchSize) {
              wall[0] += System.nanoTime() - readStart[0];
              cpu[0] += threads.getCurrentThreadCpuTime() - readStart[1];
              flush.run();
              readStart[0] = System.nanoTime();
              readStart[1] = threads.getCurrentThreadCpuTime();
            }
          });
      wall[0] += System.nanoTime() - readStart[0];
      cpu[0] += threads.getCurrentThreadCpuTime() - readStart[1];
      flush.run();
      meter.stop();
      String heap = "stages JVM";
      for (int s = 0; s < names.length; s++) {
        String note =
            (s == 0 ? "files to records (not in core)" : "")
                + (s == 4 ? "StoryClusterer per " + batchSize + "-record batch (not in core)" : "")
                + (s == 1 ? core.note() : "")
                + "; "
                + heap
                + "; "
                + load();
        append(
            results,
            String.join(
                "\t",
                Long.toString(corpus.articles()),
                "stage:" + names[s],
                Long.toString(corpus.articles()),
                Long.toString(corpus.bytes()),
                seconds(wall[s]),
                seconds(cpu[s]),
                Long.toString(meter.peakHeapBytes()),
                Long.toString(meter.liveHeapBytes()),
                Long.toString(ResourceMeter.maxHeapBytes()),
                "1",
                note));
      }
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }

  static void pipeline(Path dir, Path results, String name, List<String> args) throws IOException {
    Corpus corpus = Corpus.at(dir);
    List<String> all = new ArrayList<>(args);
    if (all.stream().noneMatch(a -> a.startsWith("--input="))) {
      all.add("--input=" + corpus.input());
    }
    PipelineOptionsFactory.register(NewsMentionsOptions.class);
    NewsMentionsOptions options =
        PipelineOptionsFactory.fromArgs(all.toArray(String[]::new))
            .withValidation()
            .as(NewsMentionsOptions.class);
    int cores = Runtime.getRuntime().availableProcessors();
    for (String a : all) {
      if (a.startsWith("--parallelism=")) {
        cores = Math.min(cores, Integer.parseInt(a.substring("--parallelism=".length())));
      }
    }
    try (ResourceMeter meter = new ResourceMeter()) {
      Pipeline p = Pipeline.create(options);
      NewsMentionsPipeline.build(p, options, Clock.systemUTC());
      PipelineResult result = p.run();
      PipelineResult.State state = result.waitUntilFinish();
      meter.stop();
      String note = "state=" + state + " " + counters(result);
      append(results, row(corpus, name, meter, cores, note));
    }
  }

  /**
   * The counters that account for every article, and the largest state one key held in the keyed
   * deduplication (the max of the {@code digestsPerKey} distribution; {@code bucketSize} for the
   * LSH buckets alone).
   */
  private static String counters(PipelineResult result) {
    try {
      Map<String, Long> out = new LinkedHashMap<>();
      MetricQueryResults all = result.metrics().queryMetrics(MetricsFilter.builder().build());
      for (MetricResult<Long> c : all.getCounters()) {
        String n = c.getName().getName();
        if (List.of(
                "records",
                "parsed",
                "deadLettered",
                "duplicates",
                "duplicateVerdicts",
                "superseded",
                "articlesWithoutVerdict",
                "hotBucketMembersSkipped",
                "droppedDueToLateness")
            .contains(n)) {
          Long v = committedOrAttempted(c);
          out.merge(n, v == null ? 0 : v, Long::sum);
        }
      }
      StringBuilder sb = new StringBuilder();
      out.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
      // One distribution per step on some runners: merged per name (max of maxima, all groups).
      Map<String, long[]> dists = new LinkedHashMap<>();
      for (MetricResult<DistributionResult> d : all.getDistributions()) {
        String n = d.getName().getName();
        DistributionResult r = committedOrAttempted(d);
        if (List.of("digestsPerKey", "bucketSize").contains(n) && r != null && r.getCount() > 0) {
          long[] m = dists.computeIfAbsent(n, k -> new long[] {0, 0, Long.MIN_VALUE});
          m[0] += r.getSum();
          m[1] += r.getCount();
          m[2] = Math.max(m[2], r.getMax());
        }
      }
      dists.forEach(
          (n, m) ->
              sb.append(
                  String.format(
                      Locale.ROOT,
                      "%s max=%d mean=%.1f groups=%d ",
                      n,
                      m[2],
                      (double) m[0] / m[1],
                      m[1])));
      return sb.toString().trim();
    } catch (RuntimeException e) {
      return "(no metrics: " + e.getMessage() + ")";
    }
  }

  private static <T> T committedOrAttempted(MetricResult<T> m) {
    try {
      return m.getCommitted();
    } catch (UnsupportedOperationException e) {
      return m.getAttempted();
    }
  }

  private static String row(Corpus c, String name, ResourceMeter m, int cores, String note) {
    return String.join(
        "\t",
        Long.toString(c.articles()),
        name,
        Long.toString(c.articles()),
        Long.toString(c.bytes()),
        String.format(Locale.ROOT, "%.3f", m.wallSeconds()),
        String.format(Locale.ROOT, "%.3f", m.cpuSeconds()),
        Long.toString(m.peakHeapBytes()),
        Long.toString(m.liveHeapBytes()),
        Long.toString(ResourceMeter.maxHeapBytes()),
        Integer.toString(cores),
        note + "; gc=" + ResourceMeter.collectors() + "; " + load());
  }

  /** Other work on the machine skews every number: each row says how busy the machine was. */
  static String load() {
    return String.format(
        Locale.ROOT,
        "load=%.1f",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  static synchronized void append(Path results, String line) {
    try {
      if (!Files.exists(results)) {
        Files.writeString(results, HEADER + "\n");
      }
      Files.writeString(results, line + "\n", StandardOpenOption.APPEND);
      PrintStream o = System.out;
      o.println("result: " + line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
