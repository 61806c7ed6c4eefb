package org.newsmentions.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  private static long ms(String s) {
    return Durations.parse(s).getMillis();
  }

  @ParameterizedTest(name = "\"{0}\" is {1} ms")
  @CsvSource(
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        // Single units.
        "1d,86400000",
        "6h,21600000",
        "15m,900000",
        "30s,30000",
        "250ms,250",
        // Combined units.
        "1d12h,129600000",
        "1h30m,5400000",
        "1m30s,90000",
        "1s500ms,1500",
        "1m250ms,60250",
        // Case and surrounding space.
        "' 1D ',86400000",
        "6 h,21600000",
        "250MS,250"
      })
  void parses(String text, long millis) {
    assertEquals(millis, ms(text));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "   ", "abc", "5x", "1d junk", "d", "1.5h", "-1h", "1d 12h"})
  void errors(String bad) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), "'" + bad + "'");
    assertTrue(e.getMessage().contains("1d"), e.getMessage());
  }

  @Test
  void nullIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Durations.parse(null));
  }
}
