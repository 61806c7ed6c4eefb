package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Test
  void decodesPlainUtf8() throws Exception {
    assertEquals("Café in Zürich – open", TextDecoder.decode(utf8("Café in Zürich – open")));
  }

  @Test
  void dropsUtf8Bom() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertEquals("Harbour news", TextDecoder.decode(concat(bom, utf8("Harbour news"))));
  }

  @Test
  void readsStrayBytesAsWindows1252() throws Exception {
    // 0x93/0x94 are curly quotes and 0xE9 is é in windows-1252; none is valid UTF-8 here.
    byte[] b =
        concat(
            utf8("The "),
            new byte[] {(byte) 0x93},
            utf8("caf"),
            new byte[] {(byte) 0xE9},
            new byte[] {(byte) 0x94},
            utf8(" opened – again"));
    assertEquals("The “café” opened – again", TextDecoder.decode(b));
  }

  @Test
  void truncatedMultibyteSequenceAtEndDoesNotCrash() throws Exception {
    byte[] b = concat(utf8("Mill closes"), new byte[] {(byte) 0xE2, (byte) 0x80});
    assertEquals("Mill closesâ€", TextDecoder.decode(b));
  }

  @Test
  void removesNulsAndNormalisesLineEnds() throws Exception {
    byte[] b = utf8("First line\r\nSecond\u0000 line\rThird line\n");
    assertEquals("First line\nSecond line\nThird line\n", TextDecoder.decode(b));
  }

  @Test
  void decodesUtf16WithBom() throws Exception {
    byte[] le =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            "Tide report".getBytes(StandardCharsets.UTF_16LE));
    assertEquals("Tide report", TextDecoder.decode(le));
  }

  @Test
  void decodesUtf16WithoutBom() throws Exception {
    assertEquals(
        "Ferry timetable changes",
        TextDecoder.decode("Ferry timetable changes".getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(
        "Ferry timetable changes",
        TextDecoder.decode("Ferry timetable changes".getBytes(StandardCharsets.UTF_16BE)));
  }

  @Test
  void repairsUtf8ThatWasReadAsWindows1252() throws Exception {
    assertEquals(
        "The mayor’s “plan” – café",
        TextDecoder.decode(utf8("The mayorâ€™s â€œplanâ€\u009D â€“ cafÃ©")));
    // Ordinary text with such letters is left alone.
    assertEquals("Ã la carte at Âland", TextDecoder.decode(utf8("Ã la carte at Âland")));
    assertEquals("São Paulo’s ÂB – 東京", TextDecoder.decode(utf8("São Paulo’s ÂB – 東京")));
  }

  @Test
  void emptyAndWhitespaceOnlyAreRefused() {
    assertEquals(
        "empty",
        assertThrows(BadArticleException.class, () -> TextDecoder.decode(new byte[0])).reason());
    assertEquals(
        "empty",
        assertThrows(BadArticleException.class, () -> TextDecoder.decode(utf8(" \n\t\u00A0\r\n ")))
            .reason());
  }

  @Test
  void binaryIsRefused() {
    byte[] controls = new byte[200];
    for (int i = 0; i < controls.length; i++) {
      controls[i] = (byte) (i % 7 == 0 ? 'a' : i % 5);
    }
    assertEquals(
        "binary",
        assertThrows(BadArticleException.class, () -> TextDecoder.decode(controls)).reason());
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 'x', 'y'};
    assertEquals(
        "binary", assertThrows(BadArticleException.class, () -> TextDecoder.decode(png)).reason());
    byte[] noise = new byte[400];
    new java.util.Random(7).nextBytes(noise);
    assertEquals(
        "binary",
        assertThrows(BadArticleException.class, () -> TextDecoder.decode(noise)).reason());
  }

  @Test
  void aFewControlCharactersAreDroppedNotFatal() throws Exception {
    assertEquals("Bell rings twice", TextDecoder.decode(utf8("Bell\u0007 rings twice")));
  }
}
