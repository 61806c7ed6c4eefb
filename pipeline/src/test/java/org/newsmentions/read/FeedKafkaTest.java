package org.newsmentions.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How FeedKafka picks its files. What it publishes, and how it counts records a broker refuses, is
 * tested against the real broker in {@code StreamingKafkaIT}.
 */
class FeedKafkaTest {
  @Test
  void directoriesExpandToArticleFilesInPathOrder(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("b"));
    Files.createDirectories(dir.resolve(".cache"));
    Files.writeString(dir.resolve("b/2.txt"), "x");
    Files.writeString(dir.resolve("a.jsonl"), "{}");
    Files.writeString(dir.resolve("c.json.gz"), "");
    Files.writeString(dir.resolve("README.md"), "not an article");
    Files.writeString(dir.resolve(".hidden.txt"), "x");
    Files.writeString(dir.resolve(".cache/x.txt"), "x");
    Path explicit = dir.resolve("README.md");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<Path> files =
        FeedKafka.expand(
            List.of(dir, explicit, dir.resolve("absent.txt")),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    assertEquals(
        List.of(dir.resolve("a.jsonl"), dir.resolve("b/2.txt"), dir.resolve("c.json.gz"), explicit),
        files);
    String messages = log.toString(StandardCharsets.UTF_8);
    assertTrue(messages.contains("skipping 1 file(s)"), messages);
    assertTrue(messages.contains("absent.txt"), messages);
  }
}
