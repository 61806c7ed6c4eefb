package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.newsmentions.options.NewsMentionsOptions;

/** Which source and sinks the options choose, and the clear errors when they make no sense. */
class SourceChoiceTest {

  private static NewsMentionsOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(NewsMentionsOptions.class);
  }

  private static String buildError(String... args) {
    NewsMentionsOptions o = options(args);
    return assertThrows(
            IllegalArgumentException.class,
            () -> NewsMentionsPipeline.build(Pipeline.create(o), o, Fixtures.CLOCK))
        .getMessage();
  }

  @Test
  void inputTopicTurnsOnStreamingUnlessStreamingIsGiven() {
    String[] kafka = {"--inputTopic=news-articles", "--outputTopic=counts"};
    NewsMentionsOptions o = options(kafka);
    NewsMentionsPipeline.streamingForKafka(o, kafka);
    assertTrue(o.isStreaming());

    String[] batch = {"--inputTopic=news-articles", "--streaming=false"};
    NewsMentionsOptions b = options(batch);
    NewsMentionsPipeline.streamingForKafka(b, batch);
    assertFalse(b.isStreaming());

    String[] files = {"--input=a/*.txt"};
    NewsMentionsOptions f = options(files);
    NewsMentionsPipeline.streamingForKafka(f, files);
    assertFalse(f.isStreaming());
  }

  @Test
  void exactlyOneSource() {
    assertTrue(buildError("--output=out").contains("no source"));
    assertTrue(
        buildError("--input=a/*.txt", "--inputTopic=news-articles", "--output=out")
            .contains("not both"));
  }

  @Test
  void somewhereToWriteCountsAndDeadLetters() {
    assertTrue(buildError("--inputTopic=news-articles").contains("no sink"));
    assertTrue(
        buildError("--inputTopic=news-articles", "--outputTopic=counts")
            .contains("--deadLetterTopic"));
  }

  @Test
  void kafkaSourceAndSinksBuild() {
    NewsMentionsOptions o =
        options(
            "--inputTopic=news-articles",
            "--outputTopic=counts",
            "--deadLetterTopic=dead",
            "--streaming=true");
    NewsMentionsPipeline.build(Pipeline.create(o), o, Fixtures.CLOCK);
  }
}
