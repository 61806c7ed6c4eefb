package org.newsmentions.bench;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.newsmentions.dedup.DedupMode;
import org.newsmentions.dedup.StoryCandidate;
import org.newsmentions.dedup.StoryClusterer;
import org.newsmentions.dedup.StorySignatures;
import org.newsmentions.dedup.StoryVerdict;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.parse.ArticleParser;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.parse.ParseOutcome;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-stage costs on generated ~3 KB articles: parse one article, sign one, extract entities from
 * one, cluster a window of 1,000 candidates. Run with {@code scripts/bench.sh --jmh}; not a test
 * (surefire only runs {@code *Test} classes and skips JMH's generated ones).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g"})
@State(Scope.Thread)
public class StageBenchmarks {
  /** Distinct articles cycled through, so caches see realistic variety. */
  private static final int ARTICLES = 1024;

  /** One window's worth of candidates for the clustering benchmark. */
  private static final int WINDOW = 1000;

  private RawArticle[] raws;
  private Article[] articles;
  private List<StoryCandidate> window;
  private ArticleParser parser;
  private StorySignatures signatures;
  private EntityExtractor extractor;
  private StoryClusterer clusterer;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws BadArticleException {
    parser = new ArticleParser(ParserSettings.defaults().withClock(Clock.systemUTC()));
    signatures = new StorySignatures();
    extractor = new EntityExtractor(Gazetteer.loadDefault());
    clusterer = new StoryClusterer(DedupMode.NEAR, StorySignatures.ROWS_PER_BAND, 0.5);
    List<RawArticle> good = new ArrayList<>();
    List<Article> parsed = new ArrayList<>();
    for (CorpusGenerator.Record r : CorpusGenerator.sample(1, ARTICLES * 2)) {
      if (r.role() == CorpusGenerator.Role.BAD) {
        continue;
      }
      RawArticle raw =
          RawArticle.newBuilder()
              .setSource("bench-" + good.size() + (r.jsonLine() ? ".jsonl#0" : ".txt"))
              .setFormat(r.jsonLine() ? RawFormat.JSON_LINE : RawFormat.RAW_TEXT)
              .setPayload(ByteBuffer.wrap(r.bytes()))
              .setIngested(Instant.parse("2025-06-01T00:00:00Z"))
              .build();
      ParseOutcome o = parser.parse(raw);
      good.add(raw);
      parsed.add(o.article());
      if (good.size() == ARTICLES) {
        break;
      }
    }
    raws = good.toArray(RawArticle[]::new);
    articles = parsed.toArray(Article[]::new);
    window = new ArrayList<>(WINDOW);
    for (int k = 0; k < WINDOW; k++) {
      window.add(Bench.Core.candidate(signatures, articles[k % articles.length]));
    }
  }

  private int nextIndex() {
    next = (next + 1) & (ARTICLES - 1);
    return next;
  }

  @Benchmark
  public Article parseOneArticle() throws BadArticleException {
    return parser.parse(raws[nextIndex()]).article();
  }

  @Benchmark
  public StoryCandidate signOneArticle() {
    return Bench.Core.candidate(signatures, articles[nextIndex()]);
  }

  @Benchmark
  public List<ArticleEntity> extractEntitiesOneArticle() {
    Article a = articles[nextIndex()];
    return extractor.extract(a.getTitle(), a.getBody());
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<StoryVerdict> clusterWindowOf1000() {
    return clusterer.cluster(window);
  }
}
