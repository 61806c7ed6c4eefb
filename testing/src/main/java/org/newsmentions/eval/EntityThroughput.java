package org.newsmentions.eval;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsmentions.bench.CorpusGenerator;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.entities.ner.NerTagger;
import org.newsmentions.parse.ArticleParser;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * Single-threaded throughput of the plain-Java entity extractor, on the benchmark's generated
 * corpus (parsed as the pipeline parses it) and on the dev set's gold texts, for the gazetteer
 * alone, the open-set rules and the statistical tagger; with the tagger model's heap. A benchmark,
 * not a test: numbers depend on the machine. Times are the thread's CPU time, so other processes on
 * a shared machine do not count against it.
 */
final class EntityThroughput {
  private EntityThroughput() {}

  /** Generated articles timed (seed 42, as the benchmark's corpus). */
  static final int GENERATED = 2_000;

  private record Corpus(String name, List<String[]> texts, long bytes, long tokens) {}

  static void run(List<DevSet.Item> items, Gazetteer gazetteer, PrintStream out) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    NerTagger tagger = NerTagger.bundled();
    long after = usedAfterGc(memory);
    out.println("## Entity extractor throughput (one thread)");
    out.println();
    out.printf(
        Locale.ROOT,
        "NER model: %d weighted features; heap %.1f MB by MemoryMXBean (used heap after GC,"
            + " before and after loading), %.1f MB of arrays by count. Trained: %s.%n%n",
        tagger.features(),
        (after - before) / 1e6,
        tagger.heapBytes() / 1e6,
        tagger.description());

    List<Corpus> corpora = List.of(generated(), devSet(items));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    out.println(
        "| corpus | extractor | tokens/s (CPU) | articles/s (CPU) | MB/s (CPU) | MB/s (wall) |");
    out.println("|---|---|---|---|---|---|");
    EntityExtractor base = new EntityExtractor(gazetteer);
    for (Corpus c : corpora) {
      // Each configuration runs twice and only the second is printed, so JIT order does not matter.
      String[] configs = {"gazetteer", "rules", "ner", "gazetteer", "rules", "ner"};
      for (int run = 0; run < configs.length; run++) {
        EntityExtractor extractor =
            switch (configs[run]) {
              case "gazetteer" -> base.withOpenSet(false);
              case "rules" -> base.withRecognizer(EntityExtractor.Recognizer.RULES);
              default -> base.withRecognizer(EntityExtractor.Recognizer.NER);
            };
        long sink = 0;
        long warmStart = System.nanoTime();
        while (System.nanoTime() - warmStart < 1_500_000_000L) {
          for (String[] t : c.texts()) {
            sink += extractor.extract(t[0], t[1]).size();
          }
        }
        int rounds = 0;
        long start = System.nanoTime();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long elapsed;
        do {
          for (String[] t : c.texts()) {
            sink += extractor.extract(t[0], t[1]).size();
          }
          rounds++;
          elapsed = System.nanoTime() - start;
        } while (elapsed < 3_000_000_000L);
        double seconds = elapsed / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (run < configs.length / 2) {
          continue;
        }
        out.printf(
            Locale.ROOT,
            "| %s | %s | %,.0f | %,.0f | %.1f | %.1f |%n",
            c.name(),
            switch (configs[run]) {
              case "gazetteer" -> "gazetteer only";
              case "rules" -> "gazetteer + rules";
              default -> "gazetteer + NER tagger + rules (default)";
            },
            c.tokens() * (double) rounds / cpuSeconds,
            c.texts().size() * (double) rounds / cpuSeconds,
            c.bytes() * (double) rounds / cpuSeconds / 1e6,
            c.bytes() * (double) rounds / seconds / 1e6);
        if (sink == 42) {
          out.println();
        }
      }
    }
    out.println();
    out.println("Target: 200,000 tokens/s on one core on the generated corpus.");
    out.println();
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** The benchmark's generated articles, parsed as the pipeline parses them. */
  private static Corpus generated() {
    ArticleParser parser =
        new ArticleParser(
            ParserSettings.defaults()
                .withClock(
                    Clock.fixed(
                        CorpusGenerator.monthEnd(java.time.YearMonth.of(2026, 1)),
                        ZoneOffset.UTC)));
    List<String[]> texts = new ArrayList<>();
    for (CorpusGenerator.Record r : CorpusGenerator.sample(42, GENERATED)) {
      RawArticle raw =
          RawArticle.newBuilder()
              .setSource("generated")
              .setFormat(r.jsonLine() ? RawFormat.JSON_LINE : RawFormat.RAW_TEXT)
              .setIngested(java.time.Instant.EPOCH)
              .setPayload(java.nio.ByteBuffer.wrap(r.bytes()))
              .build();
      try {
        Article a = parser.parse(raw).article();
        texts.add(new String[] {a.getTitle(), a.getBody()});
      } catch (BadArticleException | RuntimeException e) {
        // a record the pipeline dead-letters: not extracted
      }
    }
    return corpus("generated (" + texts.size() + " articles, seed 42)", texts);
  }

  private static Corpus devSet(List<DevSet.Item> items) {
    List<String[]> texts = new ArrayList<>();
    for (DevSet.Item item : items) {
      texts.add(new String[] {item.gold().title(), String.join("\n\n", item.gold().body())});
    }
    return corpus("dev set (" + texts.size() + " gold texts)", texts);
  }

  private static Corpus corpus(String name, List<String[]> texts) {
    long bytes = 0;
    long tokens = 0;
    for (String[] t : texts) {
      String text = t[0] + "\n\n" + t[1];
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
      tokens += EntityExtractor.tokenRanges(text).length;
    }
    return new Corpus(name, texts, bytes, tokens);
  }
}
