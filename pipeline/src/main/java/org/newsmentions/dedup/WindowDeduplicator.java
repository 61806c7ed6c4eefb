package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
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
    List<StoryCandidate> candidates = new ArrayList<>(window.size());
    for (Article a : window) {
      candidates.add(signatures.candidate(a));
    }
    List<StoryVerdict> verdicts = clusterer.cluster(candidates);
    // Verdicts are sorted by id with the current version of an id first; versions of one id are
    // told apart by matching the candidate objects in order.
    Map<String, List<StoryVerdict>> byId = new HashMap<>();
    for (StoryVerdict v : verdicts) {
      byId.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(v);
    }
    Map<String, StoryCandidate> current = new HashMap<>();
    for (StoryCandidate c : candidates) {
      current.merge(
          c.id(),
          c,
          (a, b) ->
              a.ingested() != b.ingested()
                  ? (a.ingested() > b.ingested() ? a : b)
                  : (a.textHash() >= b.textHash() ? a : b));
    }
    List<Article> out = new ArrayList<>(window.size());
    List<KeptStory> kept = new ArrayList<>();
    int superseded = 0;
    int i = 0;
    for (Article a : window) {
      StoryCandidate c = candidates.get(i++);
      if (current.get(c.id()) != c) {
        superseded++;
        continue;
      }
      StoryVerdict v =
          byId.get(c.id()).stream().filter(x -> !x.superseded()).findFirst().orElseThrow();
      Article enriched =
          Article.newBuilder(a)
              .setDuplicateOf(v.duplicateOf())
              .setStoryId(v.storyId())
              .setCopies(v.kept() ? v.copies() : 1)
              .setOutlets(v.kept() ? v.outlets().size() : 1)
              .build();
      out.add(enriched);
      if (v.kept()) {
        kept.add(new KeptStory(a.getId(), v.copies(), v.outlets(), entityRefs(a)));
      }
    }
    return new Result(out, kept, superseded);
  }

  static List<KeptStory.EntityRef> entityRefs(Article a) {
    List<KeptStory.EntityRef> refs = new ArrayList<>(a.getEntities().size());
    for (ArticleEntity e : a.getEntities()) {
      refs.add(
          new KeptStory.EntityRef(e.getId(), e.getName(), e.getType().name(), e.getMentions()));
    }
    return refs;
  }
}
