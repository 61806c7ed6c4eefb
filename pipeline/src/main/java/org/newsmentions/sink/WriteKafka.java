package org.newsmentions.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsmentions.count.CountMentions;
import org.newsmentions.dedup.KeptStories;
import org.newsmentions.kafka.KafkaClientProperties;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.EntityMentionCount;

/**
 * Writes the job's counts and dead letters to Kafka.
 *
 * <p>Counts ({@code outputTopic}): every window pane becomes one record per entity, key {@code
 * window_start|entity_id} (window start in ISO-8601 UTC, as in the JSON files), value the same JSON
 * as the file sink's {@code counts/} lines, or with {@code avro} the Avro {@code
 * EntityMentionCount} in single-object encoding. Keys of the window that an earlier pane wrote and
 * this pane no longer has get a tombstone (see {@link CountUpserts}), so on a compacted topic the
 * latest value per key is always the window's current count. Panes older than one already written
 * for the window are skipped. The rows are made from the same kept stories and by the same code as
 * the pipeline's counts ({@link CountMentions#rows}); whole panes are needed to see removals. The
 * step that makes a window's records also sends them, pane by pane, so the topic sees each key's
 * values in pane order.
 *
 * <p>Dead letters ({@code deadLetterTopic}): key the record's {@code source}, value the dead letter
 * as JSON (the original payload included).
 *
 * <p>Either topic may be null (not written). Records carry the time they are written as their Kafka
 * timestamp, not the publication time, so a topic's time retention counts from the write.
 */
public class WriteKafka extends PTransform<JobOutputs, PDone> {
  private final KafkaClientProperties kafka;
  private final String countsTopic;
  private final String deadLetterTopic;
  private final boolean avro;

