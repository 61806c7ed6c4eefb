package org.newsmentions.read;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.newsmentions.parse.HtmlSniffer;

/**
 * Streams the HTML pages out of a WARC file (plain or gzip, as Common Crawl News publishes them),
 * one record at a time, with jwarc: a file of a gigabyte is never held in memory. A {@code
 * response} record with HTTP status 200 and an HTML content type is one page; every other record is
 * skipped with its reason, so a caller can count what it did not read.
 */
public final class WarcPages {
  private WarcPages() {}

  /** Why a WARC record is not a page. */
  public enum Skip {
    /** {@code request} records: what the crawler sent. */
    REQUEST,
    /** {@code metadata} records (link lists, fetch timings). */
    METADATA,
    /** {@code warcinfo} records: the file's own description. */
    WARCINFO,
    /** {@code revisit} records: the payload was unchanged and is stored elsewhere. */
    REVISIT,
    /** Any other record type ({@code resource}, {@code conversion}, {@code continuation}...). */
    OTHER_RECORD,
    /** HTTP 3xx. */
    REDIRECT,
    /** HTTP 4xx and 5xx. */
    HTTP_ERROR,
    /** Another status than 200 outside the ranges above (204, 206, 1xx...). */
    OTHER_STATUS,
    /** A 200 response whose content is not HTML (images, PDFs, feeds, scripts). */
    NOT_HTML;

    /** The counter name, e.g. {@code warcSkipped_notHtml}. */
    public String counterName() {
      String[] words = name().toLowerCase(Locale.ROOT).split("_");
      StringBuilder b = new StringBuilder("warcSkipped_").append(words[0]);
      for (int i = 1; i < words.length; i++) {
        b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      }
      return b.toString();
    }
  }

  /**
   * One fetched page.
   *
   * @param offset the record's byte offset in the (possibly compressed) file: its id within it
   * @param url the {@code WARC-Target-URI}
   * @param fetched the {@code WARC-Date}: when the crawler fetched it
   * @param contentType the HTTP {@code Content-Type} as sent (may carry a charset), or null
   * @param body the HTTP body after transfer and content decoding, at most {@code maxBytes + 1}
   *     bytes: longer means the page was cut
   */
  public record Page(long offset, String url, Instant fetched, String contentType, byte[] body) {}

  /** Receives what a WARC file holds. */
  public interface Sink {
    void page(Page page);

    void skipped(Skip reason);
  }

  /**
   * Reads every record of {@code in}. Bodies are cut to {@code maxBytes + 1} bytes, so the parser
   * can tell an oversize page from one at the limit.
   *
   * @throws IOException when the file is not WARC or a record is corrupt; records before it have
   *     been delivered
   */
  public static void read(InputStream in, int maxBytes, Sink sink) throws IOException {
    try (WarcReader reader = new WarcReader(in)) {
      Optional<WarcRecord> next;
      while ((next = reader.next()).isPresent()) {
        WarcRecord record = next.get();
        long offset = reader.position();
        Skip skip = skipReason(record);
        if (skip != null) {
          sink.skipped(skip);
          continue;
        }
        WarcResponse response = (WarcResponse) record;
        HttpResponse http = response.http();
        Skip status = statusReason(http.status());
        if (status != null) {
          sink.skipped(status);
          continue;
        }
        String contentType = http.headers().first("Content-Type").orElse(null);
        byte[] body;
        try (InputStream b = http.bodyDecoded().stream()) {
          body = b.readNBytes(maxBytes + 1);
        }
        if (!isHtml(contentType, body)) {
          sink.skipped(Skip.NOT_HTML);
          continue;
        }
        sink.page(new Page(offset, response.target(), response.date(), contentType, body));
      }
    }
  }

  private static Skip skipReason(WarcRecord record) {
    return switch (record.type()) {
      case "response" -> record instanceof WarcResponse ? null : Skip.OTHER_RECORD;
      case "request" -> Skip.REQUEST;
      case "metadata" -> Skip.METADATA;
      case "warcinfo" -> Skip.WARCINFO;
      case "revisit" -> Skip.REVISIT;
      default -> Skip.OTHER_RECORD;
    };
  }

  private static Skip statusReason(int status) {
    if (status == 200) {
      return null;
    }
    if (status >= 300 && status < 400) {
      return Skip.REDIRECT;
    }
    if (status >= 400 && status < 600) {
      return Skip.HTTP_ERROR;
    }
    return Skip.OTHER_STATUS;
  }

  /**
   * HTML by the declared type ({@code text/html}, {@code application/xhtml+xml}); with no usable
   * type, by the body's first bytes, as browsers sniff.
   */
  static boolean isHtml(String contentType, byte[] body) {
    if (contentType != null && !contentType.isBlank()) {
      MediaType type = MediaType.parseLeniently(contentType).base();
      String t = type.toString().toLowerCase(Locale.ROOT);
      if (t.equals("text/html") || t.equals("application/xhtml+xml")) {
        return true;
      }
      if (!t.equals("application/octet-stream") && !t.equals("text/plain") && type.isValid()) {
        return false;
      }
    }
    return HtmlSniffer.looksLikeHtml(body);
  }
}
