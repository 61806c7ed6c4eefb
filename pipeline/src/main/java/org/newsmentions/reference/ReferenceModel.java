package org.newsmentions.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsmentions.NewsMentions;
import org.newsmentions.count.EntityTally;
import org.newsmentions.count.MentionTally;
import org.newsmentions.deadletter.DeadLetters;
import org.newsmentions.dedup.WindowDeduplicator;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.ExtractEntities;
import org.newsmentions.parse.ArticleParser;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.read.RawRecords;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DeadLetter;
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

  /** The final outputs: one ON_TIME pane per window, all articles, all dead letters. */
  public record Output(
      List<EntityMentionCount> counts, List<Article> articles, List<DeadLetter> deadLetters) {}

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
      if (ExtractEntities.extractable(article)) {
        article =
            Article.newBuilder(article)
                .setEntities(extractor.extract(article.getTitle(), article.getBody()))
                .build();
      }
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
    WindowDeduplicator dedup = new WindowDeduplicator(settings.dedup(), settings.dedupThreshold());
    List<EntityMentionCount> counts = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    for (Map.Entry<String, List<Article>> w : windows.entrySet()) {
      String[] bounds = w.getKey().split("/");
      WindowDeduplicator.Result result = dedup.deduplicate(w.getValue());
      articles.addAll(result.articles());
      for (EntityTally t : MentionTally.tally(result.kept())) {
        counts.add(
            EntityMentionCount.newBuilder()
                .setWindowStart(Instant.parse(bounds[0]))
                .setWindowEnd(Instant.parse(bounds[1]))
                .setEntityId(t.id())
                .setEntityName(t.name())
                .setEntityType(t.type())
                .setMentions(t.mentions())
                .setArticles(t.articles())
                .setCopies(t.copies())
                .setOutlets(t.outlets())
                .setPaneTiming(PaneTiming.ON_TIME)
                .setPaneIndex(0)
                .build());
      }
    }
    articles.addAll(dedup.deduplicate(undated).articles());
    return new Output(counts, articles, dead);
  }

  /** Reads files as the pipeline's file source does: a record per raw file or JSON line. */
  public static List<RawArticle> readFiles(Collection<Path> files, int maxArticleBytes) {
    List<RawArticle> out = new ArrayList<>();
    for (Path f : files) {
      try {
        RawRecords.split(
            f.toAbsolutePath().toString(),
            Instant.ofEpochMilli(Files.getLastModifiedTime(f).toMillis()),
            maxArticleBytes,
            () -> Files.newInputStream(f),
            out::add);
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
