package org.newsmentions.parse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.newsmentions.schema.Article;

/**
 * An {@link Article} written back as the news-please JSON line the parser reads ({@link
 * JsonArticleReader}): used wherever an article must become input again (an Avro article from
 * Kafka, a late article's dead-letter payload).
 */
public final class ArticleJsonLine {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ArticleJsonLine() {}

  /** {@code url}, {@code source_domain}, {@code title}, {@code maintext}, dates, language. */
  public static byte[] of(Article a) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("url", a.getUrl());
    n.put("source_domain", a.getOutlet());
    n.put("title", a.getTitle());
    n.put("maintext", a.getBody());
    n.put("date_publish", a.getPublished() == null ? null : a.getPublished().toString());
    n.put("date_download", a.getIngested() == null ? null : a.getIngested().toString());
    n.put("language", a.getLanguage());
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }
}
