package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One version of an article as the keyed deduplication passes it between its steps.
 *
 * @param candidate the article's candidate; its signature is dropped (empty) once the LSH buckets
 *     have been verified, since later steps only order and count
 * @param windows the windows in which this version is the current one of its id, as (start, end)
 *     pairs of epoch millis: the windows whose horizon holds it, less those where a newer version
 *     of the same id is visible too
 * @param global whether this version is the current one of its id in the undated pass (the newest
 *     of all versions of its id in batch)
 * @param entities the article's entities, carried only to its own window's story step; empty
 *     elsewhere
 */
public record StoryNode(
    StoryCandidate candidate, long[] windows, boolean global, List<KeptStory.EntityRef> entities)
    implements Serializable {

  public StoryNode {
    Objects.requireNonNull(candidate);
    Objects.requireNonNull(windows);
    Objects.requireNonNull(entities);
  }

  /** The version key, which identifies this version in keys and verdicts. */
  public String key() {
    return StoryDeduplicator.versionKey(candidate);
  }

  /** Whether this version is current in the window starting at {@code start}. */
  public boolean currentIn(long start) {
    for (int i = 0; i < windows.length; i += 2) {
      if (windows[i] == start) {
        return true;
      }
    }
    return false;
  }

  /** The same node without signature and entities: what ordering and counting need. */
  public StoryNode ref() {
    if (candidate.signature().length == 0 && entities.isEmpty()) {
      return this;
    }
    StoryCandidate c = candidate;
    return new StoryNode(
        new StoryCandidate(
            c.id(),
            c.published(),
            c.ingested(),
            c.textHash(),
            new int[0],
            c.outlet(),
            c.eventTime(),
            c.source()),
        windows,
        global,
        List.of());
  }

  /** The same node with the given entities. */
  public StoryNode withEntities(List<KeptStory.EntityRef> value) {
    return new StoryNode(candidate, windows, global, value);
  }

  /** The outlet counted for this article's story: its outlet, or its id when unknown. */
  String outletForCount() {
    return candidate.outlet() != null ? candidate.outlet() : "unknown:" + candidate.id();
  }
}
