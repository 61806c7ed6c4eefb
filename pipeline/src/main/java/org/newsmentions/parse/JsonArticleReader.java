package org.newsmentions.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/**
 * Reads one JSON line in the shape news-please writes: {@code url}, {@code source_domain}, {@code
 * title}, {@code maintext}, {@code date_publish}, {@code language}; {@code text} and then {@code
 * description} stand in for a missing body. An {@code html} field, when present, carries the raw
 * page the scraper fetched. {@code date_download} is when the page was fetched, never when it was
 * published, and is not read.
 */
final class JsonArticleReader {

  /**
   * The fields the parser uses; any may be null.
   *
   * @param maintext the scraper's extracted article text
   * @param fallbackBody {@code text}, else {@code description}: a body when {@code maintext} and
   *     the page give none
   * @param html the raw page, already decoded by the JSON reader
   */
  record JsonArticle(
      String url,
      String sourceDomain,
      String title,
      String maintext,
      String fallbackBody,
      String datePublish,
      String language,
      String html) {

    boolean hasPage() {
      return !isBlank(html);
    }

    boolean hasMaintext() {
      return !isBlank(maintext);
    }
  }

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonArticleReader() {}

  static JsonArticle read(String text) throws BadArticleException {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadArticleException("bad-json", "malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || node.isMissingNode()) {
      throw new BadArticleException("bad-json", "no JSON value in the record");
    }
    if (!node.isObject()) {
      throw new BadArticleException(
          "bad-json",
          "expected a JSON object, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    // Every field is type-checked, also those a fallback makes unused.
    String url = string(node, "url");
    String sourceDomain = string(node, "source_domain");
    String title = string(node, "title");
    String maintext = string(node, "maintext");
    String plainText = string(node, "text");
    String description = string(node, "description");
    String datePublish = string(node, "date_publish");
    String language = string(node, "language");
    String html = string(node, "html");
    String fallback = !isBlank(plainText) ? plainText : description;
    return new JsonArticle(
        url, sourceDomain, title, maintext, fallback, datePublish, language, html);
  }

  private static String string(JsonNode object, String field) throws BadArticleException {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new BadArticleException(
          "bad-json",
          "field '"
              + field
              + "' must be a string, got "
              + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return v.textValue();
  }

  private static boolean isBlank(String s) {
    return s == null || TextDecoder.isBlank(s);
  }
}
