package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.kafka.KafkaClientProperties;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.parse.ArticleParser;
import org.newsmentions.read.FeedKafka;
import org.newsmentions.read.KafkaArticleDecoder;
import org.newsmentions.reference.ModelAssert;
import org.newsmentions.reference.ReferenceModel;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.sink.CountUpserts;

/**
 * The streaming pipeline against a real Kafka broker, the one {@code scripts/kafka-local.sh} runs:
 * samples published with FeedKafka's code, the pipeline on the Direct Runner in streaming mode, and
 * the output topic's latest value per key compared with the batch run's counts on the same files.
 */
class StreamingKafkaIT {
  private static final Duration CONVERGE = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private static LocalKafka kafka;

  /** The batch file pipeline's counts over all samples: key to mentions/articles/copies/outlets. */
  private static Map<String, String> batchCounts;

  @BeforeAll
  static void startBrokerAndRunBatch(@TempDir Path out) throws Exception {
    kafka = LocalKafka.start();
    List<Path> files = Fixtures.sampleFiles();
    NewsMentionsOptions batch =
        options(
            "--input=" + String.join(",", files.stream().map(Path::toString).toList()),
            "--output=" + out);
    NewsMentionsPipeline.run(batch);
    batchCounts = countFiles(out.resolve("counts"));
    assertFalse(batchCounts.isEmpty(), "the batch run wrote no counts");
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void streamingCountsOnTheOutputTopicEqualTheBatchRun() throws Exception {
    kafka.scriptTopics("live-articles", "live-counts", "live-dead");
    PipelineResult run = startStreaming("live-articles", "live-counts", "live-dead", "live", false);
    try (Producer<byte[], byte[]> producer = producer()) {
      FeedKafka.Summary s =
          FeedKafka.publish(producer, "live-articles", Fixtures.sampleFiles(), QUIET);
      assertEquals(0, s.failed());
    }
    awaitCounts("live-counts", batchCounts);
    run.cancel();
    checkWithKcat("live-counts", batchCounts.keySet());
    // Every record reached the parser; the samples have no bad record.
    assertTrue(kafka.latestByKey("live-dead").isEmpty());
  }

  @Test
  void feedKafkaPublishesOneRecordPerTextFileAndPerJsonLine(@TempDir Path dir) throws Exception {
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
    kafka.createTopic("feed-records", 1, false);
    try (Producer<byte[], byte[]> producer = producer()) {
      FeedKafka.Summary s =
          FeedKafka.publish(producer, "feed-records", List.of(txt, jsonl, gz), QUIET);
      assertEquals(new FeedKafka.Summary(3, 5, 0), s);
    }
    List<ConsumerRecord<byte[], byte[]>> got = kafka.records("feed-records");
    assertEquals(5, got.size());
    assertEquals("01-story.txt", text(got.get(0).key()));
    assertEquals(" date 2025-05-08 Headline\n\nBody.\n", text(got.get(0).value()));
    assertEquals("text/plain; charset=utf-8", header(got.get(0), "content-type"));
    assertEquals("https://a.example/1", text(got.get(1).key()));
    assertEquals("application/json", header(got.get(1), "content-type"));
    // Blank lines are skipped; a line without url is keyed by file and line (0-based).
    assertEquals("feed.jsonl#2", text(got.get(2).key()));
    // A broken line is still sent: the pipeline dead-letters it with its bytes.
    assertEquals("{\"trunc", text(got.get(3).value()));
    assertEquals("https://a.example/2", text(got.get(4).key()));
  }

  @Test
  void feedKafkaCountsRecordsTheBrokerRefuses(@TempDir Path dir) throws Exception {
    Path small = dir.resolve("a-small.txt");
    Files.writeString(small, "Headline\n\nBody.");
    Path big = dir.resolve("b-big.txt");
    Files.writeString(big, "Headline\n\n" + "A long body sentence. ".repeat(400));
    // The broker, not the client, refuses batches over 1 KB on this topic.
    kafka.createTopic("feed-small", 1, Map.of("max.message.bytes", "1024"));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    // What each send ends with must not depend on timing, only on the broker's answer, which
    // publish() waits for (flush() returns once every send's callback has run):
    // - batches of one record each (batch.size=1, no linger): the refusal of a one-record batch
    //   (MESSAGE_TOO_LARGE) is final, not retried and not split. A client splitting a refused
    //   two-record batch by its own batch.size (16 KB) would rebuild the same batch and retry it
    //   for ever (KAFKA-8350), and whether the two records share a batch depends on linger.
    // - transient errors (a leader not elected yet on the new topic, a slow answer) are retried
    //   until delivery.timeout.ms, and metadata is waited for up to max.block.ms: both far longer
    //   than a loaded machine needs, so a slow broker delays the result but never turns an
    //   accepted record into a failed one.
    Map<String, String> oneRecordBatches =
        Map.of(
            "batch.size", "1",
            "linger.ms", "0",
            "request.timeout.ms", "60000",
            "delivery.timeout.ms", "600000",
            "max.block.ms", "300000");
    try (Producer<byte[], byte[]> producer =
        FeedKafka.producer(new KafkaClientProperties(kafka.bootstrap(), oneRecordBatches))) {
      // The topic's metadata, before the first send (waits for it, up to max.block.ms).
      assertEquals(1, producer.partitionsFor("feed-small").size());
      FeedKafka.Summary s =
          FeedKafka.publish(
              producer,
              "feed-small",
              List.of(small, big),
              new PrintStream(log, true, StandardCharsets.UTF_8));
      assertEquals(new FeedKafka.Summary(2, 2, 1), s);
    }
    assertTrue(
        log.toString(StandardCharsets.UTF_8).contains("b-big.txt not published"), log::toString);
    List<ConsumerRecord<byte[], byte[]>> got = kafka.records("feed-small");
    assertEquals(List.of("a-small.txt"), got.stream().map(r -> text(r.key())).toList());
  }

  private static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    return text(r.headers().lastHeader(name).value());
  }