  private WriteKafka(
      KafkaClientProperties kafka, String countsTopic, String deadLetterTopic, boolean avro) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.countsTopic = blankToNull(countsTopic);
    this.deadLetterTopic = blankToNull(deadLetterTopic);
    this.avro = avro;
  }

  /**
   * A sink that writes nothing yet, to {@link KafkaClientProperties#local()}; name the topics and
   * the brokers with the {@code with*} methods, which return copies.
   */
  public static WriteKafka create() {
    return new WriteKafka(KafkaClientProperties.local(), null, null, false);
  }

  /** The brokers and client properties to write with. */
  public WriteKafka withKafka(KafkaClientProperties value) {
    return new WriteKafka(value, countsTopic, deadLetterTopic, avro);
  }

  /** The topic for the count upserts; null or blank writes none. */
  public WriteKafka withCountsTopic(String value) {
    return new WriteKafka(kafka, value, deadLetterTopic, avro);
  }

  /** The topic for the dead letters; null or blank writes none. */
  public WriteKafka withDeadLetterTopic(String value) {
    return new WriteKafka(kafka, countsTopic, value, avro);
  }

  /** Count values as Avro binary instead of JSON. */
  public WriteKafka withAvroCounts(boolean value) {
    return new WriteKafka(kafka, countsTopic, deadLetterTopic, value);
  }

  @Override
  public PDone expand(JobOutputs result) {
    KvCoder<String, byte[]> recordCoder =
        KvCoder.of(StringUtf8Coder.of(), NullableCoder.of(ByteArrayCoder.of()));
    if (countsTopic != null) {
      countRecords(result, countsTopic);
    }
    if (deadLetterTopic != null) {
      result
          .deadLetters()
          .apply(
              "DeadLettersToJson",
              MapElements.into(
                      TypeDescriptors.kvs(
                          TypeDescriptors.strings(), TypeDescriptor.of(byte[].class)))
                  .via(
                      (DeadLetter d) ->
                          KV.of(
                              d.getSource(),
                              JsonRecords.toJson(d).getBytes(StandardCharsets.UTF_8))))
          .setCoder(recordCoder)
          .apply("WriteDeadLettersKafka", write(deadLetterTopic));
    }
    return PDone.in(result.getPipeline());
  }

  /**
   * The count records of every pane, upserts (key to value) and tombstones (key to null), without
   * writing them anywhere (for tests).
   */
  public PCollection<KV<String, byte[]>> countRecords(JobOutputs result) {
    return countRecords(result, null);
  }

  /**
   * The count records of every pane, published to {@code topic} when it is not null. They are
   * published by the stateful step that makes them, one pane at a time and flushed before the next:
   * Beam does not keep the order of bundles between steps, and a separate writer step could let an
   * older pane overwrite a newer one on the compacted topic. In streaming that step is keyed by
   * window (a pane's rows and the tombstones of the keys it no longer has go out together); in
   * batch every count row is final, so it is keyed by the record key, (window, entity), and each
   * key gets its one upsert.
   */
  private PCollection<KV<String, byte[]>> countRecords(JobOutputs result, String topic) {
    PCollection<KV<String, KV<Long, List<EntityMentionCount>>>> rows =
        result.keptStoriesArePanes()
            ? result.keptStories().apply("PaneRows", ParDo.of(new PaneRowsFn()))
            : result.counts().apply("RowsByKey", ParDo.of(new RowByKeyFn()));
    return rows.setCoder(
            KvCoder.of(
                StringUtf8Coder.of(),
                KvCoder.of(
                    VarLongCoder.of(), ListCoder.of(AvroCoder.of(EntityMentionCount.class)))))
        .apply(
            topic == null ? "Upserts" : "UpsertsToKafka",
            ParDo.of(new UpsertFn(avro, kafka, topic)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), NullableCoder.of(ByteArrayCoder.of())));
  }

  /** Batch: each final count row on its own, under its record key. */
  static class RowByKeyFn
      extends DoFn<EntityMentionCount, KV<String, KV<Long, List<EntityMentionCount>>>> {
    @ProcessElement
    public void process(
        @Element EntityMentionCount row,
        OutputReceiver<KV<String, KV<Long, List<EntityMentionCount>>>> out) {
      out.output(KV.of(CountUpserts.key(row), KV.of(row.getPaneIndex(), List.of(row))));
    }
  }

  /** Producer settings: room for large dead letters, then the user's properties. */
  private static Map<String, Object> producerConfig(KafkaClientProperties kafka) {
    Map<String, Object> producer = new HashMap<>();
    // Dead letters carry articles of up to 2 MiB (base64 makes that 2.7 MB).
    producer.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.putAll(kafka.producer());
    return producer;
  }

  private KafkaIO.Write<String, byte[]> write(String topic) {
    Map<String, Object> producer = producerConfig(kafka);
    return KafkaIO.<String, byte[]>write()
        .withBootstrapServers(kafka.bootstrapServers())
        .withTopic(topic)
        .withKeySerializer(StringSerializer.class)
        .withValueSerializer(ByteArraySerializer.class)
        .withProducerConfigUpdates(producer);
  }

  /** Each pane of kept stories as its window start and its rows (possibly none). */
  static class PaneRowsFn
      extends DoFn<KeptStories, KV<String, KV<Long, List<EntityMentionCount>>>> {
    @ProcessElement
    public void process(
        @Element KeptStories stories,
        BoundedWindow window,
        PaneInfo pane,
        OutputReceiver<KV<String, KV<Long, List<EntityMentionCount>>>> out) {
      List<EntityMentionCount> rows = CountMentions.rows(stories, window, pane);
      String windowStart =
          java.time.Instant.ofEpochMilli(
                  ((org.apache.beam.sdk.transforms.windowing.IntervalWindow) window)
                      .start()
                      .getMillis())
              .toString();
      out.output(KV.of(windowStart, KV.of(pane.getIndex(), rows)));
    }
  }

  /**
   * Per window (streaming) or per record key (batch): remembers which keys have a value and the
   * last pane written, and turns each newer pane into upserts and tombstones.
   */
  static class UpsertFn
      extends DoFn<KV<String, KV<Long, List<EntityMentionCount>>>, KV<String, byte[]>> {
    private final Counter upserts = Metrics.counter(WriteKafka.class, "countRecords");
    private final Counter tombstones = Metrics.counter(WriteKafka.class, "tombstones");
    private final Counter stalePanes = Metrics.counter(WriteKafka.class, "stalePanesSkipped");
    private final boolean avro;
    private final KafkaClientProperties kafka;
    private final String topic;
    private transient Producer<String, byte[]> producer;

    @StateId("live")
    private final StateSpec<ValueState<List<String>>> liveSpec =
        StateSpecs.value(ListCoder.of(StringUtf8Coder.of()));

    @StateId("pane")
    private final StateSpec<ValueState<Long>> paneSpec = StateSpecs.value(VarLongCoder.of());

    UpsertFn(boolean avro, KafkaClientProperties kafka, String topic) {
      this.avro = avro;
      this.kafka = kafka;
      this.topic = topic;
    }

    @Setup
    public void setup() {
      if (topic != null) {
        Map<String, Object> config = producerConfig(kafka);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
      }
    }

    @Teardown
    public void teardown() {
      if (producer != null) {
        producer.close(java.time.Duration.ofSeconds(10));
        producer = null;
      }
    }

    @ProcessElement
    public void process(
        @Element KV<String, KV<Long, List<EntityMentionCount>>> pane,
        @StateId("live") ValueState<List<String>> live,
        @StateId("pane") ValueState<Long> lastPane,
        OutputReceiver<KV<String, byte[]>> out) {
      long index = pane.getValue().getKey();
      Long last = lastPane.read();
      if (last != null && index <= last) {
        stalePanes.inc();
        return;
      }
      List<String> before = live.read();
      CountUpserts.Step step =
          CountUpserts.apply(before == null ? List.of() : before, pane.getValue().getValue());
      List<KV<String, byte[]>> records = new ArrayList<>(step.writes().size());
      step.writes().forEach((key, row) -> records.add(KV.of(key, row == null ? null : value(row))));
      publish(records);
      for (KV<String, byte[]> r : records) {
        (r.getValue() == null ? tombstones : upserts).inc();
        out.output(r);
      }
      live.write(new ArrayList<>(step.live()));
      lastPane.write(index);
    }

    /**
     * Sends one pane's records and waits until the broker has them all; a failure fails the bundle,
     * so the runner retries it (state included): at least once, in pane order.
     */
    private void publish(List<KV<String, byte[]>> records) {
      if (producer == null || records.isEmpty()) {
        return;
      }
      List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
      for (KV<String, byte[]> r : records) {
        sent.add(producer.send(new ProducerRecord<>(topic, r.getKey(), r.getValue())));
      }
      producer.flush();
      try {
        for (Future<RecordMetadata> f : sent) {
          f.get();
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException("could not write counts to Kafka topic " + topic, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted writing to Kafka topic " + topic, e);
      }
    }

    private byte[] value(EntityMentionCount row) {
      if (!avro) {
        return JsonRecords.toJson(row).getBytes(StandardCharsets.UTF_8);
      }
      try {
        ByteBuffer b = EntityMentionCount.getEncoder().encode(row);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
