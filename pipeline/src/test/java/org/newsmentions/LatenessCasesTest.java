package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsmentions.parse.ArticleParser;
import org.newsmentions.schema.Article;
import org.newsmentions.schema.DeadLetter;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;
import org.newsmentions.sink.JobOutputs;
import org.newsmentions.window.LatenessGate;

/**
 * One test per lateness case, as Beam's LeaderBoard example tests them, through the whole job
 * ({@link NewsMentions} in streaming mode): daily windows, allowed lateness 7 days, maxOutOfOrder 1
 * day, early panes after 1 minute of processing time, accumulating panes.
 *
 * <p>The source stamps each article with its publication time, as the Kafka source does, and moves
 * the watermark no further than the newest stamp minus one day (the streaming source contract). So
 * the event-time clock moves when newer articles arrive: "clock" articles about Norway, published
 * later, move it. Each test follows Portugal's count (entity Q45) in the window of 10 May; each
 * Portugal article mentions it once.
 */
@ExtendWith(TestPipelineExtension.class)
class LatenessCasesTest {
  private static final String PORTUGAL = "Q45";
  private static final IntervalWindow MAY_10 =
      new IntervalWindow(instant("2025-05-10T00:00:00Z"), instant("2025-05-11T00:00:00Z"));

  private static final RawArticle FISHERMEN =
      article(
          "https://coastal.example/sardines",
          "Sardine season opens early",
          "Fishermen in Portugal said on Tuesday that the sardine season opened early after a mild"
              + " winter, and harbour officials expect busy weeks ahead for the canneries.",
          "2025-05-10T08:00:00Z");
  private static final RawArticle RAIL_STRIKE =
      article(
          "https://ledger.example/rail-strike",
          "Rail workers walk out over wages",
          "Railway workers across Portugal walked out for a day over wages, leaving commuters"
              + " stranded at stations while the unions promised to return to talks next week.",
          "2025-05-10T09:00:00Z");
  private static final RawArticle LATE_EVENING =
      article(
          "https://evening.example/wildfire",
          "Wildfire crews gain ground",
          "Firefighters in Portugal brought a forest fire under control late in the evening after"
              + " two days of strong winds had pushed the flames towards several villages.",
          "2025-05-10T20:00:00Z");

  /** A later article that moves the event-time clock; about Norway, in another window. */
  private static RawArticle clock(String published, int n) {
    String[] bodies = {
      "Norway opened a new tunnel under a fjord, cutting the drive between two coastal towns by"
          + " almost an hour, the national roads agency announced at a ceremony.",
      "Oil output from Norway rose slightly last month as a large offshore field returned from"
          + " planned maintenance, the petroleum directorate reported on its website.",
      "Voters in Norway will choose a new parliament in September, and recent polls show the"
          + " governing party losing ground to a coalition of opposition groups."
    };
    return article(
        "https://north.example/clock-" + n,
        "Norway news " + n,
        bodies[n % bodies.length],
        published);
  }

  @Test
  void onTime(TestPipeline pipeline) {
    TestStream<RawArticle> stream =
        source()
            .advanceWatermarkTo(instant("2025-05-10T00:00:00Z"))
            .addElements(stamped(FISHERMEN), stamped(RAIL_STRIKE))
            .addElements(stamped(clock("2025-05-12T02:00:00Z", 0)))
            // Past the end of 10 May: the on-time pane holds both articles.
            .advanceWatermarkTo(instant("2025-05-11T01:00:00Z"))
            .advanceWatermarkToInfinity();
    JobOutputs result = run(pipeline, stream);
    PCollection<String> counts = portugal(result);
    PAssert.that(counts).inOnTimePane(MAY_10).containsInAnyOrder("2 mentions|2 articles|ON_TIME|0");
    // When the window expires it ends with a final pane holding the same counts.
    PAssert.that(counts).inFinalPane(MAY_10).containsInAnyOrder("2 mentions|2 articles|LATE|1");
    PipelineResult done = pipeline.run();
    done.waitUntilFinish();
    assertEquals(0, ProgressLog.counter(done, "droppedDueToLateness"));
  }