  @Test
  void restartFromTheBeginningRecomputesAndOverwrites() throws Exception {
    kafka.createTopic("restart-articles", 3, false);
    kafka.createTopic("restart-counts", 1, true);
    kafka.createTopic("restart-dead", 1, false);
    List<Path> raw =
        Fixtures.sampleFiles().stream().filter(p -> p.toString().endsWith(".txt")).toList();
    List<Path> jsonl =
        Fixtures.sampleFiles().stream().filter(p -> p.toString().endsWith(".jsonl")).toList();
    PipelineResult first =
        startStreaming("restart-articles", "restart-counts", "restart-dead", "restart", false);
    // The first part in two steps: the Direct Runner finalizes a reader's checkpoint (and KafkaIO
    // commits its offsets) when the reader's next bundle is read.
    try (Producer<byte[], byte[]> producer = producer()) {
      FeedKafka.publish(producer, "restart-articles", raw.subList(0, 4), QUIET);
    }
    awaitCounts(
        "restart-counts", referenceCounts(ReferenceModel.readFiles(raw.subList(0, 4), 2 << 20)));
    try (Producer<byte[], byte[]> producer = producer()) {
      FeedKafka.publish(producer, "restart-articles", raw.subList(4, raw.size()), QUIET);
    }
    awaitCounts("restart-counts", referenceCounts(ReferenceModel.readFiles(raw, 2 << 20)));
    await(
        "offsets committed by the first run",
        () -> {
          long[] ce = kafka.committedAndEnd("restart", "restart-articles");
          return ce[0] > 0 ? null : "committed " + ce[0] + " of " + ce[1];
        },
        Duration.ofSeconds(60));
    first.cancel();

    // The run's window state is gone with it: a new run recomputes from the earliest offset.
    PipelineResult second =
        startStreaming("restart-articles", "restart-counts", "restart-dead", "restart", true);
    try (Producer<byte[], byte[]> producer = producer()) {
      FeedKafka.publish(producer, "restart-articles", jsonl, QUIET);
    }
    awaitCounts("restart-counts", batchCounts);
    second.cancel();
  }

