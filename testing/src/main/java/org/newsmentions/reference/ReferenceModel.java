package org.newsmentions.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsmentions.NewsMentions;
import org.newsmentions.comentions.CoMention;
import org.newsmentions.comentions.CoMentions;
import org.newsmentions.count.EntityTally;
import org.newsmentions.count.MentionTally;
import org.newsmentions.deadletter.DeadLetters;
import org.newsmentions.dedup.StoryClusterer;
import org.newsmentions.dedup.StoryDeduplicator;
import org.newsmentions.dedup.StoryDigest;
import org.newsmentions.dedup.StorySignatures;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.ExtractEntities;
import org.newsmentions.parse.ArticleParser;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.read.RawRecords;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.EntityCoMentionCount;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.PaneTiming;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.window.UndatedPolicy;

/**
 * The whole job in memory, in plain Java, as the oracle for pipeline tests (the Nexmark idea): it
 * uses the same domain classes but none of Beam's reading, windowing, grouping or triggering, so
 * the pipeline's final output must equal this model's output for the same input.
 */
public final class ReferenceModel {
  private ReferenceModel() {}

  /**
   * The final outputs: one ON_TIME pane per window (counts and co-mentions), all articles, all dead
   * letters.
   */
  public record Output(
      List<EntityMentionCount> counts,
      List<EntityCoMentionCount> coMentions,
      List<Article> articles,
      List<DeadLetter> deadLetters) {}

  public static Output run(Collection<RawArticle> input, NewsMentions.Settings settings) {
    ArticleParser parser = new ArticleParser(settings.parser());
    EntityExtractor extractor = new EntityExtractor(settings.gazetteer());
    List<DeadLetter> dead = new ArrayList<>();
    Map<String, List<Article>> windows = new LinkedHashMap<>();
    List<Article> undated = new ArrayList<>();
    for (RawArticle raw : input) {
      Article article;
      try {
        article = parser.parse(raw).article();
      } catch (BadArticleException e) {
        dead.add(
            DeadLetters.of(
                raw.getSource(),
                "parse",
                e.reason() + ": " + e.getMessage(),
                e.getCause(),
                bytes(raw.getPayload()),
                Instant.now(settings.parser().clock())));
        continue;
      }
      article = withEntities(article, extractor);
      Instant t = article.getPublished();
      if (t == null && settings.undated() == UndatedPolicy.INGEST_TIME) {
        t = article.getIngested();
      }
      if (t == null) {
        undated.add(article);
      } else {
        Instant[] w = settings.windows().windowOf(t);
        windows.computeIfAbsent(w[0] + "/" + w[1], k -> new ArrayList<>()).add(article);
      }
    }
    // Deduplication: each window decides for its members from every digest within the horizon.
    StorySignatures signatures = new StorySignatures();
    List<StoryDigest> digests = new ArrayList<>();
    Map<String, Article> byVersion = new HashMap<>();
    for (List<Article> members : windows.values()) {
      for (Article a : members) {
        StoryDigest d = signatures.digest(a, eventTime(a).toEpochMilli());
        digests.add(d);
        byVersion.put(versionKey(d), a);
      }
    }
    long horizon = settings.dedupHorizon().getMillis();
    StoryDeduplicator dedup =
        new StoryDeduplicator(settings.dedup(), settings.dedupThreshold(), horizon);
    List<EntityMentionCount> counts = new ArrayList<>();
    List<EntityCoMentionCount> coMentions = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    for (String w : windows.keySet()) {
      String[] bounds = w.split("/");
      Instant start = Instant.parse(bounds[0]);
      Instant end = Instant.parse(bounds[1]);
      List<StoryDigest> visible = new ArrayList<>();
      for (StoryDigest d : digests) {
        Instant t = Instant.ofEpochMilli(d.candidate().eventTime());
        for (Instant[] near : settings.windows().windowsNear(t, horizon)) {
          if (near[0].equals(start)) {
            visible.add(d);
          }
        }
      }
      StoryDeduplicator.Result result =
          dedup.deduplicate(visible, start.toEpochMilli(), end.toEpochMilli());
      for (StoryDeduplicator.Decision decision : result.decisions()) {
        articles.add(
            StoryDeduplicator.enrich(byVersion.get(decision.versionKey()), decision.verdict()));
      }
      for (EntityTally t : MentionTally.tally(result.kept())) {
        counts.add(t.toCount(start, end, PaneTiming.ON_TIME, 0));
      }
      for (CoMention c :
          CoMentions.tally(
              result.kept(),
              CoMentions.DEFAULT_MAX_ENTITIES_PER_ARTICLE,
              settings.minCoMentions())) {
        coMentions.add(c.toRecord(start, end, PaneTiming.ON_TIME, 0));
      }
    }
    // Undated articles: among themselves, with no horizon.
    List<StoryDigest> undatedDigests = new ArrayList<>();
    for (Article a : undated) {
      StoryDigest d = signatures.digest(a, Long.MIN_VALUE);
      undatedDigests.add(d);
      byVersion.put(versionKey(d), a);
    }
    // In batch undated articles also see every dated one, so an undated copy is marked.
    if (!settings.streaming()) {
      undatedDigests.addAll(digests);
    }
    StoryDeduplicator undatedDedup =
        new StoryDeduplicator(
            settings.dedup(), settings.dedupThreshold(), StoryClusterer.UNBOUNDED);
    for (StoryDeduplicator.Decision decision :
        undatedDedup.deduplicate(undatedDigests, Long.MIN_VALUE, Long.MIN_VALUE + 1).decisions()) {
      articles.add(
          StoryDeduplicator.enrich(byVersion.get(decision.versionKey()), decision.verdict()));
    }
    return new Output(counts, coMentions, articles, dead);
  }

