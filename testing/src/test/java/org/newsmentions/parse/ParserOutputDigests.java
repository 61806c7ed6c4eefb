package org.newsmentions.parse;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.newsmentions.parse.ArticleTextCleaner.Cleaned;
import org.newsmentions.parse.JsonArticleReader.JsonArticle;
import org.newsmentions.read.RawRecords;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * A fingerprint of everything the parser makes of a record: the cleaner's full result (title,
 * paragraphs, first paragraph, lines, date lines) and the parsed article's fields, or the reason it
 * was rejected. Two parser versions that agree on every record's digest behave the same on it.
 *
 * <p>{@code main DIR... > FILE} prints one line per record of the files under each folder (sorted
 * walk; {@code .txt} files whole, {@code .jsonl} line by line), so the output of two builds can be
 * compared with {@code diff}.
 */
final class ParserOutputDigests {
  /** A fixed clock, so that the future-date check does not depend on the day the digest runs. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC);

  private final ArticleParser parser =
      new ArticleParser(ParserSettings.defaults().withClock(CLOCK));

  /** The digest of one record, as 16 hex digits. */
  String digest(RawArticle raw) {
    StringBuilder sb = new StringBuilder();
    byte[] bytes = new byte[raw.getPayload().remaining()];
    raw.getPayload().duplicate().get(bytes);
    try {
      String text = TextDecoder.decode(bytes);
      if (raw.getFormat() == RawFormat.JSON_LINE) {
        JsonArticle json = JsonArticleReader.read(text);
        String title = json.title() == null ? "" : json.title();
        append(
            sb,
            json.hasMaintext()
                ? ScraperText.clean(json.maintext(), title)
                : ArticleTextCleaner.clean(
                    json.fallbackBody() == null ? "" : json.fallbackBody(), title));
      } else {
        sb.append(ArticleTextCleaner.headerDate(text)).append('\u0001');
        append(sb, ArticleTextCleaner.clean(ArticleTextCleaner.withoutHeader(text), null));
      }
    } catch (BadArticleException e) {
      sb.append("rejected:").append(e.reason());
    }
    sb.append('\u0002');
    try {
      ParseOutcome o = parser.parse(raw);
      Article a = o.article();
      for (Object f :
          new Object[] {
            a.getId(),
            a.getUrl(),
            a.getOutlet(),
            a.getTitle(),
            a.getBody(),
            a.getPublished(),
            a.getPublishedFrom(),
            a.getLanguage(),
            o.rejectedDate()
          }) {
        sb.append(f).append('\u0001');
      }
    } catch (BadArticleException e) {
      sb.append("bad:").append(e.reason());
    }
    return sha(sb.toString());
  }

  private static void append(StringBuilder sb, Cleaned c) {
    sb.append(c.title()).append('\u0001');
    c.paragraphs().forEach(p -> sb.append(p).append('\u0003'));
    sb.append('\u0001').append(c.firstParagraph()).append('\u0001');
    c.lines().forEach(p -> sb.append(p).append('\u0003'));
    sb.append('\u0001');
    c.dateLines().forEach(p -> sb.append(p).append('\u0003'));
  }

  static String sha(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every record under a folder, in sorted path order, with its path relative to the folder. */
  static void records(Path root, Consumer<RawArticle> out) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(
              p ->
                  Files.isRegularFile(p)
                      && (p.toString().endsWith(".txt") || p.toString().endsWith(".jsonl")))
          .sorted()
          .forEach(files::add);
    }
    for (Path f : files) {
      String rel = root.relativize(f).toString();
      RawRecords.split(
          rel,
          Instant.EPOCH,
          new RawRecords.Limits(
              ParserSettings.DEFAULT_MAX_ARTICLE_BYTES, ParserSettings.DEFAULT_MAX_PAGE_BYTES),
          () -> Files.newInputStream(f),
          r -> out.accept(r),
          skip -> {});
    }
  }

  public static void main(String[] args) throws IOException {
    ParserOutputDigests d = new ParserOutputDigests();
    try (PrintWriter w = new PrintWriter(System.out, false, StandardCharsets.UTF_8)) {
      for (String dir : args) {
        records(Path.of(dir), r -> w.println(r.getSource() + "\t" + d.digest(r)));
      }
    }
  }
}
