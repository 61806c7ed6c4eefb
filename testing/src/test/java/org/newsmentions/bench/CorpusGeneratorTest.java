package org.newsmentions.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.dedup.TextFingerprint;

class CorpusGeneratorTest {
  @Test
  void sameSeedSameBytes() {
    List<CorpusGenerator.Record> a = CorpusGenerator.sample(7, 300);
    List<CorpusGenerator.Record> b = CorpusGenerator.sample(7, 300);
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).bytes(), b.get(i).bytes(), "record " + i);
    }
  }

  @Test
  void recordsHaveTheShapeScrapersProduce() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<CorpusGenerator.Role, Integer> roles = new EnumMap<>(CorpusGenerator.Role.class);
    long bytes = 0;
    int good = 0;
    List<CorpusGenerator.Record> records = CorpusGenerator.sample(3, 2000);
    for (CorpusGenerator.Record r : records) {
      roles.merge(r.role(), 1, Integer::sum);
      if (r.role() == CorpusGenerator.Role.BAD) {
        continue;
      }
      good++;
      bytes += r.bytes().length;
      String text = new String(r.bytes(), StandardCharsets.UTF_8);
      if (r.jsonLine()) {
        JsonNode n = json.readTree(text);
        for (String f :
            List.of("url", "source_domain", "title", "maintext", "date_download", "language")) {
          assertTrue(n.hasNonNull(f), f + " in " + text);
        }
        assertTrue(!text.contains("\n"), "one line");
      } else {
        assertTrue(text.contains("TRENDING"), text);
        assertTrue(text.contains("Read next"), text);
      }
    }
    double avg = (double) bytes / good;
    assertTrue(avg > 2000 && avg < 4500, "about 3 KB an article: " + avg);
    double syndicated = roles.get(CorpusGenerator.Role.SYNDICATED) / (double) records.size();
    assertTrue(syndicated > 0.25 && syndicated < 0.35, "30% syndicated: " + syndicated);
    assertTrue(roles.get(CorpusGenerator.Role.BAD) > 5, "some bad records: " + roles);
  }

  @Test
  void writesBlocksThatDoNotDependOnThreads(@TempDir Path tmp) throws Exception {
    CorpusGenerator.Settings s = CorpusGenerator.Settings.defaults(11);
    CorpusGenerator.Summary one = CorpusGenerator.write(12_000, tmp.resolve("one"), s, 1);
    CorpusGenerator.Summary two = CorpusGenerator.write(12_000, tmp.resolve("two"), s, 2);
    assertEquals(one.bytes(), two.bytes());
    assertEquals(12_000, one.jsonLines() + one.rawFiles());
    Properties p = new Properties();
    try (var in = Files.newInputStream(tmp.resolve("one/corpus.properties"))) {
      p.load(in);
    }
    assertEquals("12000", p.getProperty("articles"));
    try (Stream<Path> dirs = Files.list(tmp.resolve("one/raw"))) {
      dirs.forEach(
          d -> {
            try (Stream<Path> files = Files.list(d)) {
              assertTrue(files.count() <= CorpusGenerator.FILES_PER_RAW_DIR, d.toString());
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("one/jsonl/part-00001.jsonl")),
        Files.readAllBytes(tmp.resolve("two/jsonl/part-00001.jsonl")));
  }

  /** {@code --days=1} puts every article, copies included, on the month's first day. */
  @Test
  void daysSqueezesPublicationIntoTheFirstDays() {
    CorpusGenerator g = new CorpusGenerator(CorpusGenerator.Settings.defaults(7).withDays(1));
    long start = java.time.Instant.parse("2025-05-01T00:00:00Z").toEpochMilli();
    int seen = 0;
    for (int i = 0; i < 2000; i++) {
      g.next();
      CorpusGenerator.Truth t = g.lastTruth();
      if (t != null) {
        seen++;
        org.junit.jupiter.api.Assertions.assertTrue(
            t.publishedMillis() >= start && t.publishedMillis() < start + 86_400_000L,
            "published " + java.time.Instant.ofEpochMilli(t.publishedMillis()));
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(seen > 1900);
  }

  /**
   * The README's corpus note quotes these medians: unrelated generated articles must share about as
   * few word 2-grams as unrelated dev-set articles, or LSH sees far more chance candidates than
   * real news would give it.
   */
  @Test
  void unrelatedArticlesShareAsFewWordPairsAsTheDevSet() throws Exception {
    CorpusGenerator g = new CorpusGenerator(CorpusGenerator.Settings.defaults(42));
    List<long[]> originals = new ArrayList<>();
    while (originals.size() < 1000) {
      g.next();
      CorpusGenerator.Truth t = g.lastTruth();
      if (t != null && t.role() == CorpusGenerator.Role.ORIGINAL) {
        originals.add(shingles(t.body()));
      }
    }
    ObjectMapper json = new ObjectMapper();
    List<long[]> dev = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("../eval/devset/gold.jsonl"))) {
      StringBuilder body = new StringBuilder();
      json.readTree(line).get("body").forEach(p -> body.append(p.asText()).append("\n\n"));
      dev.add(shingles(body.toString()));
    }
    double[] generated = randomPairJaccard(originals);
    double[] devSet = randomPairJaccard(dev);
    System.out.printf(
        Locale.ROOT,
        "2-gram Jaccard of random pairs: generated originals p50 %.3f p90 %.3f; dev set p50 %.3f"
            + " p90 %.3f%n",
        generated[0],
        generated[1],
        devSet[0],
        devSet[1]);
    assertTrue(generated[0] < 2 * devSet[0] + 0.01, "median " + generated[0]);
    assertTrue(generated[1] < 2 * devSet[1] + 0.01, "90th percentile " + generated[1]);
  }

  private static long[] shingles(String body) {
    return Arrays.stream(TextFingerprint.shingles(body, 2)).distinct().sorted().toArray();
  }

  /** Median and 90th percentile of the Jaccard similarity of 5,000 random distinct pairs. */
  private static double[] randomPairJaccard(List<long[]> sets) {
    Random r = new Random(1);
    double[] js = new double[5000];
    for (int k = 0; k < js.length; ) {
      int a = r.nextInt(sets.size());
      int b = r.nextInt(sets.size());
      if (a != b) {
        js[k++] = jaccard(sets.get(a), sets.get(b));
      }
    }
    Arrays.sort(js);
    return new double[] {js[js.length / 2], js[js.length * 9 / 10]};
  }

  private static double jaccard(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common / (double) (a.length + b.length - common);
  }
}
