package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsmentions.count.KeptStory;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.ArticleEntity;

/**
 * Deduplicates the articles of one window: marks copies, records each story's reach on its kept
 * copy, and drops superseded versions of one URL. Shared by the Beam stage and the reference model.
 */
public final class WindowDeduplicator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StorySignatures signatures = new StorySignatures();
  private final StoryClusterer clusterer;

  public WindowDeduplicator(DedupMode mode, double threshold) {
    this.clusterer = new StoryClusterer(mode, StorySignatures.ROWS_PER_BAND, threshold);
  }

  /**
   * @param articles enriched copies of the current versions, duplicates included
   * @param kept the kept stories, for counting
   * @param superseded how many older versions of a re-scraped URL were dropped
   */
  public record Result(List<Article> articles, List<KeptStory> kept, int superseded) {}

  public Result deduplicate(Collection<Article> window) {
    // One version per id (a re-scraped URL): the newest read wins; the rest of the order makes
    // the choice total, so it never depends on arrival order.
    Map<String, Article> current = new HashMap<>();
    for (Article a : window) {
      current.merge(a.getId(), a, (x, y) -> VERSION_ORDER.compare(x, y) >= 0 ? x : y);
    }
    int superseded = window.size() - current.size();
    List<Article> articles = new ArrayList<>(current.values());
    articles.sort(Comparator.comparing(Article::getId));
    List<StoryCandidate> candidates = new ArrayList<>(articles.size());
    for (Article a : articles) {
      candidates.add(signatures.candidate(a));
    }
    Map<String, StoryVerdict> verdicts = new HashMap<>();
    for (StoryVerdict v : clusterer.cluster(candidates)) {
      verdicts.put(v.id(), v);
    }
    List<Article> out = new ArrayList<>(articles.size());
    List<KeptStory> kept = new ArrayList<>();
    for (Article a : articles) {
      StoryVerdict v = verdicts.get(a.getId());
      out.add(
          Article.newBuilder(a)
              .setDuplicateOf(v.duplicateOf())
              .setStoryId(v.storyId())
              .setCopies(v.kept() ? v.copies() : 1)
              .setOutlets(v.kept() ? v.outlets().size() : 1)
              .build());
      if (v.kept()) {
        kept.add(new KeptStory(a.getId(), v.copies(), v.outlets(), entityRefs(a)));
      }
    }
    return new Result(out, kept, superseded);
  }

  /** Newer versions compare greater: by read time, then by content, then by provenance. */
  private static final Comparator<Article> VERSION_ORDER =
      Comparator.comparing(
              (Article a) -> a.getIngested() == null ? 0L : a.getIngested().toEpochMilli())
          .thenComparing(a -> TextFingerprint.exactHash(a.getBody()))
          .thenComparing(Article::getSource)
          .thenComparing(a -> a.getPublished() == null ? 0L : a.getPublished().toEpochMilli())
          .thenComparing(a -> String.valueOf(a.getOutlet()))
          .thenComparing(Article::getTitle);

  static List<KeptStory.EntityRef> entityRefs(Article a) {
    List<KeptStory.EntityRef> refs = new ArrayList<>(a.getEntities().size());
    for (ArticleEntity e : a.getEntities()) {
      refs.add(
          new KeptStory.EntityRef(e.getId(), e.getName(), e.getType().name(), e.getMentions()));
    }
    return refs;
  }
}
