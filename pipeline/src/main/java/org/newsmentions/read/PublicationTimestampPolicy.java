package org.newsmentions.read;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.io.kafka.TimestampPolicyFactory;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.kafka.common.TopicPartition;
import org.joda.time.Instant;
import org.newsmentions.parse.BadArticleException;
import org.newsmentions.parse.ParserSettings;
import org.newsmentions.parse.PublicationTimes;
import org.newsmentions.schema.RawArticle;

/**
 * KafkaIO timestamp policy: stamps each record with its article's publication time and moves each
 * partition's watermark by the publication times read, as {@link PublicationWatermarks} describes
 * (a thin adapter: the rule lives there, the date comes from {@link PublicationTimes}).
 *
 * <p>"Caught up" for the idle-partition rule is KafkaIO's message backlog of the partition being
 * exactly 0 (an unknown backlog is not idle). Partitions share their watermarks through one {@link
 * PublicationWatermarks} per factory and JVM: on the Direct Runner that is every partition of the
 * topic; on a cluster, the partitions read in the same worker JVM.
 */
public final class PublicationTimestampPolicy extends TimestampPolicy<byte[], byte[]> {

  /** Makes one policy per partition; serialized with the KafkaIO transform. */
  public static final class Factory implements TimestampPolicyFactory<byte[], byte[]> {
    private static final long serialVersionUID = 1L;

    /** The shared partition clocks of each factory (by its id) in this JVM. */
    private static final Map<String, PublicationWatermarks> CLOCKS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final long maxOutOfOrderMillis;
    private final ParserSettings parser;

    /**
     * @param maxOutOfOrderMillis how far each partition's watermark trails its latest publication
     * @param parser the parser settings the pipeline parses with, so the dates agree
     */
    public Factory(long maxOutOfOrderMillis, ParserSettings parser) {
      this.maxOutOfOrderMillis = maxOutOfOrderMillis;
      this.parser = parser;
    }

    @Override
    public TimestampPolicy<byte[], byte[]> createTimestampPolicy(
        TopicPartition tp, Optional<Instant> previousWatermark) {
      PublicationWatermarks clocks =
          CLOCKS.computeIfAbsent(
              id,
              k ->
                  new PublicationWatermarks(
                      maxOutOfOrderMillis, BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis()));
      return new PublicationTimestampPolicy(
          clocks.track(tp.toString(), previousWatermark.map(Instant::getMillis).orElse(null)),
          new PublicationTimes(parser));
    }
  }

  private final PublicationWatermarks.Partition clock;
  private final PublicationTimes times;

  private PublicationTimestampPolicy(
      PublicationWatermarks.Partition clock, PublicationTimes times) {
    this.clock = clock;
    this.times = times;
  }

  @Override
  public Instant getTimestampForRecord(PartitionContext ctx, KafkaRecord<byte[], byte[]> record) {
    java.time.Instant published;
    try {
      RawArticle raw = ReadKafkaArticles.toRaw(record);
      published = times.of(raw);
    } catch (BadArticleException e) {
      // Dead-lettered by the read step; here it is just undated.
      published = null;
    }
    return new Instant(clock.eventTime(published == null ? null : published.toEpochMilli()));
  }

  @Override
  public Instant getWatermark(PartitionContext ctx) {
    return new Instant(clock.watermark(ctx.getMessageBacklog() == 0));
  }
}
