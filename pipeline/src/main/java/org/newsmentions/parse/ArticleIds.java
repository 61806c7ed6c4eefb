package org.newsmentions.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable article ids: one id names one document, never one text.
 *
 * <p>With a URL: {@code "u:"} + the first 16 hex digits of SHA-256 of the normalised URL, so a page
 * fetched again (from a crawl, a file or Kafka) keeps its id. Without one: {@code "s:"} + the same
 * hash of the record's source (file path, {@code path#line} of a JSON line, {@code path@offset} of
 * a WARC record, {@code kafka:topic/partition/offset}), so only the same record read again gets the
 * same id. Two documents with identical text keep two ids: they are copies of one story, which
 * deduplication marks, not one document, which superseding would drop.
 */
public final class ArticleIds {

  private static final Pattern URL =
      Pattern.compile(
          "^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\\?([^#]*))?(?:#.*)?$", Pattern.DOTALL);
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  private ArticleIds() {}

  /** The id of an article: by URL when there is one, else by where it was read from. */
  public static String of(String url, String source) {
    String normal = normalizeUrl(url);
    if (normal != null) {
      return "u:" + sha256Prefix(normal);
    }
    return "s:" + sha256Prefix(source == null ? "" : source);
  }

  /**
   * Normalises a URL for identity: scheme and host lowercased, {@code www.} and default ports
   * dropped, fragment dropped, tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid})
   * dropped, trailing slash dropped. Returns null for a blank URL. A URL without a scheme is read
   * as {@code http://}.
   */
  public static String normalizeUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    if (!u.contains("://")) {
      u = "http://" + (u.startsWith("//") ? u.substring(2) : u);
    }
    Matcher m = URL.matcher(u);
    if (!m.matches()) {
      return u;
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String authority = m.group(2).toLowerCase(Locale.ROOT);
    String path = m.group(3);
    String query = m.group(4);
    int at = authority.lastIndexOf('@');
    String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
    String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
    if (hostPort.endsWith(":80") && scheme.equals("http")
        || hostPort.endsWith(":443") && scheme.equals("https")) {
      hostPort = hostPort.substring(0, hostPort.lastIndexOf(':'));
    }
    if (hostPort.endsWith(".")) {
      hostPort = hostPort.substring(0, hostPort.length() - 1);
    }
    if (hostPort.startsWith("www.")) {
      hostPort = hostPort.substring(4);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(scheme).append("://").append(userInfo).append(hostPort).append(path);
    if (query != null && !query.isEmpty()) {
      List<String> kept = new ArrayList<>();
      for (String param : query.split("&")) {
        if (param.isEmpty()) {
          continue;
        }
        String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
        if (name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid")) {
          continue;
        }
        kept.add(param);
      }
      if (!kept.isEmpty()) {
        sb.append('?').append(String.join("&", kept));
      }
    }
    return sb.toString();
  }

  static String normalizeSpace(String s) {
    if (s == null) {
      return "";
    }
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }

  static String sha256Prefix(String s) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
