package org.newsmentions.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka client settings, shared by the Kafka source, the Kafka sinks and the feeder: the bootstrap
 * servers plus any properties from a properties file (security, TLS, SASL, group id...), split into
 * what the consumer and the producer accept so neither logs warnings about the other's keys. A key
 * that neither client knows (a plugin's own setting) goes to both.
 *
 * <p>Defaults, each overridable by the file: the consumer's {@code group.id} is {@value
 * #DEFAULT_GROUP_ID} (offsets are committed under it) and a new group starts at the earliest
 * retained offset ({@code auto.offset.reset=earliest}), so articles published before the pipeline
 * first started are not skipped. {@code bootstrap.servers} always comes from {@link
 * #bootstrapServers()}, never from the properties.
 *
 * <p>It knows nothing of command-line flags: the options layer reads them into this value.
 */
public final class KafkaClientProperties implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String DEFAULT_GROUP_ID = "news-mentions";

  /** A broker on this machine's default port, as the local scripts start it. */
  public static final String LOCAL_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

  private final String bootstrapServers;
  private final Map<String, String> properties;

  public KafkaClientProperties(String bootstrapServers, Map<String, String> properties) {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("no Kafka bootstrap servers: give HOST:PORT[,HOST:PORT]");
    }
    this.bootstrapServers = bootstrapServers.strip();
    this.properties = Map.copyOf(properties);
  }

  /** {@link #LOCAL_BOOTSTRAP_SERVERS} with no further properties. */
  public static KafkaClientProperties local() {
    return new KafkaClientProperties(LOCAL_BOOTSTRAP_SERVERS, Map.of());
  }

  /** These brokers with the given properties file's settings. */
  public static KafkaClientProperties withFile(String bootstrapServers, Path file) {
    return new KafkaClientProperties(bootstrapServers, load(file));
  }

  /** A Java properties file as a map. */
  public static Map<String, String> load(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Kafka properties file " + file, e);
    }
    Map<String, String> map = new HashMap<>();
    for (String name : p.stringPropertyNames()) {
      map.put(name, p.getProperty(name).strip());
    }
    return map;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Settings for consumers (without bootstrap.servers, which KafkaIO takes separately). */
  public Map<String, Object> consumer() {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP_ID);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.putAll(select(ConsumerConfig.configNames(), ProducerConfig.configNames()));
    c.remove(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
    return c;
  }

  /** Settings for producers (without bootstrap.servers). */
  public Map<String, Object> producer() {
    Map<String, Object> c =
        new HashMap<>(select(ProducerConfig.configNames(), ConsumerConfig.configNames()));
    c.remove(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    return c;
  }

  /** The consumer group offsets are committed under. */
  public String groupId() {
    return (String) consumer().get(ConsumerConfig.GROUP_ID_CONFIG);
  }

  /** The keys this client knows, plus those the other client does not know either. */
  private Map<String, String> select(Set<String> mine, Set<String> others) {
    Map<String, String> out = new HashMap<>();
    properties.forEach(
        (k, v) -> {
          if (mine.contains(k) || !others.contains(k)) {
            out.put(k, v);
          }
        });
    return out;
  }
}
