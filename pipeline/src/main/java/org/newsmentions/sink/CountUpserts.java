package org.newsmentions.sink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.newsmentions.schema.EntityMentionCount;

/**
 * What a keyed, compacted topic needs so that its latest value per key is always a window's current
 * counts: each pane of a window holds the window's complete counts, so a pane is written as one
 * record per entity (an upsert), and every key written for an earlier pane whose entity is no
 * longer in the window gets a delete (a tombstone, null value). That happens when the kept copy of
 * a story changes to one that does not name the entity, or when a window's only story turns out to
 * be a copy of an earlier window's: the pane then has no rows at all, and every key of the window
 * is deleted.
 */
public final class CountUpserts {
  private CountUpserts() {}

  /** The record key of a count: {@code window_start|entity_id}, window start in ISO-8601 UTC. */
  public static String key(EntityMentionCount c) {
    return key(c.getWindowStart(), c.getEntityId());
  }

  public static String key(Instant windowStart, String entityId) {
    return windowStart + "|" + entityId;
  }

  /**
   * One pane applied to what the topic holds for its window.
   *
   * @param writes records to write in this order: key to row, or key to null for a delete
   * @param live the keys with a value after these writes, sorted
   */
  public record Step(Map<String, EntityMentionCount> writes, List<String> live) {}

  /**
   * @param liveBefore the keys this window has a value for (written by earlier panes and not
   *     deleted since)
   * @param pane the pane's rows, all of one window
   */
  public static Step apply(Collection<String> liveBefore, List<EntityMentionCount> pane) {
    Map<String, EntityMentionCount> writes = new LinkedHashMap<>();
    TreeSet<String> live = new TreeSet<>();
    for (EntityMentionCount c : pane) {
      String k = key(c);
      writes.put(k, c);
      live.add(k);
    }
    for (String k : new TreeSet<>(liveBefore)) {
      if (!live.contains(k)) {
        writes.put(k, null);
      }
    }
    return new Step(writes, new ArrayList<>(live));
  }
}
