package org.newsmentions.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsmentions.dedup.DedupMode;
import org.newsmentions.entities.EntityExtractor;
import org.newsmentions.sink.OutputFormats;
import org.newsmentions.sink.OutputFormats.Format;
import org.newsmentions.window.UndatedPolicy;

/** The options' text to values; each error names its option. */
class OptionValuesTest {

  @Test
  void formatsParseLists() {
    assertEquals(EnumSet.of(Format.JSON, Format.CSV), OptionValues.formats("json,csv").all());
    assertEquals(
        EnumSet.allOf(Format.class), OptionValues.formats(" Avro , CSV,json,PARQUET ").all());
    assertEquals(EnumSet.of(Format.PARQUET), OptionValues.formats("parquet").all());
    assertEquals(EnumSet.of(Format.AVRO), OptionValues.formats("avro,avro").all());
    OutputFormats f = OptionValues.formats("csv");
    assertTrue(f.has(Format.CSV));
    assertFalse(f.has(Format.JSON));
    assertFalse(f.has(Format.AVRO));
  }

  @Test
  void formatsDefaultToJson() {
    assertEquals(Set.of(Format.JSON), OptionValues.formats(null).all());
    assertEquals(Set.of(Format.JSON), OptionValues.formats("").all());
    assertEquals(Set.of(Format.JSON), OptionValues.formats(" , ,").all());
  }

  @Test
  void unknownFormatFailsClearly() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OptionValues.formats("json, orc "));
    assertTrue(e.getMessage().contains("'orc'"), e.getMessage());
    assertTrue(e.getMessage().contains("parquet"), "lists the formats: " + e.getMessage());
    assertTrue(e.getMessage().contains("--format"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OptionValues.formats("json;csv"));
  }

  @Test
  void minCoMentionsIsAtLeastOne() {
    assertEquals(1, OptionValues.minCoMentions(1));
    assertEquals(7, OptionValues.minCoMentions(7));
    assertNamesOption("--minCoMentions", () -> OptionValues.minCoMentions(0));
    assertNamesOption("--minCoMentions", () -> OptionValues.minCoMentions(-1));
  }

  @Test
  void dedupModesAndUndatedPolicies() {
    assertEquals(DedupMode.OFF, OptionValues.dedupMode("off"));
    assertEquals(DedupMode.EXACT, OptionValues.dedupMode(" Exact "));
    assertEquals(DedupMode.NEAR, OptionValues.dedupMode("NEAR"));
    assertEquals(UndatedPolicy.SKIP, OptionValues.undated("skip"));
    assertEquals(UndatedPolicy.INGEST_TIME, OptionValues.undated("ingest-time"));
    assertEquals(UndatedPolicy.INGEST_TIME, OptionValues.undated("INGEST_TIME"));
    assertNamesOption("--dedup", () -> OptionValues.dedupMode("fuzzy"));
    assertNamesOption("--dedup", () -> OptionValues.dedupMode(null));
    assertNamesOption("--undated", () -> OptionValues.undated("drop"));
  }

  @Test
  void durationsAndNumbersNameTheirOption() {
    assertEquals(36 * 3_600_000L, OptionValues.duration("allowedLateness", "1d12h").getMillis());
    assertNamesOption("--allowedLateness", () -> OptionValues.duration("allowedLateness", "7x"));
    assertNamesOption("--watch", () -> OptionValues.positiveDuration("watch", "0s"));
    assertNamesOption("--window", () -> OptionValues.windows("0m", "UTC"));
    assertNamesOption("--windowTimeZone", () -> OptionValues.windows("1d", "Mars/Olympus"));
    assertEquals(6 * 3_600_000L, OptionValues.windows("6h", "Asia/Kolkata").sizeMillis());
    assertNamesOption("--dedupThreshold", () -> OptionValues.dedupThreshold(1.5));
    assertNamesOption("--maxArticleBytes", () -> OptionValues.maxArticleBytes(0));
    assertNamesOption("--bootstrapServers", () -> OptionValues.kafka(" ", null));
    assertNamesOption(
        "--kafkaProperties", () -> OptionValues.kafka("b:9092", "/nonexistent/kafka.properties"));
  }

  private static void assertNamesOption(String option, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(option), e.getMessage());
  }

  @Test
  void allIsACopy() {
    OutputFormats f = OptionValues.formats("json");
    f.all().add(Format.CSV);
    assertFalse(f.has(Format.CSV));
    assertEquals(Set.of(Format.JSON), OutputFormats.of(Set.of()).all());
  }

  @Test
  void recognizerIsNerOrRules() {
    assertEquals(EntityExtractor.Recognizer.NER, OptionValues.recognizer(" NER "));
    assertEquals(EntityExtractor.Recognizer.RULES, OptionValues.recognizer("rules"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OptionValues.recognizer("crf"));
    assertTrue(e.getMessage().contains("--recognizer"), e.getMessage());
  }
}
