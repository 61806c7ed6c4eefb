package org.newsmentions.parse;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DateSource;
import org.newsmentions.schema.RawArticle;

/** PLACEHOLDER: replaced by the real parser. Turns one raw record into an {@link Article}. */
public final class ArticleParser implements Serializable {
  private static final long serialVersionUID = 1L;
  private final ParserSettings settings;

  public ArticleParser(ParserSettings settings) {
    this.settings = settings;
  }

  public ParseOutcome parse(RawArticle raw) throws BadArticleException {
    byte[] bytes = new byte[raw.getPayload().remaining()];
    raw.getPayload().duplicate().get(bytes);
    if (bytes.length == 0) {
      throw new BadArticleException("empty", "empty record");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    Article a =
        Article.newBuilder()
            .setId("t:" + Integer.toHexString(text.hashCode()))
            .setSource(raw.getSource())
            .setTitle("")
            .setBody(text.strip())
            .setPublishedFrom(DateSource.none)
            .setIngested(raw.getIngested())
            .build();
    return new ParseOutcome(a, null);
  }
}
