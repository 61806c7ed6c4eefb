package org.newsmentions.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedKafkaTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  private static String header(ProducerRecord<byte[], byte[]> r, String name) {
    return text(r.headers().lastHeader(name).value());
  }

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

  @Test
  void oneRecordPerTextFileAndPerJsonLine(@TempDir Path dir) throws Exception {
    Path txt = dir.resolve("01-story.txt");
    Files.writeString(txt, " date 2025-05-08 Headline\n\nBody.\n");
    Path jsonl = dir.resolve("feed.jsonl");
    Files.writeString(
        jsonl,
        "{\"url\": \"https://a.example/1\", \"title\": \"One\"}\n\n{\"title\": \"No url\"}\n{\"trunc");
    Path gz = dir.resolve("more.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("{\"url\": \"https://a.example/2\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, new ByteArraySerializer(), new ByteArraySerializer());
    FeedKafka.Summary s = FeedKafka.publish(producer, "news", List.of(txt, jsonl, gz), QUIET);
    assertEquals(new FeedKafka.Summary(3, 5, 0), s);
    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertEquals(5, sent.size());
    assertEquals("news", sent.get(0).topic());
    assertEquals("01-story.txt", text(sent.get(0).key()));
    assertEquals(" date 2025-05-08 Headline\n\nBody.\n", text(sent.get(0).value()));
    assertEquals("text/plain; charset=utf-8", header(sent.get(0), "content-type"));
    assertEquals("https://a.example/1", text(sent.get(1).key()));
    assertEquals("application/json", header(sent.get(1), "content-type"));
    // Blank lines are skipped; a line without url is keyed by file and line (0-based).
    assertEquals("feed.jsonl#2", text(sent.get(2).key()));
    // A broken line is still sent: the pipeline dead-letters it with its bytes.
    assertEquals("{\"trunc", text(sent.get(3).value()));
    assertEquals("https://a.example/2", text(sent.get(4).key()));
  }

  @Test
  void failedSendsAreCounted(@TempDir Path dir) throws Exception {
    Path txt = dir.resolve("a.txt");
    Files.writeString(txt, "Headline\n\nBody.");
    // Nothing completes on its own; flush fails what is pending, as a broker refusing would.
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(false, new ByteArraySerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized void flush() {
            while (errorNext(new RuntimeException("broker said no"))) {
              // fail every pending send
            }
          }
        };
    FeedKafka.Summary s = FeedKafka.publish(producer, "news", List.of(txt), QUIET);
    assertEquals(1, s.failed());
  }
}
