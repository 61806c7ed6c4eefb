package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsmentions.dedup.DedupMode;
import org.newsmentions.options.NewsMentionsOptions;
import org.newsmentions.sink.OutputFormats;
import org.newsmentions.window.UndatedPolicy;

/** Every option read once into {@link RunSettings}, with the rules between them. */
class RunSettingsTest {

  private static RunSettings from(String... args) {
    return RunSettings.from(
        PipelineOptionsFactory.fromArgs(args).as(NewsMentionsOptions.class), Fixtures.CLOCK);
  }

  @Test
  void defaultsAreTheStagesDefaults() {
    RunSettings s = from("--input=a/*.txt", "--output=out");
    NewsMentions.Settings job = s.job();
    NewsMentions.Settings defaults = NewsMentions.Settings.defaults();
    assertFalse(s.streaming());
    assertEquals(defaults.windows().sizeMillis(), job.windows().sizeMillis());
    assertEquals(defaults.windows().zone(), job.windows().zone());
    assertEquals(defaults.undated(), job.undated());
    assertEquals(defaults.allowedLateness(), job.allowedLateness());
    assertEquals(defaults.earlyFiring(), job.earlyFiring());
    assertEquals(defaults.dedup(), job.dedup());
    assertEquals(defaults.dedupThreshold(), job.dedupThreshold());
    assertEquals(defaults.dedupHorizon(), job.dedupHorizon());
    assertEquals(2, job.minCoMentions());
    assertEquals(defaults.minCoMentions(), job.minCoMentions());
    assertEquals(defaults.maxOutOfOrder(), job.maxOutOfOrder());
    assertEquals(defaults.parser().maxArticleBytes(), job.parser().maxArticleBytes());
    assertEquals(Fixtures.CLOCK, job.parser().clock());
    assertNull(s.watch());
    assertNull(s.kafka(), "no Kafka topic, no Kafka settings");
    assertEquals(-1, s.progressMillis(), "batch: one progress line at the end");
    assertTrue(s.waitUntilFinish());
  }

  @Test
  void watchMakesTheRunStreaming() {
    RunSettings s = from("--input=a/*.txt", "--output=out", "--watch=2s");
    assertTrue(s.streaming());
    assertTrue(s.job().streaming());
    assertEquals(Duration.standardSeconds(2), s.watch());
    assertEquals(30_000, s.progressMillis(), "streaming: progress every 30s");
  }

  @Test
  void everyOptionIsParsedIntoItsValue(@TempDir Path dir) throws Exception {
    Path props = dir.resolve("kafka.properties");
    Files.writeString(props, "group.id=newsroom\n");
    RunSettings s =
        from(
            "--inputTopic=articles",
            "--outputTopic=counts",
            "--deadLetterTopic=dead",
            "--bootstrapServers=broker:9093",
            "--kafkaProperties=" + props,
            "--fromBeginning=true",
            "--streaming=true",
            "--maxOutOfOrder=2h",
            "--window=6h",
            "--windowTimeZone=Asia/Kolkata",
            "--undated=ingest-time",
            "--allowedLateness=1d",
            "--earlyFiring=30s",
            "--dedup=exact",
            "--dedupThreshold=0.5",
            "--dedupHorizon=12h",
            "--minCoMentions=5",
            "--maxArticleBytes=4096",
            "--format=avro,csv",
            "--progressEvery=off",
            "--waitUntilFinish=false");
    NewsMentions.Settings job = s.job();
    assertEquals("articles", s.inputTopic());
    assertEquals("broker:9093", s.kafka().bootstrapServers());
    assertEquals("newsroom", s.kafka().groupId());
    assertTrue(s.fromBeginning());
    assertTrue(s.streaming());
    assertEquals(Duration.standardHours(2), job.maxOutOfOrder());
    assertEquals(6 * 3_600_000L, job.windows().sizeMillis());
    assertEquals("Asia/Kolkata", job.windows().zone());
    assertEquals(UndatedPolicy.INGEST_TIME, job.undated());
    assertEquals(Duration.standardDays(1), job.allowedLateness());
    assertEquals(Duration.standardSeconds(30), job.earlyFiring());
    assertEquals(DedupMode.EXACT, job.dedup());
    assertEquals(0.5, job.dedupThreshold());
    assertEquals(Duration.standardHours(12), job.dedupHorizon());
    assertEquals(5, job.minCoMentions());
    assertEquals(4096, job.parser().maxArticleBytes());
    assertTrue(s.formats().has(OutputFormats.Format.AVRO));
    assertTrue(s.formats().has(OutputFormats.Format.CSV));
    assertFalse(s.formats().has(OutputFormats.Format.JSON));
    assertEquals("counts", s.outputTopic());
    assertEquals("dead", s.deadLetterTopic());
    assertNull(s.output());
    assertEquals(0, s.progressMillis());
    assertFalse(s.waitUntilFinish());
  }

  @Test
  void badValuesNameTheirOption() {
    String[] base = {"--input=a/*.txt", "--output=out"};
    assertNamesOption("--undated", base, "--undated=drop");
    assertNamesOption("--dedup", base, "--dedup=fuzzy");
    assertNamesOption("--window", base, "--window=0m");
    assertNamesOption("--windowTimeZone", base, "--windowTimeZone=Nowhere/Land");
    assertNamesOption("--maxOutOfOrder", base, "--maxOutOfOrder=a while");
    assertNamesOption("--watch", base, "--watch=0s");
    assertNamesOption("--progressEvery", base, "--progressEvery=soon");
    assertNamesOption("--format", base, "--format=orc");
    assertNamesOption("--minCoMentions", base, "--minCoMentions=0");
    assertNamesOption("--minCoMentions", base, "--minCoMentions=-3");
    assertNamesOption("--entities", base, "--entities=/nonexistent/entities.tsv");
    assertNamesOption("--dateOrderFile", base, "--dateOrderFile=/nonexistent/order.tsv");
    assertNamesOption(
        "--kafkaProperties",
        new String[] {"--input=a/*.txt", "--output=out", "--deadLetterTopic=dead"},
        "--kafkaProperties=/nonexistent/kafka.properties");
  }

  private static void assertNamesOption(String option, String[] base, String bad) {
    String[] args = java.util.Arrays.copyOf(base, base.length + 1);
    args[base.length] = bad;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> from(args));
    assertTrue(e.getMessage().contains(option), bad + ": " + e.getMessage());
  }
}