  /**
   * Every parsed article's digest, as deduplication receives it: dated ones (and, under {@code
   * --undated=ingest-time}, undated ones) with their event time, the others with Long.MIN_VALUE.
   * Records the parser rejects are left out.
   */
  public static List<StoryDigest> digests(
      Collection<RawArticle> input, NewsMentions.Settings settings) {
    ArticleParser parser = new ArticleParser(settings.parser());
    EntityExtractor extractor = new EntityExtractor(settings.gazetteer());
    StorySignatures signatures = new StorySignatures();
    List<StoryDigest> out = new ArrayList<>();
    for (RawArticle raw : input) {
      Article article;
      try {
        article = withEntities(parser.parse(raw).article(), extractor);
      } catch (BadArticleException e) {
        continue;
      }
      boolean dated =
          article.getPublished() != null || settings.undated() == UndatedPolicy.INGEST_TIME;
      Instant t = dated ? eventTime(article) : null;
      out.add(signatures.digest(article, t != null ? t.toEpochMilli() : Long.MIN_VALUE));
    }
    return out;
  }

  /** The article with its entities, as ExtractEntities writes them. */
  private static Article withEntities(Article article, EntityExtractor extractor) {
    if (!ExtractEntities.extractable(article)) {
      return article;
    }
    return Article.newBuilder(article)
        .setEntities(extractor.extract(article.getTitle(), article.getBody()))
        .build();
  }

  /** Publication time, or ingest time for an undated article windowed by it. */
  private static Instant eventTime(Article a) {
    return a.getPublished() != null ? a.getPublished() : a.getIngested();
  }

  private static String versionKey(StoryDigest d) {
    return StoryDeduplicator.versionKey(
        d.candidate().id(), d.candidate().ingested(), d.candidate().textHash());
  }

  /**
   * Reads files as the pipeline's file source does: a record per raw file, HTML page, JSON line or
   * WARC page; {@code .gz} files decompressed and named without the extension.
   */
  public static List<RawArticle> readFiles(Collection<Path> files, int maxArticleBytes) {
    List<RawArticle> out = new ArrayList<>();
    for (Path f : files) {
      try {
        String path = f.toAbsolutePath().toString();
        boolean gz = path.endsWith(".gz");
        RawRecords.split(
            gz ? path.substring(0, path.length() - 3) : path,
            Instant.ofEpochMilli(Files.getLastModifiedTime(f).toMillis()),
            new RawRecords.Limits(maxArticleBytes, ParserSettings.DEFAULT_MAX_PAGE_BYTES),
            () -> {
              java.io.InputStream in = Files.newInputStream(f);
              return gz ? new java.util.zip.GZIPInputStream(in, 64 * 1024) : in;
            },
            out::add,
            skip -> {});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static byte[] bytes(ByteBuffer b) {
    ByteBuffer d = b.duplicate();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }
}
