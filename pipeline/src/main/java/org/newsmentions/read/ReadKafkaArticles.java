package org.newsmentions.read;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.joda.time.Duration;
import org.newsmentions.deadletter.DeadLetters;
import org.newsmentions.kafka.KafkaClientProperties;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.RawArticle;

/**
 * Reads articles from a Kafka topic with KafkaIO. Output: the same tuple as {@link ReadArticles},
 * so everything downstream is unchanged: {@link #RECORDS}, one {@link RawArticle} per Kafka record
 * (format and hints per {@link KafkaArticleDecoder}, source {@code kafka:topic/partition/offset}),
 * stamped with the article's publication time by {@link PublicationTimestampPolicy}; and {@link
 * #DEAD_LETTERS}, records that claim to be Avro but are not an article (stage {@code read}, the
 * original value as payload). Nothing is dropped: everything else goes on to the parser, which
 * dead-letters what is not an article.
 *
 * <p>Offsets are committed to Kafka (consumer group {@code group.id}, default {@value
 * KafkaClientProperties#DEFAULT_GROUP_ID}) when the runner finalizes a checkpoint, so a new run
 * continues after the last committed record; with {@code fromBeginning} every partition is read
 * from its earliest retained offset whatever was committed.
 */
public class ReadKafkaArticles extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<RawArticle> RECORDS = ReadArticles.RECORDS;
  public static final TupleTag<DeadLetter> DEAD_LETTERS = ReadArticles.DEAD_LETTERS;

  private final String topic;
  private final KafkaClientProperties kafka;
  private final boolean fromBeginning;
  private final long maxOutOfOrderMillis;
  private final ParserSettings parser;

  private ReadKafkaArticles(
      String topic,
      KafkaClientProperties kafka,
      boolean fromBeginning,
      long maxOutOfOrderMillis,
      ParserSettings parser) {
    this.topic = topic;
    this.kafka = kafka;
    this.fromBeginning = fromBeginning;
    this.maxOutOfOrderMillis = maxOutOfOrderMillis;
    this.parser = parser;
  }

  /**
   * Reads {@code topic} from the committed offsets, with the Kafka client defaults of {@link
   * KafkaClientProperties#local()}, the default parser settings and a watermark one day behind the
   * latest publication time seen; change them with the {@code with*} methods, which return copies.
   */
  public static ReadKafkaArticles from(String topic) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("the Kafka topic to read is empty");
    }
    return new ReadKafkaArticles(
        topic.strip(),
        KafkaClientProperties.local(),
        false,
        DEFAULT_MAX_OUT_OF_ORDER.getMillis(),
        ParserSettings.defaults());
  }

  /** How far the watermark trails the latest publication time seen, by default. */
  public static final Duration DEFAULT_MAX_OUT_OF_ORDER = Duration.standardDays(1);

  /** The brokers and client properties to read with. */
  public ReadKafkaArticles withKafka(KafkaClientProperties value) {
    return new ReadKafkaArticles(
        topic, Objects.requireNonNull(value), fromBeginning, maxOutOfOrderMillis, parser);
  }

  /**
   * Whether every partition is read from its earliest retained offset, ignoring the offsets that an
   * earlier run committed.
   */
  public ReadKafkaArticles withFromBeginning(boolean value) {
    return new ReadKafkaArticles(topic, kafka, value, maxOutOfOrderMillis, parser);
  }

  /** How far the watermark trails the latest publication time seen. */
  public ReadKafkaArticles withMaxOutOfOrder(Duration value) {
    if (value.getMillis() < 0) {
      throw new IllegalArgumentException("maxOutOfOrder must not be negative: " + value);
    }
    return new ReadKafkaArticles(topic, kafka, fromBeginning, value.getMillis(), parser);
  }

  /** The settings the pipeline parses with, so publication dates are read the same way. */
  public ReadKafkaArticles withParser(ParserSettings value) {
    return new ReadKafkaArticles(
        topic, kafka, fromBeginning, maxOutOfOrderMillis, Objects.requireNonNull(value));
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    KafkaIO.Read<byte[], byte[]> read =
        KafkaIO.<byte[], byte[]>read()
            .withBootstrapServers(kafka.bootstrapServers())
            .withTopic(topic)
            .withKeyDeserializerAndCoder(
                ByteArrayDeserializer.class, NullableCoder.of(ByteArrayCoder.of()))
            .withValueDeserializerAndCoder(
                ByteArrayDeserializer.class, NullableCoder.of(ByteArrayCoder.of()))
            .withConsumerConfigUpdates(kafka.consumer())
            .withTimestampPolicyFactory(
                new PublicationTimestampPolicy.Factory(maxOutOfOrderMillis, parser))
            .commitOffsetsInFinalize();
    if (fromBeginning) {
      read = read.withConsumerFactoryFn(new FromBeginning());
    }
    PCollectionTuple out =
        input
            .apply("ReadKafka", read)
            .apply(
                "ToRawArticles",
                ParDo.of(new ToRawFn()).withOutputTags(RECORDS, TupleTagList.of(DEAD_LETTERS)));
    out.get(RECORDS).setCoder(AvroCoder.of(RawArticle.class));
    out.get(DEAD_LETTERS).setCoder(AvroCoder.of(DeadLetter.class));
    return out;
  }

  /** A Kafka record as the parser's input; see {@link KafkaArticleDecoder}. */
  static RawArticle toRaw(KafkaRecord<byte[], byte[]> r) throws BadArticleException {
    Map<String, byte[]> headers = new HashMap<>();
    if (r.getHeaders() != null) {
      for (Header h : r.getHeaders()) {
        headers.put(h.key().toLowerCase(java.util.Locale.ROOT), h.value());
      }
    }
    return KafkaArticleDecoder.decode(
        r.getTopic(),
        r.getPartition(),
        r.getOffset(),
        r.getTimestamp(),
        r.getKV().getKey(),
        r.getKV().getValue(),
        headers);
  }

  static class ToRawFn extends DoFn<KafkaRecord<byte[], byte[]>, RawArticle> {
    private final Counter records = Metrics.counter(ReadKafkaArticles.class, "records");
    private final Counter rejected = Metrics.counter(ReadKafkaArticles.class, "deadLettered");

    @ProcessElement
    public void process(@Element KafkaRecord<byte[], byte[]> r, MultiOutputReceiver out) {
      records.inc();
      try {
        out.get(RECORDS).output(toRaw(r));
      } catch (BadArticleException e) {
        rejected.inc();
        byte[] value = r.getKV().getValue();
        out.get(DEAD_LETTERS)
            .output(
                DeadLetters.of(
                    KafkaArticleDecoder.source(r.getTopic(), r.getPartition(), r.getOffset()),
                    "read",
                    e.reason() + ": " + e.getMessage(),
                    e.getCause(),
                    value == null ? new byte[0] : value,
                    Instant.now()));
      }
    }
  }

  /**
   * Consumers that start every assigned partition at its earliest offset. KafkaIO seeks again to
   * its own checkpoint's offsets when it resumes a reader within the run, so this only decides
   * where a fresh run starts.
   */
  static final class FromBeginning
      implements SerializableFunction<Map<String, Object>, Consumer<byte[], byte[]>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Consumer<byte[], byte[]> apply(Map<String, Object> config) {
      return new KafkaConsumer<byte[], byte[]>(config) {
        @Override
        public void assign(Collection<TopicPartition> partitions) {
          super.assign(partitions);
          seekToBeginning(partitions);
        }
      };
    }
  }
}
