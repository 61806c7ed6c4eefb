package org.newsmentions.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.newsmentions.schema.EntityMentionCount;
import org.newsmentions.schema.PaneTiming;

class CsvCountsTest {

  private static EntityMentionCount count(String id, String name) {
    return EntityMentionCount.newBuilder()
        .setWindowStart(Instant.parse("2025-05-04T00:00:00Z"))
        .setWindowEnd(Instant.parse("2025-05-05T00:00:00Z"))
        .setEntityId(id)
        .setEntityName(name)
        .setEntityType("PERSON")
        .setMentions(5)
        .setArticles(2)
        .setCopies(4)
        .setOutlets(3)
        .setPaneTiming(PaneTiming.LATE)
        .setPaneIndex(7)
        .build();
  }

  /** Minimal RFC 4180 field splitter for one record. */
  static List<String> parse(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }

  @Test
  void plainRow() {
    assertEquals(
        "2025-05-04T00:00:00Z,2025-05-05T00:00:00Z,q:ortiz,Lena Ortiz,PERSON,5,2,4,3,LATE,7",
        CsvCounts.toCsv(count("q:ortiz", "Lena Ortiz")));
  }

  @Test
  void quotesCommasQuotesAndNewlines() {
    String row = CsvCounts.toCsv(count("q:1", "Smith, John"));
    assertEquals(true, row.contains(",\"Smith, John\","), row);
    row = CsvCounts.toCsv(count("q:2", "The \"Rock\""));
    assertEquals(true, row.contains(",\"The \"\"Rock\"\"\","), row);
    row = CsvCounts.toCsv(count("id,with\"both", "x"));
    assertEquals(true, row.contains(",\"id,with\"\"both\",x,"), row);
    assertEquals("\"a\nb\"", CsvCounts.quote("a\nb"));
    assertEquals("plain", CsvCounts.quote("plain"));
  }

  @Test
  void headerAndRowsHaveSameColumnsAndRoundTrip() {
    List<String> header = parse(CsvCounts.HEADER);
    List<String> schema =
        EntityMentionCount.getClassSchema().getFields().stream().map(Schema.Field::name).toList();
    assertEquals(schema, header);
    for (String name :
        List.of("Lena Ortiz", "Smith, John", "The \"Rock\"", "\"", ",", "a,\"b\",c")) {
      List<String> row = parse(CsvCounts.toCsv(count("q:" + name, name)));
      assertEquals(header.size(), row.size(), name);
      assertEquals(name, row.get(3));
      assertEquals("q:" + name, row.get(2));
      assertEquals("7", row.get(10));
    }
  }
}
