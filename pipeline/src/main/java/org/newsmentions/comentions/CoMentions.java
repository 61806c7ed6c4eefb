package org.newsmentions.comentions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.newsmentions.dedup.KeptStory;

/**
 * Which entities a kept article names together, and the pairs' sums over a window: plain Java, the
 * logic of {@link CountCoMentions}, also used by the reference model.
 *
 * <p>An article with n entities has n(n-1)/2 pairs, so each article contributes the pairs of its
 * {@link #DEFAULT_MAX_ENTITIES_PER_ARTICLE} most mentioned entities only (at most 45 pairs): a long
 * article naming a hundred people would otherwise emit about five thousand pairs, nearly all of
 * incidental names. Entities with the same number of mentions are taken in id order, so the choice
 * is deterministic.
 */
public final class CoMentions {
  /** The entities per article whose pairs are counted: its most mentioned ones. */
  public static final int DEFAULT_MAX_ENTITIES_PER_ARTICLE = 10;

  /** A pair is written when at least this many kept articles of a window name both, by default. */
  public static final int DEFAULT_MIN_ARTICLES = 2;

  private static final Comparator<KeptStory.EntityRef> MOST_MENTIONED =
      Comparator.comparingInt(KeptStory.EntityRef::mentions)
          .reversed()
          .thenComparing(KeptStory.EntityRef::id);

  private CoMentions() {}

  /**
   * The entities of one article whose pairs count: those with at least one mention (the same rule
   * as the counts), the same id twice taken once with its mentions added, then the {@code max} most
   * mentioned, ties by id.
   */
  public static List<KeptStory.EntityRef> topEntities(KeptStory story, int max) {
    if (max < 2) {
      throw new IllegalArgumentException(
          "a pair needs at least 2 entities per article, not " + max);
    }
    Map<String, KeptStory.EntityRef> byId = new LinkedHashMap<>();
    for (KeptStory.EntityRef e : story.entities()) {
      if (e.mentions() <= 0) {
        continue;
      }
      byId.merge(
          e.id(),
          e,
          (x, y) ->
              new KeptStory.EntityRef(x.id(), x.name(), x.type(), x.mentions() + y.mentions()));
    }
    List<KeptStory.EntityRef> sorted = new ArrayList<>(byId.values());
    sorted.sort(MOST_MENTIONED);
    return sorted.size() > max ? List.copyOf(sorted.subList(0, max)) : sorted;
  }

  /** The pairs of one kept article ({@code articles == 1} each), from {@link #topEntities}. */
  public static List<CoMention> pairs(KeptStory story, int maxEntities) {
    List<KeptStory.EntityRef> top = topEntities(story, maxEntities);
    List<CoMention> out = new ArrayList<>(top.size() * (top.size() - 1) / 2);
    for (int i = 0; i < top.size(); i++) {
      for (int j = i + 1; j < top.size(); j++) {
        KeptStory.EntityRef x = top.get(i);
        KeptStory.EntityRef y = top.get(j);
        KeptStory.EntityRef a = x.id().compareTo(y.id()) < 0 ? x : y;
        KeptStory.EntityRef b = a == x ? y : x;
        out.add(
            new CoMention(
                a.id(),
                a.name(),
                a.type(),
                b.id(),
                b.name(),
                b.type(),
                1,
                a.mentions(),
                b.mentions()));
      }
    }
    return out;
  }

  /**
   * The pairs named together in at least {@code minArticles} of the kept stories of one window,
   * with their sums, in key order.
   */
  public static List<CoMention> tally(
      Collection<KeptStory> stories, int maxEntities, long minArticles) {
    Map<String, CoMention> byPair = new TreeMap<>();
    for (KeptStory story : stories) {
      for (CoMention p : pairs(story, maxEntities)) {
        byPair.merge(p.key(), p, CoMention::plus);
      }
    }
    List<CoMention> out = new ArrayList<>();
    for (CoMention c : byPair.values()) {
      if (c.articles() >= minArticles) {
        out.add(c);
      }
    }
    return out;
  }
}
