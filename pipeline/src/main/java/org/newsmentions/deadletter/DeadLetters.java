package org.newsmentions.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.newsmentions.schema.DeadLetter;

/**
 * Builds dead letters that keep the original bytes: UTF-8 text stays readable, anything else is
 * stored as base64 so it can be decoded and re-fed byte for byte.
 */
public final class DeadLetters {
  private DeadLetters() {}

  public static DeadLetter of(
      String source, String stage, String error, Throwable cause, byte[] payload, Instant at) {
    String text = strictUtf8(payload);
    return DeadLetter.newBuilder()
        .setSource(source)
        .setStage(stage)
        .setError(error)
        .setStackTrace(cause == null ? null : stackTrace(cause))
        .setPayload(text != null ? text : Base64.getEncoder().encodeToString(payload))
        .setPayloadEncoding(text != null ? "utf-8" : "base64")
        .setFailedAt(at)
        .build();
  }

  /** The original bytes of a dead letter's payload. */
  public static byte[] payloadBytes(DeadLetter letter) {
    return "base64".equals(letter.getPayloadEncoding())
        ? Base64.getDecoder().decode(letter.getPayload())
        : letter.getPayload().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Text kept as is only when it is valid UTF-8 without NUL bytes (so it survives JSON). The check
   * is the dead-letter format's own rule, not the parser's text decoding: dead letters are made by
   * every stage (the sources before the parser among them), so this package depends on none.
   */
  private static String strictUtf8(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
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

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
