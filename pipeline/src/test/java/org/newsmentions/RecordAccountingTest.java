package org.newsmentions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordAccountingTest {

  @Test
  void recordsSkippedBeforeParsingAddToWhatWasReadAndSupersededOnesDoNot() {
    RecordAccounting a =
        RecordAccounting.of(
            Map.of(
                "ReadArticles.records", 10L,
                "ReadKafkaArticles.records", 2L,
                "ReadArticles.unreadableFiles", 1L,
                "ReadArticles.warcSkipped_request", 4L,
                "ReadArticles.blankJsonLines", 1L,
                "DeduplicateAcrossOutlets.articlesWithoutVerdict", 2L,
                "CountOutputs.articles", 8L,
                "CountOutputs.deadLetters", 3L));
    assertEquals(18, a.read());
    assertEquals(7, a.skippedTotal());
    assertTrue(a.balanced(), a.line());
    assertEquals(
        "records read 18 = articles 8 + dead letters 3 + skipped 7 (WARC request 4, blank JSON"
            + " line 1, superseded by the same id 2)",
        a.line());
  }

  @Test
  void aRecordThatWentNowhereIsShown() {
    RecordAccounting a =
        RecordAccounting.of(Map.of("ReadArticles.records", 3L, "CountOutputs.articles", 2L));
    assertFalse(a.balanced());
    assertTrue(a.line().contains("DOES NOT ADD UP"), a.line());
  }
}
