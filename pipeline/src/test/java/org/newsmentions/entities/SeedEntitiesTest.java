package org.newsmentions.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.ArticleEntity;
import org.newsmentions.schema.Span;

/**
 * The extractor on the real scraped articles in the shared seeds directory. The seeds are read from
 * disk, never copied here; each seed is passed whole as the body (title empty) after its leading "
 * date YYYY-MM-DD " header token, since parsing and boilerplate removal are another component's
 * job. Exact counts are hand-counted on the paragraph or file named in each test.
 */
class SeedEntitiesTest {
  static final EntityExtractor EXTRACTOR = new EntityExtractor(Gazetteer.loadDefault());

  static final String PUTIN = "Q7747";
  static final String XI = "Q15031";
  static final String RUSSIA = "Q159";
  static final String CHINA = "Q148";

  static String seed(String prefix) throws IOException {
    String dir = System.getProperty("seeds.dir", "");
    Path seeds = Path.of(dir.isEmpty() ? "seeds-dir-not-set" : dir);
    assumeTrue(Files.isDirectory(seeds), "seeds not found at " + seeds.toAbsolutePath());
    Path file;
    try (Stream<Path> files = Files.list(seeds)) {
      file =
          files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
    }
    assumeTrue(file != null, "seed " + prefix + "* not found at " + seeds.toAbsolutePath());
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return text.replaceFirst("^ date \\d{4}-\\d{2}-\\d{2} ", "");
  }

  /** Line {@code index} of a seed (its paragraphs are one per line). */
  static String line(String body, int index) {
    String[] lines = body.split("\n", -1);
    assumeTrue(lines.length > index, "seed has fewer lines than expected");
    return lines[index];
  }

  static Map<String, Integer> counts(String body) {
    Map<String, Integer> out = new TreeMap<>();
    for (ArticleEntity e : EXTRACTOR.extract("", body)) {
      out.put(e.getId().toString(), e.getMentions());
    }
    return out;
  }

  static List<String> spans(String body, String id) {
    String text = "\n\n" + body;
    List<String> out = new ArrayList<>();
    for (ArticleEntity e : EXTRACTOR.extract("", body)) {
      if (e.getId().toString().equals(id)) {
        for (Span s : e.getSpans()) {
          out.add(text.substring(s.getStart(), s.getEnd()));
        }
      }
    }
    return out;
  }

  @Test
  void seed001MachineTranslatedFormsResolve() throws IOException {
    String body = seed("001_");
    Map<String, Integer> c = counts(body);
    // Hand-counted over the whole file.
    assertEquals(8, c.get(PUTIN));
    assertEquals(10, c.get(XI));
    assertEquals(10, c.get(RUSSIA));
    assertEquals(5, c.get("Q649")); // Moscow
    assertEquals(2, c.get("x:person:robert-fico"));
    assertEquals(2, c.get("Q458")); // EU
    assertEquals(1, c.get("x:org:brics"));
    assertEquals(1, c.get("x:person:aleksandar-vucic"));
    assertEquals(1, c.get("x:person:yuri-ushakov"));
    assertEquals(1, c.get("x:person:nicolas-maduro")); // Maduro, written with a dropped letter
    assertEquals(1, c.get("Q403")); // Serbia, from a broken possessive
    assertEquals(1, c.get("Q61")); // Washington, from a broken possessive
    assertEquals(1, c.get("Q423")); // North Korea, from the demonym
    assertFalse(c.containsKey("x:region:korea"));
    assertFalse(c.containsKey("Q183")); // "Nazi Germany" is not Germany

    assertTrue(spans(body, PUTIN).contains("Poutine"));
    assertTrue(spans(body, XI).contains("XIS"));
    assertTrue(spans(body, XI).contains("XI"));
    assertTrue(spans(body, "x:person:aleksandar-vucic").contains("Aleksandar Vucic"));
    assertTrue(String.join("|", spans(body, "x:person:nicolas-maduro")).endsWith("Maduro"));
  }

  @Test
  void seed004CompoundCountsEachCountry() throws IOException {
    String body = seed("004_");
    String paragraph = line(body, 2);
    assertEquals(Map.of(XI, 1, PUTIN, 1, CHINA, 1, RUSSIA, 1), counts(paragraph));
    String text = "\n\n" + paragraph;
    ArticleEntity china = find(paragraph, CHINA);
    ArticleEntity russia = find(paragraph, RUSSIA);
    int chinaEnd = china.getSpans().get(0).getEnd();
    int russiaStart = russia.getSpans().get(0).getStart();
    assertEquals("-", text.substring(chinaEnd, russiaStart));

    assertEquals(Map.of(CHINA, 1, XI, 1, RUSSIA, 1, PUTIN, 1, "Q956", 1), counts(line(body, 1)));
  }

  @Test
  void seed003RussianChineseCountsBothCountries() throws IOException {
    String body = seed("003_");
    assertEquals(Map.of(PUTIN, 1, XI, 1, RUSSIA, 1, CHINA, 1), counts(line(body, 0)));
    // A paragraph with a bare title ("the Russian president"), two hyphenated
    // Russian-Chinese compounds and one possessive of Xi.
    assertEquals(Map.of(RUSSIA, 3, CHINA, 2, XI, 1), counts(line(body, 13)));
  }

  @Test
  void seed000HistoricalStatesAndTheKremlin() throws IOException {
    String body = seed("000_");
    Map<String, Integer> c = counts(body);
    assertEquals(2, c.get("Q7318")); // Nazi Germany
    assertFalse(c.containsKey("Q183"));
    assertEquals(1, c.get("Q15180")); // Soviet Union
    assertEquals(2, c.get("x:kremlin"));
    assertEquals(1, c.get("Q3874799")); // Zelenskiy
  }

  @Test
  void seed002Standfirst() throws IOException {
    String body = seed("002_");
    assertEquals(Map.of(CHINA, 1, XI, 1, RUSSIA, 1, PUTIN, 1, "Q649", 1), counts(line(body, 0)));
  }

  @Test
  void throughputOnSeedText() throws IOException {
    List<String> articles = new ArrayList<>();
    for (String p : List.of("000_", "001_", "002_", "003_", "004_")) {
      articles.add(seed(p));
    }
    long chars = 0;
    for (String a : articles) {
      chars += a.length();
    }
    for (int i = 0; i < 300; i++) { // warm-up
      EXTRACTOR.extract("", articles.get(i % articles.size()));
    }
    int rounds = 3000;
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    int found = 0;
    for (int r = 0; r < rounds; r++) {
      for (String a : articles) {
        found += EXTRACTOR.extract("", a).size();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double mb = chars * (double) rounds / 1e6;
    // CPU time is the fairer figure on a shared machine; wall time is printed too.
    System.out.printf(
        Locale.ROOT,
        "EntityExtractor throughput: %.1f MB, %.1f MB/s of thread CPU time (%.1f MB/s wall),"
            + " %d entities%n",
        mb,
        mb / cpuSeconds,
        mb / seconds,
        found);
    assertTrue(found > 0);
  }

  private static ArticleEntity find(String body, String id) {
    for (ArticleEntity e : EXTRACTOR.extract("", body)) {
      if (e.getId().toString().equals(id)) {
        return e;
      }
    }
    throw new AssertionError(id + " not found");
  }
}
