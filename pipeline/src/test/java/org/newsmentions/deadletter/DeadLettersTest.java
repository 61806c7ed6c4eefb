package org.newsmentions.deadletter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.DeadLetter;

class DeadLettersTest {
  private static final Instant AT = Instant.parse("2025-05-04T10:00:00Z");

  private static DeadLetter letter(byte[] payload, Throwable cause) {
    return DeadLetters.of(
        "data/news.jsonl#4", "parse", "bad_json: unexpected end", cause, payload, AT);
  }

  @Test
  void utf8PayloadKeptAsText() {
    String text = "{\"title\":\"Bürgermeister sagt „Nein“ – 東京 🚀\"}";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    DeadLetter d = letter(bytes, null);
    assertEquals("utf-8", d.getPayloadEncoding());
    assertEquals(text, d.getPayload());
    assertArrayEquals(bytes, DeadLetters.payloadBytes(d));
    assertEquals("data/news.jsonl#4", d.getSource());
    assertEquals("parse", d.getStage());
    assertEquals("bad_json: unexpected end", d.getError());
    assertEquals(AT, d.getFailedAt());
  }

  @Test
  void emptyPayloadIsText() {
    DeadLetter d = letter(new byte[0], null);
    assertEquals("utf-8", d.getPayloadEncoding());
    assertEquals("", d.getPayload());
    assertArrayEquals(new byte[0], DeadLetters.payloadBytes(d));
  }

  @Test
  void invalidUtf8StoredAsBase64AndRoundTrips() {
    byte[][] payloads = {
      {(byte) 0xC3, (byte) 0x28},
      {'a', 'b', (byte) 0xFF, 'c'},
      {(byte) 0xE2, (byte) 0x82}, // truncated sequence
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // encoded surrogate
      {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
      "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)
    };
    for (byte[] p : payloads) {
      DeadLetter d = letter(p, null);
      assertEquals("base64", d.getPayloadEncoding());
      assertArrayEquals(p, Base64.getDecoder().decode(d.getPayload()));
      assertArrayEquals(p, DeadLetters.payloadBytes(d));
    }
  }

  @Test
  void nulContainingPayloadStoredAsBase64() {
    byte[] p = "abc\0def".getBytes(StandardCharsets.UTF_8);
    DeadLetter d = letter(p, null);
    assertEquals("base64", d.getPayloadEncoding());
    assertArrayEquals(p, DeadLetters.payloadBytes(d));
  }

  @Test
  void stackTraceOnlyWithCause() {
    assertNull(letter("x".getBytes(StandardCharsets.UTF_8), null).getStackTrace());
    Exception cause =
        new IllegalStateException("outer", new NumberFormatException("For input string: \"x\""));
    String trace = letter("x".getBytes(StandardCharsets.UTF_8), cause).getStackTrace();
    assertTrue(trace.startsWith("java.lang.IllegalStateException: outer"), trace);
    assertTrue(trace.contains("Caused by: java.lang.NumberFormatException"), trace);
    assertTrue(trace.contains("DeadLettersTest"), trace);
  }
}
