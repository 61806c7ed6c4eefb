package org.newsmentions.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import org.newsmentions.parse.HtmlSniffer;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * Splits files into raw records: a whole file for scraper text or an HTML page, one record per JSON
 * line, one record per HTML response of a WARC file.
 */
public final class RawRecords {
  private RawRecords() {}

  /**
   * How many bytes a record keeps: text records and JSON lines without a page up to {@code
   * maxArticleBytes}, raw HTML pages (and JSON lines, which may carry one) up to {@code
   * maxPageBytes}. One byte more is kept, so the parser can tell an oversize record.
   */
  public record Limits(int maxArticleBytes, int maxPageBytes) implements java.io.Serializable {
    public Limits {
      if (maxArticleBytes <= 0 || maxPageBytes <= 0) {
        throw new IllegalArgumentException(
            "size limits must be positive, not " + maxArticleBytes + " and " + maxPageBytes);
      }
    }
  }

  /** The format a file's name announces, or AUTO when the name says nothing. */
  public static RawFormat formatOf(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".jsonl") || p.endsWith(".ndjson") || p.endsWith(".json")) {
      return RawFormat.JSON_LINE;
    }
    if (p.endsWith(".txt")) {
      return RawFormat.RAW_TEXT;
    }
    if (p.endsWith(".html") || p.endsWith(".htm") || p.endsWith(".xhtml")) {
      return RawFormat.HTML;
    }
    return RawFormat.AUTO;
  }

  /** True for a WARC file's name ({@code .warc}; the caller strips a compression extension). */
  public static boolean isWarc(String path) {
    return path.toLowerCase(Locale.ROOT).endsWith(".warc");
  }

  /**
   * Decides AUTO from content: an HTML page by its first tags, JSON lines by a first non-blank '{',
   * else scraper text.
   */
  public static RawFormat sniff(byte[] head) {
    if (HtmlSniffer.looksLikeHtml(head)) {
      return RawFormat.HTML;
    }
    int i = 0;
    if (head.length >= 3
        && (head[0] & 0xff) == 0xEF
        && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      i = 3;
    }
    for (; i < head.length; i++) {
      int b = head[i] & 0xff;
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        continue;
      }
      return b == '{' ? RawFormat.JSON_LINE : RawFormat.RAW_TEXT;
    }
    return RawFormat.RAW_TEXT;
  }

  /** Receives each line of a JSON-lines file. */
  public interface LineConsumer {
    /**
     * @param lineNumber 0-based line number
     * @param bytes the line without its terminator, cut to the read limit
     * @param cut true when the line was longer than the limit
     */
    void accept(long lineNumber, byte[] bytes, boolean cut);
  }

  /**
   * Streams the lines of {@code in} without holding the file in memory. A line longer than {@code
   * limit} bytes is kept to its first {@code limit} bytes (the rest is skipped) and flagged as cut.
   * A final line without terminator is passed on too; CR before LF is left to the parser.
   */
  public static void lines(InputStream in, int limit, LineConsumer consumer) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    byte[] buf = new byte[64 * 1024];
    long number = 0;
    long length = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      int start = 0;
      for (int i = 0; i <= n; i++) {
        boolean end = i < n && buf[i] == '\n';
        if (end || i == n) {
          int len = i - start;
          int room = limit - line.size();
          if (room > 0) {
            line.write(buf, start, Math.min(room, len));
          }
          length += len;
          if (end) {
            consumer.accept(number++, line.toByteArray(), length > limit);
            line.reset();
            length = 0;
            start = i + 1;
          }
        }
      }
    }
    if (length > 0) {
      consumer.accept(number, line.toByteArray(), length > limit);
    }
  }

  /** Opens a file's content; called once per pass over the file. */
  public interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * Splits one file into raw records: the whole file for raw scraper text or an HTML page, one
   * record per non-blank line for JSON lines (format from the name, else from the content), one per
   * HTML response of a WARC file (streamed: a crawl file is never held whole). Records are cut as
   * {@link Limits} says. WARC records that are not pages go to {@code skipped} with their reason.
   *
   * @return the number of blank JSON lines skipped
   * @throws IOException when the file cannot be read, or a WARC file is corrupt (the records before
   *     the corruption have been delivered)
   */
  public static long split(
      String path,
      Instant modified,
      Limits limits,
      Opener opener,
      Consumer<RawArticle> out,
      Consumer<WarcPages.Skip> skipped)
      throws IOException {
    if (isWarc(path)) {
      try (InputStream in = opener.open()) {
        WarcPages.read(
            in,
            limits.maxPageBytes(),
            new WarcPages.Sink() {
              @Override
              public void page(WarcPages.Page p) {
                out.accept(
                    RawArticle.newBuilder()
                        .setSource(path + "@" + p.offset())
                        .setFormat(RawFormat.HTML)
                        .setPayload(ByteBuffer.wrap(p.body()))
                        .setIngested(p.fetched() == null ? modified : p.fetched())
                        .setUrlHint(p.url())
                        .setContentType(p.contentType())
                        .build());
              }

              @Override
              public void skipped(WarcPages.Skip reason) {
                skipped.accept(reason);
              }
            });
      }
      return 0;
    }
    RawFormat format = formatOf(path);
    if (format == RawFormat.AUTO) {
      try (InputStream in = opener.open()) {
        format = sniff(in.readNBytes(4096));
      }
    }
    if (format == RawFormat.RAW_TEXT || format == RawFormat.HTML) {
      int limit = format == RawFormat.HTML ? limits.maxPageBytes() : limits.maxArticleBytes();
      try (InputStream in = opener.open()) {
        out.accept(raw(path, format, readCapped(in, limit), modified));
      }
      return 0;
    }
    // A JSON line may carry a whole page in its html field, so lines get the page limit; the parser
    // holds a line without a page to the article limit.
    int keep = Math.max(limits.maxPageBytes(), limits.maxArticleBytes()) + 1;
    long[] blank = {0};
    try (InputStream in = opener.open()) {
      lines(
          in,
          keep,
          (line, bytes, cut) -> {
            if (isBlank(bytes)) {
              blank[0]++;
            } else {
              out.accept(raw(path + "#" + line, RawFormat.JSON_LINE, bytes, modified));
            }
          });
    }
    return blank[0];
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static RawArticle raw(String source, RawFormat format, byte[] bytes, Instant at) {
    return RawArticle.newBuilder()
        .setSource(source)
        .setFormat(format)
        .setPayload(ByteBuffer.wrap(bytes))
        .setIngested(at)
        .build();
  }

  /** Reads up to {@code limit} bytes of {@code in}; the result is longer than limit if cut. */
  public static byte[] readCapped(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit + 1);
  }
}
