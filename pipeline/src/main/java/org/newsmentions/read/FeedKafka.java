package org.newsmentions.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.newsmentions.kafka.KafkaClientProperties;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;

/**
 * Publishes scraper output to a Kafka topic, one article per record, split exactly as the file
 * source splits files ({@link RawRecords}): a raw text file ({@code *.txt}) is one record, a
 * JSON-lines file ({@code *.jsonl}, {@code *.ndjson}, {@code *.json}) one record per non-blank
 * line, other files named on the command line by content; {@code .gz} files are read decompressed.
 * Directories expand to the files under them whose names announce one of those formats
 * (recursively, in path order, hidden ones skipped), so a scraper's output folder can be passed as
 * is.
 *
 * <p>Key: a JSON line's {@code url}, else the file name ({@code name#line} for JSON lines). Header
 * {@code content-type}: {@code text/plain; charset=utf-8} or {@code application/json}, so the
 * pipeline need not guess. A record is at most {@code 2 MiB + 1} bytes (longer ones are cut, and
 * the pipeline dead-letters them as oversize, as it does for files).
 *
 * <p>Usage: {@code FeedKafka [--topic=T] [--bootstrap=HOST:PORT] [--kafkaProperties=FILE]
 * FILES-OR-DIRS...}. Exit status 1 when a record could not be published or nothing was found.
 */
public final class FeedKafka {
  public static final String DEFAULT_TOPIC = "news-articles";
  public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What one call published. */
  public record Summary(int files, long records, long failed) {}

  private FeedKafka() {}

