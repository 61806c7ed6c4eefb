package org.newsmentions.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsmentions.Fixtures;
import org.newsmentions.read.WarcPages;

/** The committed sample crawl is what {@link SampleCrawl} makes of the sample pages. */
class SampleCrawlTest {
  private static final Path HTML = Path.of("../samples/html");
  private static final Path CRAWL = Path.of("../samples/warc/sample-crawl.warc.gz");

  @Test
  void theCommittedCrawlIsUpToDateWithTheSamplePages() throws IOException {
    ByteArrayOutputStream made = new ByteArrayOutputStream();
    SampleCrawl.write(HTML, made);
    assertArrayEquals(
        Files.readAllBytes(CRAWL),
        made.toByteArray(),
        "samples/warc/sample-crawl.warc.gz is stale: run scripts/make-sample-warc.sh");
  }

  @Test
  void theCrawlHoldsEveryPageOnceAndTheRecordsARealCrawlSkips() throws IOException {
    Fixtures.WarcContents crawl;
    try (InputStream in = Files.newInputStream(CRAWL)) {
      crawl = Fixtures.readWarc(in, 1 << 20);
    }
    List<String> urls = crawl.pages().stream().map(WarcPages.Page::url).toList();
    Map<WarcPages.Skip, Integer> skipped = crawl.skipped();
    long pages;
    try (var files = Files.list(HTML)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).count();
    }
    assertEquals(pages, urls.size(), urls.toString());
    assertEquals(
        Map.of(
            WarcPages.Skip.WARCINFO, 1,
            WarcPages.Skip.REQUEST, (int) pages + 3,
            WarcPages.Skip.METADATA, (int) pages,
            WarcPages.Skip.REDIRECT, 1,
            WarcPages.Skip.HTTP_ERROR, 1,
            WarcPages.Skip.NOT_HTML, 1),
        skipped);
  }
}
