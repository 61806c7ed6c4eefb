package org.newsmentions.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.ArticleEntity;

/** Builds the {@link StoryDigest} of an article: shingles, MinHash signature, text hash. */
public final class StorySignatures implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Word 2-grams: what text-dedup's tuned news setting uses; see README "Deduplication". */
  public static final int SHINGLE_WORDS = 2;

  /**
   * Estimated Jaccard similarity of 2-shingle sets from which two bodies are copies. On the dev set
   * copies (light edits, cut paragraphs, machine translation) score 0.35 and up, independent
   * reports of one event at most 0.07: see README "Deduplication".
   */
  public static final double DEFAULT_THRESHOLD = 0.25;

  public static final int NUM_HASHES = 256;
  public static final int ROWS_PER_BAND = 3;
  private static final long SEED = 0x5EED0F5701E5L;

  private final MinHasher hasher = new MinHasher(NUM_HASHES, SEED);

  public StoryCandidate candidate(Article article, long eventTime) {
    String body = article.getBody();
    long[] words = TextFingerprint.wordHashes(body);
    long[] shingles = TextFingerprint.shingleHashes(words, SHINGLE_WORDS);
    int[] signature = shingles.length == 0 ? new int[0] : hasher.signature(shingles);
    Long published = article.getPublished() == null ? null : article.getPublished().toEpochMilli();
    long ingested = article.getIngested() == null ? 0L : article.getIngested().toEpochMilli();
    return new StoryCandidate(
        article.getId(),
        published,
        ingested,
        TextFingerprint.exactHash(words),
        signature,
        article.getOutlet(),
        eventTime,
        article.getSource());
  }

  public StoryDigest digest(Article article, long eventTime) {
    return new StoryDigest(candidate(article, eventTime), entityRefs(article));
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
