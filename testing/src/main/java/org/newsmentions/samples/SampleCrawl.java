package org.newsmentions.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes {@code samples/warc/sample-crawl.warc.gz}: a small crawl, in the layout Common Crawl News
 * publishes, of the sample pages in {@code samples/html/}. Each page is fetched at its canonical
 * URL (request, response and metadata records, as a crawler writes them), and the crawl also holds
 * what a real one meets that is not an article: its warcinfo record, a redirect, a 404 page and a
 * {@code robots.txt}. The output is byte-for-byte reproducible (fixed dates, record ids derived
 * from the content), so a test can check that the committed file is what this class makes.
 *
 * <p>{@code main HTML_DIR OUT_FILE}; {@code scripts/make-sample-warc.sh} runs it.
 */
public final class SampleCrawl {
  /** When the crawl started; each page is fetched a minute after the one before. */
  static final Instant CRAWL_START = Instant.parse("2025-05-09T10:00:00Z");

  private SampleCrawl() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SampleCrawl HTML_DIR OUT_FILE");
      System.exit(2);
    }
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(out)) {
      write(Path.of(args[0]), os);
    }
    System.out.println("wrote " + out);
  }

  /** Writes the crawl of the pages under {@code htmlDir} (sorted by file name) to {@code out}. */
  public static void write(Path htmlDir, OutputStream out) throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.list(htmlDir)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    if (pages.isEmpty()) {
      throw new IOException("no .html pages in " + htmlDir);
    }
    try (WarcWriter w = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
      Instant at = CRAWL_START;
      byte[] info =
          "software: news-mentions SampleCrawl\r\nformat: WARC File Format 1.1\r\n"
              .getBytes(StandardCharsets.UTF_8);
      w.write(
          new Warcinfo.Builder()
              .recordId(id("warcinfo"))
              .date(at)
              .filename("sample-crawl.warc.gz")
              .body(MediaType.WARC_FIELDS, info)
              .build());
      String firstUrl = null;
      for (Path page : pages) {
        byte[] html = Files.readAllBytes(page);
        String url = canonicalUrl(page, html);
        firstUrl = firstUrl == null ? url : firstUrl;
        at = at.plus(Duration.ofMinutes(1));
        writeFetch(w, url, at, 200, "OK", "text/html; charset=utf-8", html);
        w.write(
            new WarcMetadata.Builder()
                .recordId(id("metadata " + url))
                .targetURI(url)
                .date(at)
                .body(
                    MediaType.WARC_FIELDS,
                    ("fetchTimeMs: " + (120 + html.length % 97) + "\r\n")
                        .getBytes(StandardCharsets.UTF_8))
                .build());
      }
      URI first = URI.create(firstUrl);
      String site = first.getScheme() + "://" + first.getHost();
      at = at.plus(Duration.ofMinutes(1));
      writeFetch(w, site + "/robots.txt", at, 200, "OK", "text/plain", ascii("User-agent: *\n"));
      writeFetch(
          w,
          "http://" + first.getHost() + first.getPath(),
          at,
          301,
          "Moved Permanently",
          "text/html",
          ascii("<html><body>Moved to <a href=\"" + firstUrl + "\">here</a></body></html>"));
      writeFetch(
          w,
          site + "/europe/2025/05/08/page-that-was-taken-down",
          at,
          404,
          "Not Found",
          "text/html",
          ascii("<html><head><title>Page not found</title></head><body>Not found</body></html>"));
    }
  }

  /** A request record and its response record, as a crawler writes one fetch. */
  private static void writeFetch(
      WarcWriter w, String url, Instant at, int status, String reason, String type, byte[] body)
      throws IOException {
    URI u = URI.create(url);
    String request = "GET " + u.getRawPath() + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\n\r\n";
    w.write(
        new WarcRequest.Builder(url)
            .recordId(id("request " + url + " " + status))
            .date(at)
            .body(MediaType.HTTP_REQUEST, ascii(request))
            .build());
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] http = new byte[head.length() + body.length];
    System.arraycopy(ascii(head), 0, http, 0, head.length());
    System.arraycopy(body, 0, http, head.length(), body.length);
    w.write(
        new WarcResponse.Builder(url)
            .recordId(id("response " + url + " " + status))
            .date(at)
            .body(MediaType.HTTP_RESPONSE, http)
            .build());
  }

  /** The page's {@code link rel=canonical}, else its {@code og:url}. */
  private static String canonicalUrl(Path page, byte[] html) throws IOException {
    Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    Element link = doc.selectFirst("link[rel=canonical][href]");
    if (link != null) {
      return link.attr("href");
    }
    Element og = doc.selectFirst("meta[property=og:url][content]");
    if (og != null) {
      return og.attr("content");
    }
    throw new IOException(page + " has neither a canonical link nor og:url to fetch it at");
  }

  /** A record id derived from what the record is, so the file is the same every time. */
  private static URI id(String what) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < 8; i++) {
        hi = hi << 8 | (h[i] & 0xff);
        lo = lo << 8 | (h[i + 8] & 0xff);
      }
      return URI.create("urn:uuid:" + new UUID(hi, lo));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
