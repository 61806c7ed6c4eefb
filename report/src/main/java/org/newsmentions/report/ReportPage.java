package org.newsmentions.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Assembles the self-contained page: the HTML skeleton, the inlined style sheet and script, and the
 * data block. Its Content-Security-Policy allows only the page's own inline script (by hash) and
 * styles, and no connection, image or font from anywhere, so the page provably loads nothing from
 * the network.
 */
public final class ReportPage {
  private ReportPage() {}

  /** The page for {@code data}, stamped with {@code generated}. */
  public static String render(ReportData data, Instant generated) {
    String script = resource("report.js");
    String html =
        resource("page.html")
            .replace("@@CSS@@", resource("report.css"))
            .replace("@@CSP@@", csp(script))
            .replace("@@GENERATED@@", generated.truncatedTo(ChronoUnit.SECONDS).toString());
    // The data and the script go in last, so no placeholder text inside them is ever replaced.
    int dataAt = html.indexOf("@@DATA@@");
    html = html.substring(0, dataAt) + data.toJson() + html.substring(dataAt + "@@DATA@@".length());
    int scriptAt = html.lastIndexOf("@@SCRIPT@@");
    return html.substring(0, scriptAt) + script + html.substring(scriptAt + "@@SCRIPT@@".length());
  }

  static String csp(String script) {
    return "default-src 'none'; script-src 'sha256-"
        + sha256(script)
        + "'; style-src 'unsafe-inline'; img-src 'none'; connect-src 'none'; base-uri 'none';"
        + " form-action 'none'";
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
