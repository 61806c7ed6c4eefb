package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.newsmentions.bench.CorpusGenerator;
import org.newsmentions.dedup.DedupMode;
import org.newsmentions.dedup.KeptStory;
import org.newsmentions.dedup.KeyedDedup;
import org.newsmentions.dedup.StoryClusterer;
import org.newsmentions.dedup.StoryDeduplicator;
import org.newsmentions.dedup.StoryDigest;
import org.newsmentions.dedup.StorySignatures;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.eval.DevSet;
import org.newsmentions.reference.ReferenceModel;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.window.PublicationWindows;

/**
 * The keyed deduplication (buckets, parents, stories: {@link KeyedDedup}) decides exactly as {@link
 * StoryDeduplicator} run per window over the window's horizon (and, for undated articles, over
 * every article), on the dev set and on generated corpora with undated articles, re-scraped
 * versions and very frequent band values.
 */
class KeyedDedupEquivalenceTest {
  private static final long HORIZON = 3 * 86_400_000L;
  private static final PublicationWindows WINDOWS = PublicationWindows.DAILY_UTC;

  @Test
  void devSetVerdictsEqualTheClusterers() throws IOException {
    List<RawArticle> raws = new ArrayList<>();
    for (DevSet.Item i : DevSet.load(Path.of("../eval/devset"))) {
      raws.add(i.raw());
    }
    List<StoryDigest> digests = ReferenceModel.digests(raws, Fixtures.settings(false));
    assertTrue(digests.size() >= 40, "dev set parsed: " + digests.size());
    for (DedupMode mode : DedupMode.values()) {
      for (boolean undatedSeeDated : new boolean[] {true, false}) {
        assertSame(digests, mode, undatedSeeDated, Integer.MAX_VALUE);
      }
    }
  }

  @Test
  void generatedCorpusVerdictsEqualTheClusterers() {
    List<StoryDigest> digests = generated(6_000, 31, 11);
    assertSame(digests, DedupMode.NEAR, true, KeyedDedup.DEFAULT_BUCKET_CAP);
    assertSame(digests, DedupMode.EXACT, false, KeyedDedup.DEFAULT_BUCKET_CAP);
  }

  @Test
  void busyDayVerdictsEqualTheClusterers() {
    // Every article on two days: the densest windows, where stock phrases make hot buckets.
    List<StoryDigest> digests = generated(5_000, 2, 5);
    KeyedDedup.Result r = assertSame(digests, DedupMode.NEAR, true, KeyedDedup.DEFAULT_BUCKET_CAP);
    assertTrue(r.largestBucket() > 10, "largest bucket " + r.largestBucket());
  }

  @Test
  void arrivalOrderDoesNotMatter() {
    List<StoryDigest> digests = generated(2_000, 3, 3);
    KeyedDedup keyed = keyed(DedupMode.NEAR, KeyedDedup.DEFAULT_BUCKET_CAP);
    KeyedDedup.Result first = keyed.run(digests, true);
    List<StoryDigest> shuffled = new ArrayList<>(digests);
    Collections.shuffle(shuffled, new Random(1));
    KeyedDedup.Result second = keyed.run(shuffled, true);
    assertEquals(first.verdicts(), second.verdicts());
    assertEquals(first.keptByWindow(), second.keptByWindow());
  }

  private static KeyedDedup keyed(DedupMode mode, int cap) {
    return new KeyedDedup(mode, StorySignatures.DEFAULT_THRESHOLD, HORIZON, WINDOWS, cap);
  }

  /** Runs both and compares verdicts, kept stories per window and superseded counts. */
  private static KeyedDedup.Result assertSame(
      List<StoryDigest> digests, DedupMode mode, boolean undatedSeeDated, int cap) {
    KeyedDedup.Result keyed = keyed(mode, cap).run(digests, undatedSeeDated);
    Map<String, Object> expectedVerdicts = new TreeMap<>();
    Map<Long, List<KeptStory>> expectedKept = new TreeMap<>();
    int superseded = oracle(digests, mode, undatedSeeDated, expectedVerdicts, expectedKept);
    String what = mode + (undatedSeeDated ? ", undated see dated" : ", undated alone");
    assertEquals(0, keyed.capped(), what + ": no bucket should reach the cap here");
    assertSameMap(expectedVerdicts, keyed.verdicts(), what + ": verdicts");
    assertSameMap(expectedKept, keyed.keptByWindow(), what + ": kept stories");
    assertEquals(superseded, keyed.superseded(), what + ": superseded");
    return keyed;
  }

  /** Names the first few keys that differ, rather than printing both maps whole. */
  private static void assertSameMap(Map<?, ?> expected, Map<?, ?> actual, String what) {
    List<String> diffs = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>();
    expected.keySet().forEach(k -> keys.add(String.valueOf(k)));
    actual.keySet().forEach(k -> keys.add(String.valueOf(k)));
    Map<String, Object> e = new HashMap<>();
    Map<String, Object> a = new HashMap<>();
    expected.forEach((k, v) -> e.put(String.valueOf(k), v));
    actual.forEach((k, v) -> a.put(String.valueOf(k), v));
    for (String k : keys) {
      if (!java.util.Objects.equals(e.get(k), a.get(k))) {
        diffs.add(k + ": expected " + brief(e.get(k)) + " but was " + brief(a.get(k)));
      }
    }
    assertTrue(
        diffs.isEmpty(),
        what
            + ": "
            + diffs.size()
            + " of "
            + keys.size()
            + " differ, e.g. "
            + diffs.subList(0, Math.min(4, diffs.size())));
  }

