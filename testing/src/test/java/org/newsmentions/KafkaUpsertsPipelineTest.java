package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsmentions.reference.ModelAssert;
import org.newsmentions.reference.ReferenceModel;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.sink.CountUpserts;
import org.newsmentions.sink.JobOutputs;
import org.newsmentions.sink.WriteKafka;

/**
 * The Kafka sink's count records for the case that needs deletes: a copy arrives first and is
 * counted in its own window (13 May), then its original arrives late for the previous window and
 * takes over, so the copy's window stops counting the story. The keys only the copy brought must
 * get tombstones, and the values are the final counts (Avro single-object encoding here).
 */
@ExtendWith(TestPipelineExtension.class)
class KafkaUpsertsPipelineTest {

  @Test
  void keysThatLeaveAWindowGetTombstones(TestPipeline pipeline) {
    Instant start = Instant.parse("2025-05-12T00:00:00Z");
    TestStream<RawArticle> stream =
        TestStream.create(AvroCoder.of(RawArticle.class))
            .advanceWatermarkTo(start)
            .addElements(
                TimestampedValue.of(CrossWindowDedupTest.COPY, start),
                TimestampedValue.of(CrossWindowDedupTest.INDEPENDENT, start))
            .advanceProcessingTime(Duration.standardMinutes(2))
            .advanceWatermarkTo(Instant.parse("2025-05-14T06:00:00Z"))
            .addElements(TimestampedValue.of(CrossWindowDedupTest.ORIGINAL, start))
            .advanceWatermarkToInfinity();
    JobOutputs result = pipeline.apply(stream).apply(new NewsMentions(Fixtures.settings(true)));
    PCollection<KV<String, byte[]>> records =
        WriteKafka.create().withAvroCounts(true).countRecords(result);

    Map<String, EntityMentionCount> expected =
        byKey(
            ReferenceModel.run(
                    List.of(
                        CrossWindowDedupTest.ORIGINAL,
                        CrossWindowDedupTest.COPY,
                        CrossWindowDedupTest.INDEPENDENT),
                    Fixtures.settings(false))
                .counts());
    // What the 13 May window counted before the original arrived.
    Set<String> early =
        byKey(
                ReferenceModel.run(
                        List.of(CrossWindowDedupTest.COPY, CrossWindowDedupTest.INDEPENDENT),
                        Fixtures.settings(false))
                    .counts())
            .keySet();
    Set<String> gone = new TreeSet<>(early);
    gone.removeAll(expected.keySet());
    assertFalse(gone.isEmpty(), "the copy brings entities the final 13 May counts do not have");

    PAssert.that(records)
        .satisfies(
            all -> {
              Set<String> tombstones = new TreeSet<>();
              Map<String, EntityMentionCount> latest = new HashMap<>();
              for (KV<String, byte[]> r : all) {
                if (r.getValue() == null) {
                  tombstones.add(r.getKey());
                  continue;
                }
                EntityMentionCount c = decode(r.getValue());
                assertEquals(CountUpserts.key(c), r.getKey());
                EntityMentionCount prev = latest.get(r.getKey());
                if (prev == null || prev.getPaneIndex() < c.getPaneIndex()) {
                  latest.put(r.getKey(), c);
                }
              }
              assertEquals(gone, tombstones);
              Map<String, String> live = new TreeMap<>();
              latest.forEach(
                  (k, c) -> {
                    if (!tombstones.contains(k)) {
                      live.put(k, counts(c));
                    }
                  });
              Map<String, String> want = new TreeMap<>();
              expected.forEach((k, c) -> want.put(k, counts(c)));
              // The live keys per window equal the model's: none missing, none extra.
              ModelAssert.assertSameWindows(
                  "live count records",
                  ModelAssert.byWindowOfKeys(want),
                  ModelAssert.byWindowOfKeys(live));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  /**
   * Batch: the count rows are final and combined per (window, entity), so the upserts are keyed by
   * (window, entity) too: one record per key, equal to the model's counts, and no tombstone.
   */
  @Test
  void batchWritesOneUpsertPerWindowAndEntity(TestPipeline pipeline) {
    List<RawArticle> raws =
        List.of(
            CrossWindowDedupTest.ORIGINAL,
            CrossWindowDedupTest.COPY,
            CrossWindowDedupTest.INDEPENDENT);
    JobOutputs result =
        pipeline
            .apply(
                org.apache.beam.sdk.transforms.Create.of(raws)
                    .withCoder(AvroCoder.of(RawArticle.class)))
            .apply(new NewsMentions(Fixtures.settings(false)));
    PCollection<KV<String, byte[]>> records =
        WriteKafka.create().withAvroCounts(true).countRecords(result);
    Map<String, String> want = new TreeMap<>();
    byKey(ReferenceModel.run(raws, Fixtures.settings(false)).counts())
        .forEach((k, c) -> want.put(k, counts(c)));
    PAssert.that(records)
        .satisfies(
            all -> {
              Map<String, String> got = new TreeMap<>();
              for (KV<String, byte[]> r : all) {
                EntityMentionCount c = decode(r.getValue());
                assertEquals(CountUpserts.key(c), r.getKey());
                assertEquals(null, got.put(r.getKey(), counts(c)), "one record per key");
              }
              assertEquals(want, got);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static Map<String, EntityMentionCount> byKey(List<EntityMentionCount> counts) {
    Map<String, EntityMentionCount> m = new TreeMap<>();
    counts.forEach(c -> m.put(CountUpserts.key(c), c));
    return m;
  }

  private static String counts(EntityMentionCount c) {
    return c.getMentions() + "/" + c.getArticles() + "/" + c.getCopies() + "/" + c.getOutlets();
  }

  private static EntityMentionCount decode(byte[] bytes) {
    try {
      return EntityMentionCount.getDecoder().decode(ByteBuffer.wrap(bytes));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
