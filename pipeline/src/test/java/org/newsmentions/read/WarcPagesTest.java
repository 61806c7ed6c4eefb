package org.newsmentions.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.newsmentions.Fixtures;
import org.newsmentions.parse.HtmlSniffer;

class WarcPagesTest {
  private static final Instant FETCHED = Instant.parse("2025-05-08T10:15:00Z");
  private static final String PAGE =
      "<!DOCTYPE html><html lang=\"en\"><head><title>Talks resume</title></head>"
          + "<body><p>Negotiators met again.</p></body></html>";

  /** A crawl as Common Crawl writes one: every record type a reader meets. */
  private static byte[] crawl(WarcCompression compression) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(out), compression)) {
      w.write(new Warcinfo.Builder().filename("crawl.warc").date(FETCHED).build());
      w.write(
          new WarcRequest.Builder("https://news.example/a")
              .date(FETCHED)
              .body(MediaType.HTTP_REQUEST, http("GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"))
              .build());
      w.write(response("https://news.example/a", 200, "text/html; charset=utf-8", PAGE));
      w.write(response("https://news.example/old", 301, "text/html", ""));
      w.write(response("https://news.example/gone", 404, "text/html", "<html>not found</html>"));
      w.write(response("https://news.example/logo.png", 200, "image/png", "\u0089PNG"));
      w.write(response("https://news.example/b", 200, null, PAGE));
      w.write(
          new WarcRevisit.Builder("https://news.example/a", java.net.URI.create("urn:x"))
              .date(FETCHED)
              .build());
      w.write(
          new WarcMetadata.Builder()
              .targetURI("https://news.example/a")
              .date(FETCHED)
              .body(MediaType.WARC_FIELDS, "fetchTimeMs: 12\r\n".getBytes(StandardCharsets.UTF_8))
              .build());
      w.write(gzippedResponse("https://news.example/c", PAGE));
    }
    return out.toByteArray();
  }

  private static byte[] http(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static WarcResponse response(String url, int status, String type, String body)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " X\r\n"
            + (type == null ? "" : "Content-Type: " + type + "\r\n")
            + "Content-Length: "
            + b.length
            + "\r\n\r\n";
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(http(head));
    all.write(b);
    return new WarcResponse.Builder(url)
        .date(FETCHED)
        .body(MediaType.HTTP_RESPONSE, all.toByteArray())
        .build();
  }

  private static WarcResponse gzippedResponse(String url, String body) throws IOException {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(z)) {
      g.write(body.getBytes(StandardCharsets.UTF_8));
    }
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
            + "Content-Length: "
            + z.size()
            + "\r\n\r\n";
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(http(head));
    all.write(z.toByteArray());
    return new WarcResponse.Builder(url)
        .date(FETCHED)
        .body(MediaType.HTTP_RESPONSE, all.toByteArray())
        .build();
  }

  private static Fixtures.WarcContents read(byte[] warc, int maxBytes) throws IOException {
    return Fixtures.readWarc(new ByteArrayInputStream(warc), maxBytes);
  }

  @ParameterizedTest
  @EnumSource(WarcCompression.class)
  void onlyHtmlResponsesWithStatus200ArePagesAndTheRestIsCountedByReason(WarcCompression c)
      throws IOException {
    Fixtures.WarcContents r = read(crawl(c), 1 << 20);
    assertEquals(
        List.of("https://news.example/a", "https://news.example/b", "https://news.example/c"),
        r.pages().stream().map(WarcPages.Page::url).toList());
    assertEquals(
        Map.of(
            WarcPages.Skip.WARCINFO, 1,
            WarcPages.Skip.REQUEST, 1,
            WarcPages.Skip.REDIRECT, 1,
            WarcPages.Skip.HTTP_ERROR, 1,
            WarcPages.Skip.NOT_HTML, 1,
            WarcPages.Skip.REVISIT, 1,
            WarcPages.Skip.METADATA, 1),
        r.skipped());
    WarcPages.Page a = r.pages().get(0);
    assertEquals(FETCHED, a.fetched());
    assertEquals("text/html; charset=utf-8", a.contentType());
    assertArrayEquals(PAGE.getBytes(StandardCharsets.UTF_8), a.body());
    // No Content-Type: recognised by its first bytes.
    assertNull(r.pages().get(1).contentType());
    // Content-Encoding: gzip is undone.
    assertArrayEquals(PAGE.getBytes(StandardCharsets.UTF_8), r.pages().get(2).body());
    // Each page has its own offset within the file: its id there.
    assertEquals(3, r.pages().stream().map(WarcPages.Page::offset).distinct().count());
  }

  @Test
  void aBodyIsCutOneByteAfterTheLimitSoTheParserCanTellItIsOversize() throws IOException {
    Fixtures.WarcContents r = read(crawl(WarcCompression.GZIP), 20);
    assertEquals(21, r.pages().get(0).body().length);
  }

  @Test
  void aFileThatIsNotWarcFailsWithAnIoError() {
    byte[] text = "just some text, not a crawl\n".getBytes(StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> read(text, 1000));
  }

  @Test
  void aTruncatedFileDeliversTheRecordsBeforeTheCutThenFails() throws IOException {
    byte[] whole = crawl(WarcCompression.NONE);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 40);
    List<String> urls = new ArrayList<>();
    assertThrows(
        IOException.class,
        () ->
            WarcPages.read(
                new ByteArrayInputStream(cut),
                1 << 20,
                new WarcPages.Sink() {
                  @Override
                  public void page(WarcPages.Page page) {
                    urls.add(page.url());
                  }

                  @Override
                  public void skipped(WarcPages.Skip reason) {}
                }));
    assertEquals(List.of("https://news.example/a", "https://news.example/b"), urls);
  }

  @Test
  void skipReasonsHaveCounterNames() {
    assertEquals("warcSkipped_notHtml", WarcPages.Skip.NOT_HTML.counterName());
    assertEquals("warcSkipped_request", WarcPages.Skip.REQUEST.counterName());
  }

  @Test
  void sniffingFindsPagesByTheirFirstBytes() {
    assertTrue(HtmlSniffer.looksLikeHtml(utf8("\uFEFF  <!-- hi --><!DOCTYPE html><p>")));
    assertTrue(HtmlSniffer.looksLikeHtml(utf8("<?xml version=\"1.0\"?>\n<html xmlns=...>")));
    assertTrue(HtmlSniffer.looksLikeHtml(utf8("\n<HTML>")));
    assertTrue(HtmlSniffer.looksLikeHtml("<html>".getBytes(StandardCharsets.UTF_16)));
    assertFalse(HtmlSniffer.looksLikeHtml(utf8("{\"url\": \"https://x\"}")));
    assertFalse(HtmlSniffer.looksLikeHtml(utf8("Talks resume <html> in the text")));
    assertFalse(HtmlSniffer.looksLikeHtml(utf8("<htmlfoo>")));
    assertFalse(HtmlSniffer.looksLikeHtml(new byte[0]));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
