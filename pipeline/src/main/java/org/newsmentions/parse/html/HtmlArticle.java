package org.newsmentions.parse.html;

import java.time.Instant;
import java.util.List;

/**
 * What {@link HtmlArticleExtractor} reads from one HTML page. Plain value, no Beam or Avro types.
 *
 * @param title the headline with the site name removed; {@code ""} when the page has none
 * @param body the main text, one block (paragraph, heading, list item, table row) a line
 * @param published the publication instant, or null when no trustworthy date was found
 * @param publishedLocal the same moment as the page wrote it, ISO-8601 with its offset ({@code
 *     2023-11-07T23:30:00+01:00}); a date alone is {@code 2023-11-07}, a time without a zone has no
 *     offset (the instant then reads it as UTC); null when no date
 * @param modified the last-modified instant, kept apart from the publication date; or null
 * @param modifiedLocal as {@code publishedLocal}, for {@code modified}
 * @param canonicalUrl the page's canonical URL ({@code link rel=canonical}, {@code og:url}), else
 *     the URL it was fetched from, or null
 * @param outlet the site's name as the page gives it ({@code og:site_name}, JSON-LD publisher),
 *     else the registrable domain label; null when unknown
 * @param language the declared language's primary subtag, lower case ({@code de}), or null
 * @param charset the character set the bytes were decoded with
 * @param rejectedDate a date that was found but refused (before 1991-08-06, or too far in the
 *     future), for counters and logs; or null
 * @param sources where each value came from
 */
public record HtmlArticle(
    String title,
    String body,
    Instant published,
    String publishedLocal,
    Instant modified,
    String modifiedLocal,
    String canonicalUrl,
    String outlet,
    String language,
    String charset,
    String rejectedDate,
    Sources sources) {

  /**
   * Where each field came from: a short code such as {@code og:title}, {@code h1}, {@code json-ld},
   * {@code meta:article:published_time}, {@code time}, {@code url}, {@code text}, {@code
   * http-header}, {@code bom}, {@code meta-charset}, {@code default}; null when the field is null.
   */
  public record Sources(
      String title,
      String body,
      String published,
      String modified,
      String canonicalUrl,
      String outlet,
      String language,
      String charset) {}

  /** The body's blocks, in order. */
  public List<String> lines() {
    return body.isEmpty() ? List.of() : List.of(body.split("\n"));
  }
}
