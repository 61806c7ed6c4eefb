package org.newsmentions.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.EntityCoMentionCount;
import org.newsmentions.schema.PaneTiming;

class CsvCoMentionsTest {
  @Test
  void headerIsTheSchemasFieldsInOrder() {
    List<String> names = new ArrayList<>();
    for (Schema.Field f : EntityCoMentionCount.getClassSchema().getFields()) {
      names.add(f.name());
    }
    assertEquals(String.join(",", names), CsvCoMentions.HEADER);
  }

  @Test
  void rowsQuoteNamesWithCommasAndQuotes() {
    EntityCoMentionCount c =
        EntityCoMentionCount.newBuilder()
            .setWindowStart(Instant.parse("2025-05-04T00:00:00Z"))
            .setWindowEnd(Instant.parse("2025-05-05T00:00:00Z"))
            .setEntityAId("q:a")
            .setEntityAName("Smith, \"Jr\"")
            .setEntityAType("PERSON")
            .setEntityBId("q:b")
            .setEntityBName("Valmora")
            .setEntityBType("LOCATION")
            .setArticles(3)
            .setMentionsA(4)
            .setMentionsB(5)
            .setPaneTiming(PaneTiming.EARLY)
            .setPaneIndex(2)
            .build();
    List<String> fields = CsvCountsTest.parse(CsvCoMentions.toCsv(c));
    assertEquals(
        List.of(
            "2025-05-04T00:00:00Z",
            "2025-05-05T00:00:00Z",
            "q:a",
            "Smith, \"Jr\"",
            "PERSON",
            "q:b",
            "Valmora",
            "LOCATION",
            "3",
            "4",
            "5",
            "EARLY",
            "2"),
        fields);
  }
}
