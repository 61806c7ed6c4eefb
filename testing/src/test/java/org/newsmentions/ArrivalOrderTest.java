package org.newsmentions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsmentions.reference.ModelAssert;
import org.newsmentions.reference.ReferenceModel;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.sink.JobOutputs;

/**
 * Streaming: the same articles fed in different arrival orders, with the watermark and processing
 * time moving in between (early panes, late panes), end with the same final pane per window (and
 * per window and pair for the co-mentions), equal to the batch reference model.
 */
@ExtendWith(TestPipelineExtension.class)
class ArrivalOrderTest {
  private static final org.joda.time.Instant START =
      org.joda.time.Instant.parse("2025-05-01T00:00:00Z");
  private static final org.joda.time.Instant FIRST_ARRIVAL =
      org.joda.time.Instant.parse("2025-05-08T12:00:00Z");

  @Test
  void inPublicationOrder(TestPipeline pipeline) {
    List<RawArticle> raws = samples();
    raws.sort(byPublication());
    run(pipeline, raws);
  }

  @Test
  void reversedWithEarlyAndLatePanes(TestPipeline pipeline) {
    List<RawArticle> raws = samples();
    raws.sort(byPublication().reversed());
    run(pipeline, raws);
  }

  @Test
  void shuffled(TestPipeline pipeline) {
    List<RawArticle> raws = samples();
    Collections.shuffle(raws, new Random(42));
    run(pipeline, raws);
  }

  /**
   * Feeds the first half, fires early panes, moves the watermark to the middle of the publication
   * range (so later articles of earlier windows arrive late but within allowed lateness), then
   * feeds the rest and ends the stream.
   */
  private static void run(TestPipeline pipeline, List<RawArticle> raws) {
    NewsMentions.Settings settings = Fixtures.settings(true);
    ReferenceModel.Output expected = ReferenceModel.run(raws, settings);
    int half = raws.size() / 2;
    TestStream.Builder<RawArticle> stream =
        TestStream.create(AvroCoder.of(RawArticle.class)).advanceWatermarkTo(START);
    // The source stamps records with their arrival time. The watermark may move to 7 May noon only
    // once a record stamped a day (maxOutOfOrder) later has arrived: the streaming source contract
    // that LatenessGate relies on (watermark <= highest source timestamp - maxOutOfOrder).
    for (RawArticle r : raws.subList(0, half)) {
      stream = stream.addElements(TimestampedValue.of(r, FIRST_ARRIVAL));
    }
    stream =
        stream
            .advanceProcessingTime(Duration.standardMinutes(2))
            .advanceWatermarkTo(org.joda.time.Instant.parse("2025-05-07T12:00:00Z"))
            .advanceProcessingTime(Duration.standardMinutes(2));
    for (RawArticle r : raws.subList(half, raws.size())) {
      stream =
          stream.addElements(
              TimestampedValue.of(r, org.joda.time.Instant.parse("2025-05-07T12:00:00Z")));
    }
    JobOutputs result =
        pipeline.apply(stream.advanceWatermarkToInfinity()).apply(new NewsMentions(settings));

    // Every window's final pane equals the model's: no window missing, none extra.
    ModelAssert.assertFinalPanes("final panes", result.counts(), expected.counts());
    // Co-mentions have panes per pair: each pair's final pane equals the model's row.
    ModelAssert.assertFinalCoMentionPanes(
        "final co-mention panes", result.coMentions(), expected.coMentions());
    pipeline.run().waitUntilFinish();
  }

  private static List<RawArticle> samples() {
    return new ArrayList<>(ReferenceModel.readFiles(Fixtures.sampleFiles(), 2 * 1024 * 1024));
  }

  /** Orders by publication time as the parser sees it (undated first), each parsed once. */
  private static java.util.Comparator<RawArticle> byPublication() {
    org.newsmentions.parse.ArticleParser parser =
        new org.newsmentions.parse.ArticleParser(Fixtures.settings(true).parser());
    Map<RawArticle, Instant> published = new java.util.IdentityHashMap<>();
    return java.util.Comparator.comparing(
        (RawArticle raw) -> published.computeIfAbsent(raw, r -> publishedOrEpoch(parser, r)));
  }

  private static Instant publishedOrEpoch(
      org.newsmentions.parse.ArticleParser parser, RawArticle raw) {
    try {
      Instant t = parser.parse(raw).article().getPublished();
      return t == null ? Instant.EPOCH : t;
    } catch (org.newsmentions.parse.BadArticleException e) {
      return Instant.EPOCH;
    }
  }
}
