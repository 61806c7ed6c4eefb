package org.newsmentions.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DurationsTest {
  private static long ms(String s) {
    return Durations.parse(s).getMillis();
  }

  @Test
  void singleUnits() {
    assertEquals(86_400_000L, ms("1d"));
    assertEquals(6 * 3_600_000L, ms("6h"));
    assertEquals(15 * 60_000L, ms("15m"));
    assertEquals(30_000L, ms("30s"));
    assertEquals(250L, ms("250ms"));
  }

  @Test
  void combinedUnits() {
    assertEquals(36 * 3_600_000L, ms("1d12h"));
    assertEquals(90 * 60_000L, ms("1h30m"));
    assertEquals(90_000L, ms("1m30s"));
    assertEquals(1_500L, ms("1s500ms"));
    assertEquals(60_250L, ms("1m250ms"));
  }

  @Test
  void caseAndSurroundingSpace() {
    assertEquals(86_400_000L, ms(" 1D "));
    assertEquals(6 * 3_600_000L, ms("6 h"));
    assertEquals(250L, ms("250MS"));
  }

  @Test
  void errors() {
    for (String bad :
        new String[] {"", "   ", "abc", "5x", "1d junk", "d", "1.5h", "-1h", "1d 12h"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), "'" + bad + "'");
      assertTrue(e.getMessage().contains("1d"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Durations.parse(null));
  }
}
