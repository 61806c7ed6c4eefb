package org.newsmentions.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Kafka as a source and as a sink. */
public interface KafkaOptions extends PipelineOptions {
  @Description(
      "Kafka topic to read articles from (instead of --input). Turns on --streaming unless"
          + " --streaming is given. Values: a JSON-lines article, raw scraper text or an Avro"
          + " Article.")
  String getInputTopic();

  void setInputTopic(String value);

  @Description("Kafka bootstrap servers, HOST:PORT[,HOST:PORT...].")
  @Default.String("127.0.0.1:9092")
  String getBootstrapServers();

  void setBootstrapServers(String value);

  @Description(
      "Java properties file applied to the Kafka consumer and producer (security.protocol, SASL,"
          + " TLS trust stores, group.id, ...). Default group.id: news-mentions.")
  String getKafkaProperties();

  void setKafkaProperties(String value);

  @Description(
      "Read --inputTopic from the earliest retained offset, ignoring the offsets committed by an"
          + " earlier run (recomputes every window; keyed output records overwrite).")
  @Default.Boolean(false)
  boolean getFromBeginning();

  void setFromBeginning(boolean value);

  @Description(
      "Kafka topic for the counts: one record per window pane and entity, key"
          + " window_start|entity_id, value JSON (Avro when --format includes avro); a key whose"
          + " entity left the window gets a tombstone. Meant for a compacted topic.")
  String getOutputTopic();

  void setOutputTopic(String value);

  @Description("Kafka topic for dead letters (JSON, with the original payload).")
  String getDeadLetterTopic();

  void setDeadLetterTopic(String value);
}
