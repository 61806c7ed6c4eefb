package org.newsmentions.parse.html;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsmentions.parse.BadArticleException;

/**
 * Turns a page's bytes into text: by the HTTP {@code Content-Type} charset, else a byte-order mark,
 * else a {@code <meta charset>} or {@code http-equiv} declaration in the first 4 KiB (as the HTML
 * standard's prescan), else UTF-8. Bytes that are not valid in the chosen charset fall back to
 * windows-1252 (what browsers do for unlabelled legacy pages).
 */
final class HtmlDecoder {
  private HtmlDecoder() {}

  /** The decoded text, the charset used and where it came from. */
  record Decoded(String text, String charset, String from) {}

  private static final Pattern HEADER_CHARSET =
      Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");
  private static final int PRESCAN_BYTES = 4096;

  static Decoded decode(byte[] bytes, String contentType) throws BadArticleException {
    if (bytes == null || bytes.length == 0) {
      throw new BadArticleException("empty", "page has no bytes");
    }
    Charset fromHeader = contentType == null ? null : charsetIn(HEADER_CHARSET, contentType);
    if (fromHeader != null) {
      return decodeWith(bytes, 0, fromHeader, "http-header");
    }
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return decodeWith(bytes, 3, StandardCharsets.UTF_8, "bom");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return decodeWith(bytes, 2, StandardCharsets.UTF_16BE, "bom");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return decodeWith(bytes, 2, StandardCharsets.UTF_16LE, "bom");
    }
    String head =
        new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Charset declared = charsetIn(META_CHARSET, head);
    if (declared != null) {
      // A page served as bytes cannot really be UTF-16 when its declaration was readable as ASCII.
      if (declared.name().startsWith("UTF-16")) {
        declared = StandardCharsets.UTF_8;
      }
      return decodeWith(bytes, 0, declared, "meta-charset");
    }
    return decodeWith(bytes, 0, StandardCharsets.UTF_8, "default");
  }

  private static Decoded decodeWith(byte[] bytes, int offset, Charset cs, String from) {
    CharsetDecoder strict =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = strict.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
      return new Decoded(chars.toString(), cs.name(), from);
    } catch (CharacterCodingException e) {
      if (cs.equals(StandardCharsets.UTF_8)) {
        // Mostly UTF-8 with stray legacy bytes, or a legacy page: decode UTF-8 where valid and
        // read the invalid bytes as windows-1252.
        return new Decoded(mixedUtf8(bytes, offset), "UTF-8", from + "+windows-1252");
      }
      return new Decoded(
          new String(bytes, offset, bytes.length - offset, cs), cs.name(), from + "+replaced");
    }
  }

  private static final Charset CP1252 = Charset.forName("windows-1252");

  /** UTF-8 where the bytes are valid UTF-8, windows-1252 for every byte that is not. */
  static String mixedUtf8(byte[] b, int offset) {
    StringBuilder sb = new StringBuilder(b.length);
    int i = offset;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
      boolean ok = n > 0 && i + n <= b.length;
      for (int k = 1; ok && k < n; k++) {
        ok = (b[i + k] & 0xC0) == 0x80;
      }
      if (ok && n > 1) {
        sb.append(new String(b, i, n, StandardCharsets.UTF_8));
        i += n;
      } else if (ok) {
        sb.append((char) c);
        i++;
      } else {
        sb.append(new String(b, i, 1, CP1252));
        i++;
      }
    }
    return sb.toString();
  }

  private static Charset charsetIn(Pattern p, String s) {
    Matcher m = p.matcher(s);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    // The HTML standard maps these labels to windows-1252.
    if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii")) {
      name = "windows-1252";
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
