package org.newsmentions.count;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.newsmentions.dedup.KeptStory;

/**
 * Per-entity counts over the kept stories of one window. A pure function of the set of stories, so
 * a window's counts never depend on the order its articles arrived in.
 */
public final class MentionTally {
  private MentionTally() {}

  public static List<EntityTally> tally(Collection<KeptStory> stories) {
    Map<String, Acc> byEntity = new TreeMap<>();
    for (KeptStory story : stories) {
      for (KeptStory.EntityRef e : story.entities()) {
        if (e.mentions() <= 0) {
          continue;
        }
        Acc acc = byEntity.computeIfAbsent(e.id(), id -> new Acc(e));
        acc.mentions += e.mentions();
        acc.articles++;
        acc.copies += story.copies();
        acc.outlets.addAll(story.outlets());
      }
    }
    List<EntityTally> out = new ArrayList<>(byEntity.size());
    for (Acc a : byEntity.values()) {
      out.add(
          new EntityTally(
              a.ref.id(),
              a.ref.name(),
              a.ref.type(),
              a.mentions,
              a.articles,
              a.copies,
              a.outlets.size()));
    }
    return out;
  }

  private static final class Acc {
    final KeptStory.EntityRef ref;
    long mentions;
    long articles;
    long copies;
    final Set<String> outlets = new HashSet<>();

    Acc(KeptStory.EntityRef ref) {
      this.ref = ref;
    }
  }
}
