package org.newsmentions;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Assumptions;

/**
 * The real broker of {@code scripts/kafka-local.sh}, started for integration tests on free ports
 * (19092/19093 when they are free) with its data under {@code target/kafka-it}, and stopped by PID.
 * When it cannot start (say, its jars cannot be fetched) the tests are skipped with the reason,
 * except under CI (environment variable {@code CI} set), where they fail.
 */
final class LocalKafka implements AutoCloseable {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCRIPT = REPO.resolve("scripts/kafka-local.sh");

  private final Map<String, String> env = new HashMap<>();
  private final String bootstrap;
  private final Admin admin;

  private LocalKafka(int port, int controllerPort, Path data) {
    env.put("KAFKA_PORT", String.valueOf(port));
    env.put("KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
    env.put("KAFKA_DATA_DIR", data.toString());
    this.bootstrap = "127.0.0.1:" + port;
    this.admin = null;
  }

  private LocalKafka(LocalKafka started) {
    env.putAll(started.env);
    this.bootstrap = started.bootstrap;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  /** Starts a fresh broker (an empty data folder), or skips/fails the calling tests. */
  static LocalKafka start() {
    Path data = REPO.resolve("testing/target/kafka-it");
    int port = freePort(19092);
    int controller = freePort(port == 19092 ? 19093 : 0);
    LocalKafka k = new LocalKafka(port, controller, data);
    // A broker left over from an interrupted run would hold the folder: stop it by its PID.
    k.script("stop");
    deleteRecursively(data);
    Result r = k.script("start");
    if (r.exit != 0) {
      String why = "the Kafka broker of scripts/kafka-local.sh did not start:\n" + r.output;
      if (System.getenv("CI") != null) {
        fail(why);
      }
      Assumptions.abort(why + "\n(skipping; under CI this fails)");
    }
    return new LocalKafka(k);
  }

  String bootstrap() {
    return bootstrap;
  }

  /** Runs {@code kafka-local.sh topics} with these topic names (the script's own defaults else). */
  void scriptTopics(String input, String output, String deadLetters) {
    env.put("KAFKA_INPUT_TOPIC", input);
    env.put("KAFKA_OUTPUT_TOPIC", output);
    env.put("KAFKA_DEAD_LETTER_TOPIC", deadLetters);
    Result r = script("topics");
    if (r.exit != 0) {
      fail("kafka-local.sh topics failed:\n" + r.output);
    }
  }

  /** Creates a topic through the admin API (faster than the script's tool, one JVM less). */
  void createTopic(String name, int partitions, boolean compacted) throws Exception {
    createTopic(name, partitions, compacted ? Map.of("cleanup.policy", "compact") : Map.of());
  }

  /** Creates a topic with these topic-level configs (e.g. {@code max.message.bytes}). */
  void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
    NewTopic t = new NewTopic(name, partitions, (short) 1);
    t.configs(configs);
    admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
  }

  /** Committed offsets of a consumer group summed over the topic, and the topic's end offsets. */
  long[] committedAndEnd(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    long c = 0;
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (var p :
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
      TopicPartition tp = new TopicPartition(topic, p.partition());
      latest.put(tp, OffsetSpec.latest());
      OffsetAndMetadata m = committed.get(tp);
      c += m == null ? 0 : m.offset();
    }
    long end = 0;
    for (var e : admin.listOffsets(latest).all().get().values()) {
      end += e.offset();
    }
    return new long[] {c, end};
  }

  /** Every record of a topic so far, in partition and offset order (key, value). */
  List<Map.Entry<String, byte[]>> readAll(String topic) {
    List<Map.Entry<String, byte[]>> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records(topic)) {
      String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
      out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(key, r.value()));
    }
    return out;
  }

  /** Every record of a topic so far, headers included, in partition and offset order. */
  List<ConsumerRecord<byte[], byte[]>> records(String topic) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config)) {
      List<TopicPartition> parts =
          c.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      // Reads up to the end offsets as they are now: done when every partition's position has
      // reached its end, whatever the time that takes. The deadline only stops a hung broker,
      // and fails rather than return part of the topic.
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          fail("could not read " + topic + " to its end offsets " + end + " in 5 minutes");
        }
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** The latest value per key of a topic (a null value deletes the key), as UTF-8 text. */
  Map<String, String> latestByKey(String topic) {
    Map<String, String> latest = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : readAll(topic)) {
      if (e.getValue() == null) {
        latest.remove(e.getKey());
      } else {
        latest.put(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8));
      }
    }
    return latest;
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
    Result r = script("stop");
    if (r.exit != 0) {
      System.err.println("kafka-local.sh stop failed:\n" + r.output);
    }
  }

  record Result(int exit, String output) {}

  Result script(String command) {
    return run(List.of(SCRIPT.toString(), command), env, Duration.ofMinutes(5));
  }

  /** Runs a command with extra environment variables; output and error merged. */
  static Result run(List<String> command, Map<String, String> env, Duration timeout) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().putAll(env);
      Path log = Files.createTempFile("local-kafka", ".log");
      pb.redirectOutput(log.toFile());
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out after " + timeout + ":\n" + Files.readString(log));
      }
      String out = Files.readString(log);
      Files.deleteIfExists(log);
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The preferred port when it is free, else any free port on 127.0.0.1. */
  private static int freePort(int preferred) {
    if (preferred > 0) {
      try (ServerSocket s = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      } catch (IOException e) {
        // taken: any port will do
      }
    }
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
