package org.newsmentions.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells an HTML page from other bytes by how it starts, the way browsers sniff a response with no
 * usable content type: after a byte-order mark, white space and comments, a doctype or one of the
 * tags a page opens with.
 */
public final class HtmlSniffer {
  private static final String[] OPENERS = {
    "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<script", "<style", "<link"
  };

  private HtmlSniffer() {}

  /** True when {@code bytes} (the start of a file or body) look like an HTML page. */
  public static boolean looksLikeHtml(byte[] bytes) {
    int n = Math.min(bytes.length, 2048);
    String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    int i = 0;
    if (head.startsWith("\u00ef\u00bb\u00bf")) {
      i = 3; // UTF-8 BOM read as Latin-1
    } else if (head.startsWith("\u00fe\u00ff") || head.startsWith("\u00ff\u00fe")) {
      // UTF-16: the ASCII of the markup sits in every other byte.
      head =
          new String(
              bytes,
              0,
              n,
              head.charAt(0) == '\u00fe' ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
      i = 0;
    }
    String lower = head.toLowerCase(Locale.ROOT);
    while (i < lower.length()) {
      char c = lower.charAt(i);
      if (Character.isWhitespace(c) || c == '\ufeff') {
        i++;
      } else if (lower.startsWith("<!--", i)) {
        int end = lower.indexOf("-->", i + 4);
        if (end < 0) {
          return false;
        }
        i = end + 3;
      } else if (lower.startsWith("<?xml", i)) {
        int end = lower.indexOf("?>", i);
        if (end < 0) {
          return false;
        }
        i = end + 2;
      } else {
        for (String opener : OPENERS) {
          if (lower.startsWith(opener, i) && endsTagName(lower, i + opener.length())) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  private static boolean endsTagName(String s, int at) {
    if (at >= s.length()) {
      return true;
    }
    char c = s.charAt(at);
    return c == '>' || c == '/' || Character.isWhitespace(c);
  }
}
