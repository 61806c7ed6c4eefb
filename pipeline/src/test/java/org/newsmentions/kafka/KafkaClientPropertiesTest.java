package org.newsmentions.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientPropertiesTest {

  @Test
  void defaultsWithoutAFile() {
    KafkaClientProperties k = new KafkaClientProperties(" 127.0.0.1:9092 ", Map.of());
    assertEquals("127.0.0.1:9092", k.bootstrapServers());
    assertEquals("news-mentions", k.groupId());
    assertEquals("earliest", k.consumer().get("auto.offset.reset"));
    assertTrue(k.producer().isEmpty());
  }

  @Test
  void fileSettingsGoToTheClientsThatKnowThem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("kafka.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "# TLS and SASL for both clients",
            "security.protocol=SASL_SSL",
            "sasl.mechanism=SCRAM-SHA-512",
            "ssl.truststore.location=/etc/kafka/truststore.jks",
            "group.id=newsroom-counts",
            "acks=all",
            "bootstrap.servers=ignored:1",
            "my.plugin.setting=x"));
    KafkaClientProperties k = KafkaClientProperties.withFile("broker-1:9093,broker-2:9093", file);
    assertEquals("broker-1:9093,broker-2:9093", k.bootstrapServers());
    Map<String, Object> consumer = k.consumer();
    Map<String, Object> producer = k.producer();
    assertEquals("SASL_SSL", consumer.get("security.protocol"));
    assertEquals("SASL_SSL", producer.get("security.protocol"));
    assertEquals("SCRAM-SHA-512", producer.get("sasl.mechanism"));
    assertEquals("/etc/kafka/truststore.jks", consumer.get("ssl.truststore.location"));
    assertEquals("newsroom-counts", k.groupId());
    assertFalse(producer.containsKey("group.id"));
    assertEquals("all", producer.get("acks"));
    assertFalse(consumer.containsKey("acks"));
    assertFalse(consumer.containsKey("bootstrap.servers"));
    assertFalse(producer.containsKey("bootstrap.servers"));
    assertEquals("x", consumer.get("my.plugin.setting"));
    assertEquals("x", producer.get("my.plugin.setting"));
  }

  @Test
  void missingFileAndEmptyServersFailClearly(@TempDir Path dir) {
    assertThrows(
        java.io.UncheckedIOException.class,
        () -> KafkaClientProperties.load(dir.resolve("absent.properties")));
    assertThrows(IllegalArgumentException.class, () -> new KafkaClientProperties(" ", Map.of()));
  }
}