  private static String brief(Object o) {
    if (o instanceof List<?> l) {
      List<String> out = new ArrayList<>();
      for (Object x : l) {
        out.add(x instanceof KeptStory k ? k.articleId() + "x" + k.copies() + k.outlets() : "" + x);
      }
      return out.toString();
    }
    return String.valueOf(o);
  }

  /** StoryDeduplicator per window over its horizon, as the reference model runs it. */
  private static int oracle(
      List<StoryDigest> digests,
      DedupMode mode,
      boolean undatedSeeDated,
      Map<String, Object> verdicts,
      Map<Long, List<KeptStory>> kept) {
    StoryDeduplicator dedup =
        new StoryDeduplicator(mode, StorySignatures.DEFAULT_THRESHOLD, HORIZON);
    Map<Long, long[]> windows = new TreeMap<>();
    Map<Long, List<StoryDigest>> visible = new HashMap<>();
    List<StoryDigest> global = new ArrayList<>();
    for (StoryDigest d : digests) {
      long t = d.candidate().eventTime();
      if (t == Long.MIN_VALUE) {
        global.add(d);
        continue;
      }
      if (undatedSeeDated) {
        global.add(d);
      }
      Instant[] own = WINDOWS.windowOf(Instant.ofEpochMilli(t));
      windows.put(own[0].toEpochMilli(), new long[] {own[0].toEpochMilli(), own[1].toEpochMilli()});
      for (Instant[] w : WINDOWS.windowsNear(Instant.ofEpochMilli(t), HORIZON)) {
        visible.computeIfAbsent(w[0].toEpochMilli(), k -> new ArrayList<>()).add(d);
      }
    }
    int superseded = 0;
    for (long[] w : windows.values()) {
      StoryDeduplicator.Result r = dedup.deduplicate(visible.get(w[0]), w[0], w[1]);
      r.decisions().forEach(x -> verdicts.put(x.versionKey(), x.verdict()));
      if (!r.kept().isEmpty()) {
        kept.put(w[0], r.kept());
      }
      superseded += r.superseded();
    }
    StoryDeduplicator.Result r =
        new StoryDeduplicator(mode, StorySignatures.DEFAULT_THRESHOLD, StoryClusterer.UNBOUNDED)
            .deduplicate(global, Long.MIN_VALUE, Long.MIN_VALUE + 1);
    r.decisions().forEach(x -> verdicts.put(x.versionKey(), x.verdict()));
    return superseded + r.superseded();
  }

  /**
   * Generated articles over the first {@code days} days of May 2025, 5% of them undated, and 3%
   * re-scraped (the same id read again later, some with another text or another date).
   */
  static List<StoryDigest> generated(int n, int days, long seed) {
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.Settings.defaults(seed));
    StorySignatures signatures = new StorySignatures();
    EntityExtractor extractor = new EntityExtractor(Gazetteer.loadDefault());
    Random rnd = new Random(seed);
    long monthStart = Instant.parse("2025-05-01T00:00:00Z").toEpochMilli();
    List<StoryDigest> out = new ArrayList<>();
    List<Article> earlier = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      generator.next();
      CorpusGenerator.Truth t = generator.lastTruth();
      if (t == null) {
        continue;
      }
      // Squeeze the month's dates into the first days, keeping their order.
      long published = monthStart + (t.publishedMillis() - monthStart) % (days * 86_400_000L);
      boolean undated = rnd.nextDouble() < 0.05;
      Article a =
          Article.newBuilder()
              .setId("g:" + i)
              .setSource("generated#" + i)
              .setOutlet(rnd.nextDouble() < 0.02 ? null : t.outlet())
              .setTitle("")
              .setBody(t.body())
              .setPublished(undated ? null : Instant.ofEpochMilli(published))
              .setIngested(Instant.ofEpochMilli(published + 60_000))
              .build();
      a.setEntities(extractor.extract(a.getTitle(), a.getBody()));
      out.add(signatures.digest(a, undated ? Long.MIN_VALUE : published));
      earlier.add(a);
      if (rnd.nextDouble() < 0.03) {
        Article old = earlier.get(rnd.nextInt(earlier.size()));
        Article.Builder again =
            Article.newBuilder(old)
                .setSource(old.getSource() + "/again")
                .setIngested(old.getIngested().plusSeconds(3600 + rnd.nextInt(86_400)));
        double kind = rnd.nextDouble();
        if (kind < 0.4 && old.getPublished() != null) {
          again.setPublished(old.getPublished().plusSeconds(86_400L * (1 + rnd.nextInt(4))));
        } else if (kind < 0.7) {
          again.setBody(old.getBody() + " Updated with a correction.");
        }
        Article b = again.build();
        long bt = b.getPublished() == null ? Long.MIN_VALUE : b.getPublished().toEpochMilli();
        out.add(signatures.digest(b, bt));
      }
    }
    return out;
  }

  @Test
  void generatedHelperMakesVersionsAndUndated() {
    List<StoryDigest> d = generated(1_000, 31, 2);
    long undated = d.stream().filter(x -> x.candidate().eventTime() == Long.MIN_VALUE).count();
    TreeSet<String> ids = new TreeSet<>();
    d.forEach(x -> ids.add(x.candidate().id()));
    assertTrue(undated > 10, "undated " + undated);
    assertTrue(ids.size() < d.size(), "versions");
    assertTrue(
        d.stream().map(StoryDigest::candidate).anyMatch(c -> c.outlet() == null), "no outlet");
  }
}
