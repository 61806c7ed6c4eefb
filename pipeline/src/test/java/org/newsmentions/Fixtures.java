package org.newsmentions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.newsmentions.entities.Gazetteer;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.read.WarcPages;

/** Shared inputs and settings for pipeline tests. */
public final class Fixtures {
  /** Tests run as if it were this moment, so "future date" checks are deterministic. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

  private Fixtures() {}

  /** The defaults, parsing with {@link #CLOCK}; streaming or batch. */
  public static NewsMentions.Settings settings(boolean streaming) {
    return NewsMentions.Settings.defaults()
        .withParser(ParserSettings.defaults().withClock(CLOCK))
        .withGazetteer(GAZETTEER)
        .withStreaming(streaming);
  }

  /** The bundled scraper text and JSON-lines samples (repo's samples/ folder), sorted. */
  public static List<Path> sampleFiles() {
    return samples(".txt", ".jsonl");
  }

  /** Every bundled sample: text, JSON lines, HTML pages and the WARC crawl, sorted. */
  public static List<Path> allSampleFiles() {
    return samples(".txt", ".jsonl", ".html", ".warc.gz");
  }

  private static List<Path> samples(String... endings) {
    Path root = Path.of("..", "samples").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> Stream.of(endings).anyMatch(e -> p.toString().endsWith(e)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared seed articles; skips the calling test with a message when they are absent. */
  public static Path seedsDir() {
    String dir = System.getProperty("seeds.dir", "../../shared/seeds");
    Path p = Path.of(dir).toAbsolutePath().normalize();
    assumeTrue(
        Files.isDirectory(p),
        "seed articles not found at "
            + p
            + " (they live in ../shared/seeds beside a checkout);"
            + " skipping");
    return p;
  }

  /** What a WARC holds, as {@link WarcPages} reads it: its pages and its skipped records. */
  public record WarcContents(List<WarcPages.Page> pages, Map<WarcPages.Skip, Integer> skipped) {}

  /** Reads a whole WARC with {@link WarcPages}, bodies cut to {@code maxBytes}. */
  public static WarcContents readWarc(InputStream in, int maxBytes) throws IOException {
    List<WarcPages.Page> pages = new ArrayList<>();
    Map<WarcPages.Skip, Integer> skipped = new EnumMap<>(WarcPages.Skip.class);
    WarcPages.read(
        in,
        maxBytes,
        new WarcPages.Sink() {
          @Override
          public void page(WarcPages.Page page) {
            pages.add(page);
          }

          @Override
          public void skipped(WarcPages.Skip reason) {
            skipped.merge(reason, 1, Integer::sum);
          }
        });
    return new WarcContents(pages, skipped);
  }
}