  @Test
  void early(TestPipeline pipeline) {
    TestStream<RawArticle> stream =
        source()
            .advanceWatermarkTo(instant("2025-05-10T00:00:00Z"))
            .addElements(stamped(FISHERMEN))
            // A minute of processing time passes: a speculative pane with what is there so far.
            .advanceProcessingTime(Duration.standardMinutes(2))
            .addElements(stamped(RAIL_STRIKE))
            .addElements(stamped(clock("2025-05-12T02:00:00Z", 0)))
            .advanceWatermarkTo(instant("2025-05-11T01:00:00Z"))
            .advanceWatermarkToInfinity();
    PCollection<String> counts = portugal(run(pipeline, stream));
    PAssert.that(counts).inEarlyPane(MAY_10).containsInAnyOrder("1 mentions|1 articles|EARLY|0");
    PAssert.that(counts).inOnTimePane(MAY_10).containsInAnyOrder("2 mentions|2 articles|ON_TIME|1");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void unobservablyLate(TestPipeline pipeline) {
    TestStream<RawArticle> stream =
        source()
            .advanceWatermarkTo(instant("2025-05-10T00:00:00Z"))
            .addElements(stamped(LATE_EVENING))
            .addElements(stamped(clock("2025-05-11T22:00:00Z", 0)))
            .advanceWatermarkTo(instant("2025-05-10T22:00:00Z"))
            // Published at 08:00, behind the watermark (22:00): late in event time, but 10 May
            // has not fired yet, so no pane shows it was late.
            .addElements(stamped(FISHERMEN))
            .addElements(stamped(clock("2025-05-12T03:00:00Z", 1)))
            .advanceWatermarkTo(instant("2025-05-11T03:00:00Z"))
            .advanceWatermarkToInfinity();
    PCollection<String> counts = portugal(run(pipeline, stream));
    PAssert.that(counts).inOnTimePane(MAY_10).containsInAnyOrder("2 mentions|2 articles|ON_TIME|0");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void observablyLate(TestPipeline pipeline) {
    TestStream<RawArticle> stream =
        source()
            .advanceWatermarkTo(instant("2025-05-10T00:00:00Z"))
            .addElements(stamped(FISHERMEN))
            .addElements(stamped(clock("2025-05-12T02:00:00Z", 0)))
            .advanceWatermarkTo(instant("2025-05-11T01:00:00Z"))
            // After the on-time pane, within the allowed lateness: a late pane with the new
            // total (panes accumulate).
            .addElements(stamped(RAIL_STRIKE))
            .advanceWatermarkToInfinity();
    PCollection<String> counts = portugal(run(pipeline, stream));
    PAssert.that(counts).inOnTimePane(MAY_10).containsInAnyOrder("1 mentions|1 articles|ON_TIME|0");
    PAssert.that(counts)
        .inWindow(MAY_10)
        .containsInAnyOrder(
            "1 mentions|1 articles|ON_TIME|0",
            "2 mentions|2 articles|LATE|1",
            // the window's closing pane
            "2 mentions|2 articles|LATE|2");
    PipelineResult done = pipeline.run();
    done.waitUntilFinish();
    assertEquals(0, ProgressLog.counter(done, "droppedDueToLateness"));
  }

  @Test
  void droppablyLate(TestPipeline pipeline) {
    TestStream<RawArticle> stream =
        source()
            .advanceWatermarkTo(instant("2025-05-10T00:00:00Z"))
            .addElements(stamped(FISHERMEN))
            .addElements(stamped(clock("2025-05-12T02:00:00Z", 0)))
            .advanceWatermarkTo(instant("2025-05-11T01:00:00Z"))
            .addElements(stamped(clock("2025-05-19T06:00:00Z", 1)))
            // 10 May closed at the end of 17 May (window end + 7 days): it expires.
            .advanceWatermarkTo(instant("2025-05-18T06:00:00Z"))
            .addElements(stamped(RAIL_STRIKE))
            .advanceWatermarkToInfinity();
    JobOutputs result = run(pipeline, stream);
    PCollection<String> counts = portugal(result);
    PAssert.that(counts)
        .inWindow(MAY_10)
        .containsInAnyOrder("1 mentions|1 articles|ON_TIME|0", "1 mentions|1 articles|LATE|1");
    PAssert.that(result.deadLetters())
        .satisfies(
            letters -> {
              List<DeadLetter> all = new ArrayList<>();
              letters.forEach(all::add);
              assertEquals(1, all.size(), "one dead letter: " + all);
              DeadLetter d = all.get(0);
              assertEquals(LatenessGate.STAGE, d.getStage());
              assertEquals("https://ledger.example/rail-strike", d.getSource());
              assertTrue(
                  d.getError().startsWith("late: published 2025-05-10T09:00:00Z"), d.getError());
              assertTrue(
                  d.getError().contains("watermark estimate 2025-05-18T06:00:00Z"), d.getError());
              // The payload is a JSON line the parser reads back into the same article.
              Article back =
                  reparse(
                      RawArticle.newBuilder(RAIL_STRIKE)
                          .setPayload(
                              ByteBuffer.wrap(d.getPayload().getBytes(StandardCharsets.UTF_8)))
                          .build());
              assertEquals("Rail workers walk out over wages", back.getTitle());
              assertEquals(java.time.Instant.parse("2025-05-10T09:00:00Z"), back.getPublished());
              return null;
            });
    PipelineResult done = pipeline.run();
    done.waitUntilFinish();
    assertEquals(1, ProgressLog.counter(done, "late"));
    assertEquals(0, ProgressLog.counter(done, "droppedDueToLateness"));
  }

  private static JobOutputs run(TestPipeline pipeline, TestStream<RawArticle> stream) {
    return pipeline.apply(stream).apply(new NewsMentions(Fixtures.settings(true)));
  }

  private static TestStream.Builder<RawArticle> source() {
    return TestStream.create(AvroCoder.of(RawArticle.class));
  }

  /** Portugal's counts as "mentions|articles|timing|index". */
  private static PCollection<String> portugal(JobOutputs result) {
    return result
        .counts()
        .apply(Filter.by((EntityMentionCount c) -> PORTUGAL.equals(c.getEntityId())))
        .apply(
            MapElements.into(TypeDescriptors.strings())
                .via(
                    c ->
                        c.getMentions()
                            + " mentions|"
                            + c.getArticles()
                            + " articles|"
                            + c.getPaneTiming()
                            + "|"
                            + c.getPaneIndex()));
  }

  /** Stamped with its publication time, as the Kafka source's timestamp policy does. */
  private static TimestampedValue<RawArticle> stamped(RawArticle raw) {
    return TimestampedValue.of(raw, new Instant(reparse(raw).getPublished().toEpochMilli()));
  }

  private static Article reparse(RawArticle raw) {
    try {
      return new ArticleParser(Fixtures.settings(true).parser()).parse(raw).article();
    } catch (org.newsmentions.parse.BadArticleException e) {
      throw new AssertionError(e);
    }
  }

  private static Instant instant(String iso) {
    return Instant.parse(iso);
  }

  private static RawArticle article(String url, String title, String body, String published) {
    String line =
        "{\"url\":\""
            + url
            + "\",\"source_domain\":\""
            + java.net.URI.create(url).getHost()
            + "\",\"title\":\""
            + title
            + "\",\"maintext\":\""
            + body
            + "\",\"date_publish\":\""
            + published
            + "\",\"language\":\"en\"}";
    return RawArticle.newBuilder()
        .setSource(url)
        .setFormat(RawFormat.JSON_LINE)
        .setPayload(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)))
        .setIngested(java.time.Instant.parse("2025-05-20T00:00:00Z"))
        .build();
  }
}
