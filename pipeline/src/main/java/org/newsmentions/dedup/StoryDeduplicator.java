package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsmentions.schema.Article;

/**
 * Decides, for the articles of one window (its members), which are copies, given the digests of
 * every article within the horizon of them (members and neighbours alike). Shared by the Beam stage
 * and the reference model.
 */
public final class StoryDeduplicator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StoryClusterer clusterer;
  private final long horizonMillis;

  public StoryDeduplicator(DedupMode mode, double threshold, long horizonMillis) {
    this.clusterer = new StoryClusterer(mode, StorySignatures.ROWS_PER_BAND, threshold);
    this.horizonMillis = horizonMillis;
  }

  /**
   * @param decisions one per current member (superseded versions of a URL get none)
   * @param kept the kept members, with the reach of their stories, for counting
   * @param superseded members replaced by a newer version of the same id
   */
  public record Result(List<Decision> decisions, List<KeptStory> kept, int superseded) {}

  /** The verdict on one version of an article, keyed by {@link #versionKey}. */
  public record Decision(String versionKey, StoryVerdict verdict) implements Serializable {}

  /** Identifies one version of one article: its id, when it was read and its text. */
  public static String versionKey(String id, long ingested, long textHash) {
    return id + "@" + ingested + "@" + Long.toHexString(textHash);
  }

  static String versionKey(StoryCandidate c) {
    return versionKey(c.id(), c.ingested(), c.textHash());
  }

  /**
   * @param visible digests of the members and of every article within the horizon of them
   * @param memberStart members are the digests with event time in [memberStart, memberEnd)
   * @param memberEnd see memberStart
   */
  public Result deduplicate(Collection<StoryDigest> visible, long memberStart, long memberEnd) {
    Map<StoryCandidate, StoryDigest> byCandidate = new HashMap<>();
    List<StoryCandidate> candidates = new ArrayList<>(visible.size());
    for (StoryDigest d : visible) {
      byCandidate.put(d.candidate(), d);
      candidates.add(d.candidate());
    }
    Map<String, StoryVerdict> current = new HashMap<>();
    for (StoryVerdict v : clusterer.cluster(candidates, horizonMillis)) {
      if (!v.superseded()) {
        current.put(v.id(), v);
      }
    }
    List<Decision> decisions = new ArrayList<>();
    List<KeptStory> kept = new ArrayList<>();
    int superseded = 0;
    Map<String, StoryCandidate> latest = new HashMap<>();
    for (StoryCandidate c : candidates) {
      latest.merge(c.id(), c, (a, b) -> StoryCandidate.VERSION_ORDER.compare(a, b) >= 0 ? a : b);
    }
    for (StoryCandidate c : candidates) {
      if (c.eventTime() < memberStart || c.eventTime() >= memberEnd) {
        continue;
      }
      if (latest.get(c.id()) != c) {
        superseded++;
        continue;
      }
      StoryVerdict v = current.get(c.id());
      decisions.add(new Decision(versionKey(c), v));
      if (v.kept()) {
        kept.add(new KeptStory(c.id(), v.copies(), v.outlets(), byCandidate.get(c).entities()));
      }
    }
    decisions.sort(java.util.Comparator.comparing(Decision::versionKey));
    kept.sort(java.util.Comparator.comparing(KeptStory::articleId));
    return new Result(decisions, kept, superseded);
  }

  /** The article with its verdict written in. */
  public static Article enrich(Article a, StoryVerdict v) {
    return Article.newBuilder(a)
        .setDuplicateOf(v.duplicateOf())
        .setStoryId(v.storyId())
        .setCopies(v.kept() ? v.copies() : 1)
        .setOutlets(v.kept() ? v.outlets().size() : 1)
        .build();
  }
}