  public static void main(String[] args) throws IOException {
    String topic = DEFAULT_TOPIC;
    String bootstrap = DEFAULT_BOOTSTRAP;
    String propertiesFile = null;
    List<Path> inputs = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--topic=")) {
        topic = a.substring("--topic=".length());
      } else if (a.startsWith("--bootstrap=")) {
        bootstrap = a.substring("--bootstrap=".length());
      } else if (a.startsWith("--kafkaProperties=")) {
        propertiesFile = a.substring("--kafkaProperties=".length());
      } else if (a.equals("-h") || a.equals("--help") || a.startsWith("--")) {
        System.err.println(
            "usage: feed-kafka.sh [--topic=T] [--bootstrap=HOST:PORT] [--kafkaProperties=FILE]"
                + " FILES-OR-DIRS...");
        System.exit(a.startsWith("-h") || a.equals("--help") ? 0 : 2);
      } else {
        inputs.add(Path.of(a));
      }
    }
    KafkaClientProperties kafka =
        new KafkaClientProperties(
            bootstrap,
            propertiesFile == null
                ? Map.of()
                : KafkaClientProperties.load(Path.of(propertiesFile)));
    List<Path> files = expand(inputs, System.err);
    if (files.isEmpty()) {
      System.err.println("feed-kafka: no files to publish");
      System.exit(1);
    }
    Summary s;
    try (Producer<byte[], byte[]> producer = producer(kafka)) {
      requireTopic(producer, topic, bootstrap);
      s = publish(producer, topic, files, System.err);
    }
    System.out.printf(
        Locale.ROOT,
        "feed-kafka: published %,d records from %,d files to %s on %s%s%n",
        s.records() - s.failed(),
        s.files(),
        topic,
        bootstrap,
        s.failed() > 0 ? " (" + s.failed() + " failed)" : "");
    System.exit(s.failed() > 0 ? 1 : 0);
  }

  /** A producer for raw bytes with room for the largest article. */
  public static Producer<byte[], byte[]> producer(KafkaClientProperties kafka) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
    config.putAll(kafka.producer());
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(config);
  }

  private static void requireTopic(Producer<byte[], byte[]> producer, String topic, String at) {
    try {
      producer.partitionsFor(topic);
    } catch (KafkaException e) {
      System.err.printf(
          Locale.ROOT,
          "feed-kafka: topic %s not found on %s (%s); create it first, e.g."
              + " scripts/kafka-local.sh topics%n",
          topic,
          at,
          e.getMessage());
      System.exit(1);
    }
  }

  /** The files named, with each directory replaced by the files under it in name order. */
  public static List<Path> expand(List<Path> inputs, PrintStream log) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> !p.relativize(f).toString().matches("(^|.*/)\\..*"))
              .sorted()
              .forEach(found::add);
        }
        int other = 0;
        for (Path f : found) {
          if (RawRecords.formatOf(logicalName(f)) == RawFormat.AUTO) {
            other++;
          } else {
            files.add(f);
          }
        }
        if (other > 0) {
          log.printf(
              Locale.ROOT,
              "feed-kafka: skipping %d file(s) under %s that are not .txt, .jsonl, .ndjson or"
                  + " .json (name such files explicitly to send them)%n",
              other,
              p);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        log.println("feed-kafka: skipping " + p + " (no such file)");
      }
    }
    return files;
  }

  /** Publishes every record of {@code files} and waits until the broker has them all. */
  public static Summary publish(
      Producer<byte[], byte[]> producer, String topic, List<Path> files, PrintStream log)
      throws IOException {
    AtomicLong sent = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong notPages = new AtomicLong();
    RawRecords.Limits max =
        new RawRecords.Limits(
            ParserSettings.DEFAULT_MAX_ARTICLE_BYTES, ParserSettings.DEFAULT_MAX_PAGE_BYTES);
    for (Path file : files) {
      boolean gz = isGzip(file);
      String logical = logicalName(file);
      RawRecords.split(
          logical,
          Instant.now(),
          max,
          () -> open(file, gz),
          raw -> {
            sent.incrementAndGet();
            try {
              producer.send(
                  record(topic, raw),
                  (meta, e) -> {
                    if (e != null) {
                      failed.incrementAndGet();
                      log.println("feed-kafka: " + raw.getSource() + " not published: " + e);
                    }
                  });
            } catch (KafkaException e) {
              failed.incrementAndGet();
              log.println("feed-kafka: " + raw.getSource() + " not published: " + e);
            }
          },
          skip -> notPages.incrementAndGet());
    }
    producer.flush();
    if (notPages.get() > 0) {
      log.println(
          "feed-kafka: skipped "
              + notPages.get()
              + " WARC record(s) that are not HTML pages (requests, metadata, redirects...)");
    }
    return new Summary(files.size(), sent.get(), failed.get());
  }

  private static boolean isGzip(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** The file name, without {@code .gz}: what the format is read from. */
  private static String logicalName(Path file) {
    String name = file.getFileName().toString();
    return isGzip(file) ? name.substring(0, name.length() - 3) : name;
  }

  private static InputStream open(Path file, boolean gz) throws IOException {
    InputStream in = Files.newInputStream(file);
    return gz ? new GZIPInputStream(in, 64 * 1024) : in;
  }

  /** One split record as a Kafka record: key and content type as the class comment says. */
  static ProducerRecord<byte[], byte[]> record(String topic, RawArticle raw) {
    ByteBuffer b = raw.getPayload().duplicate();
    byte[] value = new byte[b.remaining()];
    b.get(value);
    boolean json = raw.getFormat() == RawFormat.JSON_LINE;
    String key = json ? urlOf(value) : null;
    if (key == null) {
      key = raw.getSource();
    }
    RecordHeaders headers = new RecordHeaders();
    String type = json ? KafkaArticleDecoder.JSON : KafkaArticleDecoder.TEXT;
    if (raw.getFormat() == RawFormat.HTML) {
      type = raw.getContentType() == null ? KafkaArticleDecoder.HTML : raw.getContentType();
      if (raw.getUrlHint() != null) {
        key = raw.getUrlHint();
        headers.add(KafkaArticleDecoder.URL, key.getBytes(StandardCharsets.UTF_8));
      }
    }
    headers.add(KafkaArticleDecoder.CONTENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), value, headers);
  }

  /** The {@code url} field of a JSON line, or null (also for a line that is not JSON). */
  private static String urlOf(byte[] line) {
    try {
      JsonNode n = MAPPER.readTree(line);
      JsonNode url = n == null ? null : n.get("url");
      return url != null && url.isTextual() && !url.textValue().isBlank()
          ? url.textValue().strip()
          : null;
    } catch (IOException e) {
      return null;
    }
  }
}
