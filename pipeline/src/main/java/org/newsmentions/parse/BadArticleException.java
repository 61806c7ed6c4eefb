package org.newsmentions.parse;

/**
 * A record that cannot become an article at all (empty, binary, malformed JSON, no text, oversize).
 * The pipeline routes it to the dead-letter sink; {@link #reason()} is a short stable code.
 */
public class BadArticleException extends Exception {
  private final String reason;

  public BadArticleException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public BadArticleException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Short code: empty, binary, bad-json, no-text, oversize, encoding. */
  public String reason() {
    return reason;
  }
}
