package org.newsmentions.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one record's bytes into text the parser can read.
 *
 * <p>Scraped pages are mostly UTF-8, but some carry a BOM, stray windows-1252 bytes pasted into
 * UTF-8, NULs from broken writers, or CRLF line ends. Each invalid byte is read as windows-1252
 * (Latin-1 where windows-1252 leaves it undefined) so a single bad byte never costs the article.
 * Records that are not text at all are refused with a short reason.
 */
public final class TextDecoder {

  /** Share of control characters (NULs included) above which a record is binary, not text. */
  static final double MAX_CONTROL_SHARE = 0.10;

  /** Share of bytes that are not valid UTF-8 above which a record is binary, not text. */
  static final double MAX_INVALID_SHARE = 0.30;

  // windows-1252 for 0x80..0x9F; the five undefined bytes keep their Latin-1 (C1) value.
  private static final char[] CP1252_80_9F = {
    '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
    '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
    '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
    '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178'
  };

  private TextDecoder() {}

  /**
   * Decodes {@code bytes}: BOM dropped, invalid UTF-8 bytes read as windows-1252, NULs and other
   * control characters removed (tab and newline kept), CRLF and CR turned into LF.
   *
   * @throws BadArticleException with reason {@code empty} (no bytes, or only whitespace) or {@code
   *     binary} (not text)
   */
  public static String decode(byte[] bytes) throws BadArticleException {
    if (bytes == null || bytes.length == 0) {
      throw new BadArticleException("empty", "record has no bytes");
    }
    String magic = binaryMagic(bytes);
    if (magic != null) {
      throw new BadArticleException("binary", "record is a " + magic + " file, not text");
    }
    Decoded d;
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      d = decodeUtf16(bytes, 2, (bytes[0] & 0xFF) == 0xFE);
    } else {
      d = bomlessUtf16(bytes);
      if (d == null) {
        d = decodeUtf8(bytes);
      }
    }
    String raw = repairMojibake(d.text);
    int controls = 0;
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n' || c == '\t') {
        out.append(c);
      } else if (c == '\f' || c == '\u000B') {
        out.append('\n');
      } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
        controls++;
      } else if (c == '\uFEFF' && out.length() == 0) {
        // BOM in a UTF-16 stream that Java kept.
      } else {
        out.append(c);
      }
    }
    int total = Math.max(1, raw.length());
    if (controls > MAX_CONTROL_SHARE * total) {
      throw new BadArticleException(
          "binary",
          String.format(
              Locale.ROOT,
              "record looks binary: %d of %d characters are control characters",
              controls,
              total));
    }
    if (bytes.length >= 8 && d.invalidBytes > MAX_INVALID_SHARE * bytes.length) {
      throw new BadArticleException(
          "binary",
          String.format(
              Locale.ROOT,
              "record looks binary: %d of %d bytes are not valid UTF-8",
              d.invalidBytes,
              bytes.length));
    }
    String text = out.toString();
    if (isBlank(text)) {
      throw new BadArticleException("empty", "record holds only whitespace");
    }
    return text;
  }

  /** Whitespace by Java's rules plus no-break and zero-width spaces, which scrapers leave. */
  static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && !isExtraSpace(c)) {
        return false;
      }
    }
    return true;
  }

  static boolean isExtraSpace(char c) {
    return c == '\u00A0'
        || c == '\u2007'
        || c == '\u202F'
        || c == '\u200B'
        || c == '\u200C'
        || c == '\u200D'
        || c == '\u2060'
        || c == '\uFEFF';
  }

  private record Decoded(String text, int invalidBytes) {}

  /** A lead character of UTF-8 read as windows-1252, then a continuation byte read the same way. */
  private static final Pattern MOJIBAKE =
      Pattern.compile(
          "[ÂÃâÅÄ][\\u0080-\\u00BF\\u20AC\\u201A\\u0192\\u201E\\u2026\\u2020\\u2021"
              + "\\u02C6\\u2030\\u0160\\u2039\\u0152\\u017D\\u2018\\u2019\\u201C\\u201D\\u2022\\u2013"
              + "\\u2014\\u02DC\\u2122\\u0161\\u203A\\u0153\\u017E\\u0178]");

  /**
   * Undoes UTF-8 that was once decoded as windows-1252 and saved again ("Xiâ€™s" for "Xi’s"), a
   * common scraper accident. The whole text is re-encoded as windows-1252 and read as UTF-8; the
   * repair is kept only when every character re-encodes and the bytes are valid UTF-8, so text that
   * merely contains "Ã" or "â" is left alone.
   */
  static String repairMojibake(String text) {
    if (!MOJIBAKE.matcher(text).find()) {
      return text;
    }
    byte[] bytes = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      int b = cp1252Byte(text.charAt(i));
      if (b < 0) {
        return text;
      }
      bytes[i] = (byte) b;
    }
    String repaired = strictUtf8(bytes);
    return repaired != null ? repaired : text;
  }

  /** The bytes as UTF-8 when they are valid UTF-8 throughout, else null. */
  public static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int cp1252Byte(char c) {
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
      return c;
    }
    for (int i = 0; i < CP1252_80_9F.length; i++) {
      if (CP1252_80_9F[i] == c) {
        return 0x80 + i;
      }
    }
    return -1;
  }

  private static Decoded decodeUtf8(byte[] b) {
    int start = startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    StringBuilder sb = new StringBuilder(b.length);
    int invalid = 0;
    int i = start;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        sb.append((char) c);
        i++;
        continue;
      }
      int need;
      int cp;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
        if (c == 0xE0) {
          lo = 0xA0; // no overlong forms
        } else if (c == 0xED) {
          hi = 0x9F; // no surrogates
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
        if (c == 0xF0) {
          lo = 0x90;
        } else if (c == 0xF4) {
          hi = 0x8F;
        }
      } else {
        need = -1;
        cp = 0;
      }
      boolean ok = need > 0;
      if (ok) {
        for (int k = 1; k <= need; k++) {
          if (i + k >= b.length) {
            ok = false;
            break;
          }
          int cc = b[i + k] & 0xFF;
          int min = k == 1 ? lo : 0x80;
          int max = k == 1 ? hi : 0xBF;
          if (cc < min || cc > max) {
            ok = false;
            break;
          }
          cp = (cp << 6) | (cc & 0x3F);
        }
      }
      if (ok) {
        sb.appendCodePoint(cp);
        i += need + 1;
      } else {
        sb.append(c < 0xA0 ? CP1252_80_9F[c - 0x80] : (char) c);
        invalid++;
        i++;
      }
    }
    return new Decoded(sb.toString(), invalid);
  }

  /**
   * UTF-16 written without a BOM: half the bytes are NULs, all on one side. Read as UTF-16 only
   * when that gives ordinary text; otherwise null, and the NULs will mark the record as binary.
   */
  private static Decoded bomlessUtf16(byte[] b) {
    if (b.length < 8 || b.length % 2 != 0) {
      return null;
    }
    int zeroEven = 0;
    int zeroOdd = 0;
    for (int i = 0; i < b.length; i += 2) {
      zeroEven += b[i] == 0 ? 1 : 0;
      zeroOdd += b[i + 1] == 0 ? 1 : 0;
    }
    int pairs = b.length / 2;
    boolean littleEndian = zeroOdd >= 0.4 * pairs && zeroEven <= 0.05 * pairs;
    boolean bigEndian = zeroEven >= 0.4 * pairs && zeroOdd <= 0.05 * pairs;
    if (!littleEndian && !bigEndian) {
      return null;
    }
    Decoded d = decodeUtf16(b, 0, bigEndian);
    int ordinary = 0;
    for (int i = 0; i < d.text.length(); i++) {
      char c = d.text.charAt(i);
      if (Character.isLetterOrDigit(c) || Character.isWhitespace(c) || (c >= 0x21 && c < 0x7F)) {
        ordinary++;
      }
    }
    return ordinary >= 0.9 * d.text.length() ? d : null;
  }

  private static Decoded decodeUtf16(byte[] b, int offset, boolean bigEndian) {
    var decoder =
        bigEndian ? StandardCharsets.UTF_16BE.newDecoder() : StandardCharsets.UTF_16LE.newDecoder();
    decoder.onMalformedInput(CodingErrorAction.REPLACE);
    decoder.onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      String s = decoder.decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
      return new Decoded(s, 0);
    } catch (CharacterCodingException e) {
      // REPLACE never throws; keep the compiler happy.
      return new Decoded("", b.length);
    }
  }

  private static String binaryMagic(byte[] b) {
    if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
      return "PDF";
    }
    if (startsWith(b, 0x89, 0x50, 0x4E, 0x47)) {
      return "PNG";
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return "JPEG";
    }
    if (startsWith(b, 0x47, 0x49, 0x46, 0x38)) {
      return "GIF";
    }
    if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) {
      return "ZIP";
    }
    if (startsWith(b, 0x1F, 0x8B)) {
      return "gzip";
    }
    return null;
  }

  /** True when {@code b} begins with the given unsigned byte values (a BOM, a magic number). */
  public static boolean startsWith(byte[] b, int... prefix) {
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
