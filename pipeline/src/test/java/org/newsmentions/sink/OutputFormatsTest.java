package org.newsmentions.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsmentions.sink.OutputFormats.Format;

class OutputFormatsTest {

  @Test
  void parsesLists() {
    assertEquals(EnumSet.of(Format.JSON, Format.CSV), OutputFormats.parse("json,csv").all());
    assertEquals(EnumSet.allOf(Format.class), OutputFormats.parse(" Avro , CSV,json ").all());
    assertEquals(EnumSet.of(Format.AVRO), OutputFormats.parse("avro,avro").all());
    OutputFormats f = OutputFormats.parse("csv");
    assertTrue(f.has(Format.CSV));
    assertFalse(f.has(Format.JSON));
    assertFalse(f.has(Format.AVRO));
  }

  @Test
  void defaultsToJson() {
    assertEquals(Set.of(Format.JSON), OutputFormats.parse(null).all());
    assertEquals(Set.of(Format.JSON), OutputFormats.parse("").all());
    assertEquals(Set.of(Format.JSON), OutputFormats.parse(" , ,").all());
  }

  @Test
  void unknownFormatFailsClearly() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OutputFormats.parse("json, parquet "));
    assertTrue(e.getMessage().contains("'parquet'"), e.getMessage());
    assertTrue(e.getMessage().contains("--format"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OutputFormats.parse("json;csv"));
  }

  @Test
  void allIsACopy() {
    OutputFormats f = OutputFormats.parse("json");
    f.all().add(Format.CSV);
    assertFalse(f.has(Format.CSV));
  }
}
