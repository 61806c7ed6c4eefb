package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.newsmentions.options.NewsMentionsOptions;

/**
 * Every record read is an article, a dead letter or skipped with its reason, and the run report's
 * accounting adds up, on input that mixes good, bad, skipped, duplicate and superseded records.
 */
class RecordAccountingPipelineTest {
  private static final String STORY =
      " date 2025-05-07 Harbour Bridge Reopens After Repairs\n\n"
          + "The harbour bridge reopened to traffic on Wednesday after eight months of repairs,"
          + " the council said, and the ferries that replaced it will stop running next week.\n\n"
          + "Engineers replaced the deck and two of the cables; the bridge will be inspected"
          + " again in the spring.";
  private static final String URL = "https://news.example/2025/05/07/ferry-fares";
  private static final String PAGE =
      "<!DOCTYPE html><html lang=\"en\"><head><title>Ferry fares to rise in June</title>"
          + "<link rel=\"canonical\" href=\""
          + URL
          + "\"><meta property=\"article:published_time\" content=\"2025-05-07T09:00:00Z\">"
          + "</head><body><article><h1>Ferry fares to rise in June</h1><p>The island ferry"
          + " company said on Wednesday that fares would rise by six percent in June, the first"
          + " rise in three years, because fuel and crew costs have gone up.</p></article>"
          + "</body></html>";

  @Test
  void recordsReadAreArticlesPlusDeadLettersPlusSkipped(@TempDir Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("a.txt"), STORY);
    Files.writeString(in.resolve("copy-of-a.txt"), STORY); // a duplicate: an article, marked
    Files.write(in.resolve("binary.txt"), new byte[] {0, 1, 2, 0, 0, 3, 0, 4, 5, 0});
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Files.writeString(
        in.resolve("lines.jsonl"),
        "{\"title\": \"Port strike ends\", \"maintext\": \"Dock workers returned on Monday after"
            + " a four-day strike over pay.\", \"date_publish\": \"2025-05-05 08:00:00\"}\n"
            + "\n"
            + "{\"title\": \"Cut off\n"
            + "{\"title\": \"Lighthouse repainted\", \"maintext\": \"Volunteers repainted the old"
            + " lighthouse over the weekend.\", \"date_publish\": \"2025-05-06 08:00:00\"}\n");
    Files.writeString(in.resolve("page.html"), PAGE);
    try (OutputStream os = Files.newOutputStream(in.resolve("crawl.warc.gz"))) {
      writeCrawl(os);
    }
    Path out = dir.resolve("out");

    NewsMentionsOptions options =
        PipelineOptionsFactory.fromArgs("--input=" + in + "/*", "--output=" + out, "--format=json")
            .as(NewsMentionsOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    NewsMentionsPipeline.build(pipeline, options, Fixtures.CLOCK);
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    RecordAccounting accounting = RecordAccounting.of(ProgressLog.counterTotals(result));
    assertTrue(accounting.balanced(), accounting.line());
    // a, copy, binary, empty; 3 JSON lines and a blank one; the page; 5 WARC records.
    assertEquals(14, accounting.read(), accounting.line());
    // a, its copy, two JSON articles, and the page (read twice: once from the file, once from
    // the crawl, under one id; one version supersedes the other).
    assertEquals(5, accounting.articles(), accounting.line());
    assertEquals(3, accounting.deadLetters(), accounting.line()); // binary, empty, cut JSON
    assertEquals(
        Map.of(
            "WARC warcinfo", 1L,
            "WARC request", 1L,
            "WARC http error", 1L,
            "WARC not html", 1L,
            "blank JSON line", 1L,
            "superseded by the same id", 1L),
        accounting.skipped(),
        accounting.line());
    // What the counters say is what the sinks wrote.
    assertEquals(accounting.articles(), lines(out.resolve("articles")).size());
    assertEquals(accounting.deadLetters(), lines(out.resolve("dead-letter")).size());
    long copies = lines(out.resolve("articles")).stream().filter(l -> l.contains("\"t:")).count();
    assertEquals(0, copies, "no id is made from the text");
    assertEquals(
        1,
        lines(out.resolve("articles")).stream()
            .filter(l -> l.contains("\"duplicate_of\":\"") || l.contains("\"duplicate_of\": \""))
            .count(),
        "the copy of a.txt is marked as a duplicate");
  }

  private static void writeCrawl(OutputStream os) throws IOException {
    Instant at = Instant.parse("2025-05-07T12:00:00Z");
    try (WarcWriter w = new WarcWriter(Channels.newChannel(os), WarcCompression.GZIP)) {
      w.write(new Warcinfo.Builder().filename("crawl.warc.gz").date(at).build());
      w.write(
          new WarcRequest.Builder(URL)
              .date(at)
              .body(
                  MediaType.HTTP_REQUEST,
                  "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII))
              .build());
      w.write(response(URL, at, 200, "text/html; charset=utf-8", PAGE));
      w.write(response("https://news.example/gone", at, 404, "text/html", "<p>gone</p>"));
      w.write(response("https://news.example/logo.png", at, 200, "image/png", "PNG"));
    }
  }

  private static WarcResponse response(String url, Instant at, int status, String type, String b)
      throws IOException {
    byte[] body = b.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream http = new ByteArrayOutputStream();
    http.write(
        ("HTTP/1.1 "
                + status
                + " X\r\nContent-Type: "
                + type
                + "\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    http.write(body);
    return new WarcResponse.Builder(url)
        .date(at)
        .body(MediaType.HTTP_RESPONSE, http.toByteArray())
        .build();
  }

  private static List<String> lines(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .flatMap(
              p -> {
                try {
                  return Files.readAllLines(p).stream().filter(l -> !l.isBlank());
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}
