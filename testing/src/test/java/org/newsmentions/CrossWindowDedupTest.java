package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsmentions.reference.ModelAssert;
import org.newsmentions.reference.ReferenceModel;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.RawArticle;
import org.newsmentions.schema.RawFormat;
import org.newsmentions.sink.JobOutputs;

/**
 * A wire story published just before midnight and copied by another outlet just after it: the two
 * copies fall in different daily windows and the copy arrives first. The original, arriving late
 * for its window, must take over as the kept copy: the copy's window stops counting it in its next
 * pane, and the original's window counts the story's reach (2 copies, 2 outlets). An independent
 * report of the same event stays counted.
 */
@ExtendWith(TestPipelineExtension.class)
class CrossWindowDedupTest {
  private static final String WIRE =
      "Finance ministers of France and Germany agreed on Monday to back a joint fund for battery"
          + " factories, officials in Paris said after a meeting that ran late into the evening."
          + "\\nThe fund would pool public loans and guarantees, and both governments said they"
          + " expected other members of the European Union to join before the end of the year."
          + "\\nA statement from the French ministry said the first projects could be chosen in"
          + " the autumn, with a focus on regions that lost car plants over the last decade."
          + "\\nIndustry groups welcomed the plan but asked for faster permits, saying that"
          + " factories in Germany still wait more than two years for approval to build.";
  private static final String WIRE_COPY =
      WIRE.replace("ran late into the evening", "went on late into the night")
          .replace("Industry groups welcomed", "Industry associations welcomed");
  private static final String OWN_REPORT =
      "In Berlin, reporters asked the German chancellor's spokesman whether the battery plan"
          + " would need new money. He declined to give figures but said Germany and France"
          + " had worked on the idea for months.\\nOpposition lawmakers called for a vote in"
          + " parliament before any guarantee is signed.";

  private static RawArticle json(
      String url, String domain, String title, String body, String date) {
    String line =
        "{\"url\":\""
            + url
            + "\",\"source_domain\":\""
            + domain
            + "\",\"title\":\""
            + title
            + "\",\"maintext\":\""
            + body
            + "\",\"date_publish\":\""
            + date
            + "\",\"language\":\"en\"}";
    return RawArticle.newBuilder()
        .setSource(url)
        .setFormat(RawFormat.JSON_LINE)
        .setPayload(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)))
        .setIngested(Instant.parse("2025-05-13T00:00:00Z"))
        .build();
  }

  static final RawArticle ORIGINAL =
      json(
          "https://wire.example/a1",
          "wire.example",
          "France and Germany back battery fund",
          WIRE,
          "2025-05-12T23:30:00Z");
  static final RawArticle COPY =
      json(
          "https://gazette.example/b7",
          "gazette.example",
          "Paris and Berlin to pool battery loans",
          WIRE_COPY,
          "2025-05-13T00:40:00Z");
  static final RawArticle INDEPENDENT =
      json(
          "https://courier.example/c3",
          "courier.example",
          "Berlin quiet on cost of battery plan",
          OWN_REPORT,
          "2025-05-13T02:00:00Z");

  @Test
  void lateOriginalTakesOverFromItsEarlierArrivedCopy(TestPipeline pipeline) {
    NewsMentions.Settings settings = Fixtures.settings(true);
    org.joda.time.Instant start = org.joda.time.Instant.parse("2025-05-12T00:00:00Z");
    // Records are stamped with their arrival time. The source contract (watermark <= highest
    // source timestamp - maxOutOfOrder, one day here) lets the watermark reach 14 May 06:00 once
    // a record stamped 15 May 06:00 has arrived.
    org.joda.time.Instant arrival = org.joda.time.Instant.parse("2025-05-15T06:00:00Z");
    TestStream<RawArticle> stream =
        TestStream.create(AvroCoder.of(RawArticle.class))
            .advanceWatermarkTo(start)
            .addElements(
                TimestampedValue.of(COPY, arrival), TimestampedValue.of(INDEPENDENT, arrival))
            .advanceProcessingTime(Duration.standardMinutes(2))
            // Both windows close: the copy is counted on 13 May, 12 May is empty.
            .advanceWatermarkTo(org.joda.time.Instant.parse("2025-05-14T06:00:00Z"))
            .addElements(TimestampedValue.of(ORIGINAL, arrival))
            .advanceWatermarkToInfinity();
    JobOutputs result = pipeline.apply(stream).apply(new NewsMentions(settings));

    ReferenceModel.Output model =
        ReferenceModel.run(List.of(ORIGINAL, COPY, INDEPENDENT), Fixtures.settings(false));
    Map<String, String> expected = new TreeMap<>();
    for (EntityMentionCount c : model.counts()) {
      expected.put(c.getWindowStart().toString().substring(0, 10) + "|" + c.getEntityId(), line(c));
    }
    // The batch model agrees with a careful reader: France's reach on 12 May is the wire story
    // and its copy (two outlets); on 13 May only the independent report counts.
    assertEquals("1|2|2", expected.get("2025-05-12|Q142").replaceAll("^[^|]*\\|[^|]*\\|", ""));
    assertEquals("1|1|1", expected.get("2025-05-13|Q142").replaceAll("^[^|]*\\|[^|]*\\|", ""));

    // The final pane of each window equals the batch model: both days, and no other window.
    ModelAssert.assertFinalPanes("final panes", result.counts(), model.counts());
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aRescrapedUrlReplacesItsEarlierVersionAndCountsOnce(TestPipeline pipeline) {
    RawArticle first = ORIGINAL;
    RawArticle updated =
        RawArticle.newBuilder(
                json(
                    "https://wire.example/a1?utm_source=feed",
                    "wire.example",
                    "France and Germany back battery fund (updated)",
                    WIRE + "\\nThe fund's first call for projects opens in September.",
                    "2025-05-12T23:30:00Z"))
            .setIngested(Instant.parse("2025-05-14T08:00:00Z"))
            .build();
    JobOutputs result =
        pipeline
            .apply(
                org.apache.beam.sdk.transforms.Create.of(first, updated, first)
                    .withCoder(AvroCoder.of(RawArticle.class)))
            .apply(new NewsMentions(Fixtures.settings(false)));
    PAssert.that(result.articles())
        .satisfies(
            articles -> {
              List<String> titles = new ArrayList<>();
              articles.forEach(a -> titles.add(a.getTitle()));
              assertEquals(List.of("France and Germany back battery fund (updated)"), titles);
              return null;
            });
    PAssert.that(result.counts())
        .satisfies(
            counts -> {
              for (EntityMentionCount c : counts) {
                assertEquals(1, c.getArticles(), "one article per URL: " + c);
                assertEquals(1, c.getCopies(), "a new version is not a copy: " + c);
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  /** entity|mentions|articles|copies|outlets, without pane fields. */
  private static String line(EntityMentionCount c) {
    return c.getEntityId()
        + "|"
        + c.getMentions()
        + "|"
        + c.getArticles()
        + "|"
        + c.getCopies()
        + "|"
        + c.getOutlets();
  }
}
