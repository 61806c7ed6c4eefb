package org.newsmentions.parse;

import java.util.Objects;
import org.newsmentions.schema.Article;

/**
 * A parsed article plus what the parser noticed on the way, so the Beam adapter can count it.
 *
 * @param article the article, with id, source, url, outlet, title, body, published, published_from,
 *     language and ingested set; dedup and entity fields left at their defaults
 * @param rejectedDate a date that was found but discarded as impossible or in the future (for a
 *     counter and the logs), or null
 */
public record ParseOutcome(Article article, String rejectedDate) {
  public ParseOutcome {
    Objects.requireNonNull(article);
  }

  public boolean dateRejected() {
    return rejectedDate != null;
  }
}