  @Test
  void badRecordsGoToTheDeadLetterTopicAndGoodOnesAreCounted() throws Exception {
    kafka.createTopic("mixed-articles", 2, false);
    kafka.createTopic("mixed-counts", 1, true);
    kafka.createTopic("mixed-dead", 1, false);
    Path dir = LocalKafka.REPO.resolve("samples");
    byte[] rawText = Files.readAllBytes(dir.resolve("raw/06-asiawire-brics-brasilia.txt"));
    byte[] undeclared =
        Files.readAllBytes(dir.resolve("raw/01-dailymeridian-climate-roundtable.txt"));
    String jsonLine = Files.readAllLines(dir.resolve("jsonl/articles.jsonl")).get(1);
    byte[] avro = avroOf(jsonLine);
    byte[] truncated = jsonLine.substring(0, 80).getBytes(StandardCharsets.UTF_8);
    byte[] binary = new byte[300];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i % 7 == 0 ? 0 : i * 31);
    }
    byte[] brokenAvro = {(byte) 0xC3, 0x01, 9, 9, 9, 9, 9, 9, 9, 9, 2, 'x'};

    try (Producer<byte[], byte[]> producer = producer()) {
      send(producer, "mixed-articles", "06.txt", rawText, KafkaArticleDecoder.TEXT);
      send(producer, "mixed-articles", null, undeclared, null);
      send(producer, "mixed-articles", "riverbend", avro, null);
      send(producer, "mixed-articles", "truncated", truncated, KafkaArticleDecoder.JSON);
      send(producer, "mixed-articles", "binary", binary, null);
      send(producer, "mixed-articles", "broken-avro", brokenAvro, null);
      producer.flush();
    }
    PipelineResult run =
        startStreaming("mixed-articles", "mixed-counts", "mixed-dead", "mixed", false);

    List<RawArticle> good = new ArrayList<>();
    for (Path p :
        List.of(
            dir.resolve("raw/06-asiawire-brics-brasilia.txt"),
            dir.resolve("raw/01-dailymeridian-climate-roundtable.txt"))) {
      good.addAll(ReferenceModel.readFiles(List.of(p), 2 << 20));
    }
    Path line = Files.createTempFile("riverbend", ".jsonl");
    Files.writeString(line, jsonLine + "\n");
    good.addAll(ReferenceModel.readFiles(List.of(line), 2 << 20));
    Files.delete(line);
    awaitCounts("mixed-counts", referenceCounts(good));

    await(
        "three dead letters",
        () -> {
          int n = kafka.readAll("mixed-dead").size();
          return n == 3 ? null : n + " dead letters";
        });
    run.cancel();
    Map<String, JsonNode> byReason = new TreeMap<>();
    for (Map.Entry<String, byte[]> e : kafka.readAll("mixed-dead")) {
      JsonNode d = JSON.readTree(e.getValue());
      assertEquals(d.get("source").asText(), e.getKey(), "keyed by the record's source");
      assertTrue(d.get("source").asText().startsWith("kafka:mixed-articles/"));
      byReason.put(d.get("error").asText().split(":", 2)[0], d);
    }
    assertEquals(List.of("bad-avro", "bad-json", "binary"), new ArrayList<>(byReason.keySet()));
    assertEquals("read", byReason.get("bad-avro").get("stage").asText());
    assertEquals("parse", byReason.get("bad-json").get("stage").asText());
    assertPayload(brokenAvro, byReason.get("bad-avro"));
    assertPayload(truncated, byReason.get("bad-json"));
    assertPayload(binary, byReason.get("binary"));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static NewsMentionsOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).withValidation().as(NewsMentionsOptions.class);
  }

  /** Starts the streaming pipeline in the background: run() returns once the job runs. */
  private static PipelineResult startStreaming(
      String in, String out, String dead, String group, boolean fromBeginning) throws IOException {
    Path props = Files.createTempFile("kafka", ".properties");
    // A cancelled Direct Runner pipeline leaves its Kafka readers polling until the JVM exits:
    // back off, so they do not flood the log once the broker stops.
    Files.writeString(
        props,
        "group.id=" + group + "\nreconnect.backoff.ms=1000\nreconnect.backoff.max.ms=60000\n");
    NewsMentionsOptions o =
        options(
            "--inputTopic=" + in,
            "--bootstrapServers=" + kafka.bootstrap(),
            "--kafkaProperties=" + props,
            "--outputTopic=" + out,
            "--deadLetterTopic=" + dead,
            "--fromBeginning=" + fromBeginning,
            "--earlyFiring=1s",
            "--streaming=true",
            "--blockOnRun=false",
            "--waitUntilFinish=false");
    return NewsMentionsPipeline.run(o);
  }

  private static Producer<byte[], byte[]> producer() {
    return FeedKafka.producer(new KafkaClientProperties(kafka.bootstrap(), Map.of()));
  }

  private static void send(
      Producer<byte[], byte[]> producer, String topic, String key, byte[] value, String type) {
    RecordHeaders h = new RecordHeaders();
    if (type != null) {
      h.add(KafkaArticleDecoder.CONTENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
    }
    producer.send(
        new ProducerRecord<>(
            topic, null, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, h));
  }

  /** A JSON-lines article as the parser reads it, sent on as an Avro Article (single object). */
  private static byte[] avroOf(String jsonLine) throws Exception {
    RawArticle raw = ReferenceModel.readFiles(List.of(tempJsonl(jsonLine)), 2 << 20).get(0);
    Article parsed =
        new ArticleParser(NewsMentions.Settings.defaults().parser()).parse(raw).article();
    ByteBuffer b = Article.getEncoder().encode(parsed);
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return bytes;
  }

  private static Path tempJsonl(String line) throws IOException {
    Path p = Files.createTempFile("one", ".jsonl");
    Files.writeString(p, line + "\n");
    p.toFile().deleteOnExit();
    return p;
  }

  /** The reference model's counts (the oracle the batch pipeline is tested against). */
  private static Map<String, String> referenceCounts(List<RawArticle> raws) {
    NewsMentions.Settings settings = NewsMentions.Settings.defaults();
    Map<String, String> out = new TreeMap<>();
    for (EntityMentionCount c : ReferenceModel.run(raws, settings).counts()) {
      out.put(
          CountUpserts.key(c),
          c.getMentions() + "/" + c.getArticles() + "/" + c.getCopies() + "/" + c.getOutlets());
    }
    return out;
  }

  /** The counts JSON files of a batch run: the last pane per key (batch has one). */
  private static Map<String, String> countFiles(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            JsonNode n = JSON.readTree(line);
            out.put(n.get("window_start").asText() + "|" + n.get("entity_id").asText(), value(n));
          }
        }
      }
    }
    return out;
  }

  private static String value(JsonNode n) {
    return n.get("mentions").asLong()
        + "/"
        + n.get("articles").asLong()
        + "/"
        + n.get("copies").asLong()
        + "/"
        + n.get("outlets").asLong();
  }

  /** The output topic as key to counts, each value checked against its key. */
  private static Map<String, String> topicCounts(String topic) {
    Map<String, String> out = new TreeMap<>();
    kafka
        .latestByKey(topic)
        .forEach(
            (k, v) -> {
              try {
                JsonNode n = JSON.readTree(v);
                assertEquals(n.get("window_start").asText() + "|" + n.get("entity_id").asText(), k);
                out.put(k, value(n));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return out;
  }

  /**
   * Waits until the output topic's latest value per key equals {@code expected}, compared per
   * window by {@link ModelAssert} (an empty expectation fails at once).
   */
  private static void awaitCounts(String topic, Map<String, String> expected) {
    var want = ModelAssert.byWindowOfKeys(expected);
    ModelAssert.requireExpectation(topic, want);
    await(
        topic + " equals the expected counts",
        () -> ModelAssert.differences(want, ModelAssert.byWindowOfKeys(topicCounts(topic))));
  }

  /** A condition: null when it holds, else what is still wrong. */
  interface Check {
    String get() throws Exception;
  }

  /** Polls until {@code check} returns null (done), or fails with its last answer. */
  private static void await(String what, Check check, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "not checked";
    while (System.nanoTime() < deadline) {
      try {
        last = check.get();
      } catch (Exception e) {
        last = e.toString();
      }
      if (last == null) {
        return;
      }
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    fail("timed out after " + timeout.toSeconds() + " s waiting until " + what + ": " + last);
  }

  private static void await(String what, Check check) {
    await(what, check, CONVERGE);
  }

  private static void assertPayload(byte[] expected, JsonNode deadLetter) {
    byte[] actual =
        "base64".equals(deadLetter.get("payload_encoding").asText())
            ? Base64.getDecoder().decode(deadLetter.get("payload").asText())
            : deadLetter.get("payload").asText().getBytes(StandardCharsets.UTF_8);
    assertEquals(
        Base64.getEncoder().encodeToString(expected), Base64.getEncoder().encodeToString(actual));
  }

  /**
   * kcat (librdkafka's command-line client) reads the output topic as an independent, non-Java
   * client: the keys with a live value must be the batch run's keys.
   */
  private static void checkWithKcat(String topic, java.util.Set<String> expectedKeys) {
    LocalKafka.Result which =
        LocalKafka.run(List.of("sh", "-c", "command -v kcat"), Map.of(), Duration.ofSeconds(10));
    if (which.exit() != 0) {
      if (System.getenv("CI") != null) {
        fail("kcat is not installed (apt-get install -y kcat); CI must have it");
      }
      System.err.println("SKIPPED the kcat check: kcat is not installed (apt-get install -y kcat)");
      return;
    }
    LocalKafka.Result r =
        LocalKafka.run(
            List.of(
                "kcat",
                "-C",
                "-b",
                kafka.bootstrap(),
                "-t",
                topic,
                "-e",
                "-q",
                "-Z",
                "-f",
                "%k\\t%s\\n"),
            Map.of(),
            Duration.ofSeconds(60));
    assertEquals(0, r.exit(), r.output());
    Map<String, String> latest = new TreeMap<>();
    for (String line : r.output().split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] kv = line.split("\t", 2);
      if (kv[1].equals("NULL")) {
        latest.remove(kv[0]);
      } else {
        latest.put(kv[0], kv[1]);
      }
    }
    assertEquals(new java.util.TreeSet<>(expectedKeys), latest.keySet());
  }
}
