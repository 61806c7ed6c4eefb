package org.newsmentions.parse;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/** Whatever the bytes, the parser returns an article or a {@link BadArticleException}. */
class ArticleParserRobustnessTest {
  private static final Set<String> REASONS =
      Set.of("empty", "binary", "bad-json", "no-text", "oversize", "encoding", "not-html");
  private static final String[] PIECES = {
    "Harbour Council Approves Ferry Plan",
    "The council voted on Tuesday to extend the ferry service to the northern islands.",
    "Updated: 31-02-2025 25:61 IST",
    "Published on 8 May 2025",
    "Trending",
    "14:11",
    "Also read | Watch: gulls steal chips from tourists Officials said",
    "© 2025 Gull Gazette",
    "(GULLWIRE)",
    "{\"title\": ",
    "\"maintext\": 7}",
    "Disclaimer:",
    "by | VIEW 9",
    "  ",
    "\u00A0",
    "2025/05/08 9:14 PM GMT+14:30",
    "Related:",
    "Email: desk@gull-gazette.example",
    "Read next",
    "A single word",
  };

  private final ArticleParser parser = new ArticleParser(ParserSettings.defaults());

  private void parseOrRefuse(byte[] payload, RawFormat format) {
    RawArticle raw =
        RawArticle.newBuilder()
            .setSource("fuzz")
            .setFormat(format)
            .setPayload(ByteBuffer.wrap(payload))
            .setIngested(Instant.EPOCH)
            .build();
    try {
      ParseOutcome out = parser.parse(raw);
      assertNotNull(out.article().getId());
      assertTrue(
          !out.article().getTitle().isEmpty() || !out.article().getBody().isEmpty(),
          "an article has text");
    } catch (BadArticleException e) {
      assertTrue(REASONS.contains(e.reason()), e.reason());
    }
  }

  @Test
  void randomMixturesNeverCrash() {
    Random random = new Random(20250508L);
    RawFormat[] formats = RawFormat.values();
    for (int round = 0; round < 2000; round++) {
      StringBuilder sb = new StringBuilder();
      int lines = random.nextInt(25);
      for (int i = 0; i < lines; i++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
        sb.append(random.nextInt(4) == 0 ? " " : random.nextBoolean() ? "\n" : "\n\n");
      }
      byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(5) == 0 && bytes.length > 0) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      if (random.nextInt(5) == 0 && bytes.length > 1) {
        bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      parseOrRefuse(bytes, formats[random.nextInt(formats.length)]);
    }
  }

  @Test
  void largeInputsParseQuickly() {
    StringBuilder manyLines = new StringBuilder();
    StringBuilder oneLine = new StringBuilder();
    Random random = new Random(9);
    while (manyLines.length() < 1_900_000) {
      String piece = PIECES[random.nextInt(PIECES.length)];
      manyLines.append(piece).append('\n');
      oneLine.append(piece).append(' ');
    }
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          parseOrRefuse(manyLines.toString().getBytes(StandardCharsets.UTF_8), RawFormat.RAW_TEXT);
          parseOrRefuse(oneLine.toString().getBytes(StandardCharsets.UTF_8), RawFormat.RAW_TEXT);
        });
  }
}
