package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {
  private static final int MAX = 1024;

  @Test
  void defaultsToTheFirstTwenty() {
    assertEquals(new PageRequest(0, 20), PageRequest.parse(null, null, MAX));
    assertEquals(new PageRequest(0, 20), PageRequest.parse("", " ", MAX));
  }

  @Test
  void minusOneMeansTheMaximum() {
    assertEquals(new PageRequest(5, MAX), PageRequest.parse("5", "-1", MAX));
  }

  @Test
  void acceptsTheBoundsAndSpaces() {
    assertEquals(new PageRequest(0, 0), PageRequest.parse("0", "0", MAX));
    assertEquals(
        new PageRequest(Integer.MAX_VALUE, MAX), PageRequest.parse("2147483647", " 1024 ", MAX));
  }

  @Test
  void theDefaultLimitNeverExceedsASmallMaximum() {
    assertEquals(new PageRequest(0, 5), PageRequest.parse(null, null, 5));
  }

  @ParameterizedTest
  @CsvSource({"1025", "99999999999", "2147483648"})
  void aLimitAboveTheMaximumIsA413(String limit) {
    String message =
        assertThrows(ResultLimitExceededException.class, () -> PageRequest.parse("0", limit, MAX))
            .getMessage();
    assertTrue(message.startsWith("query parameter limit " + limit + " exceeds"), message);
  }

  @ParameterizedTest
  @CsvSource({
    "-1, 20, offset",
    "2147483648, 20, offset",
    "x, 20, offset",
    "1.5, 20, offset",
    "0, -2, limit",
    "0, ten, limit",
    "0, 99999999999999999999, limit"
  })
  void badValuesAreA400NamingTheParameter(String offset, String limit, String parameter) {
    String message =
        assertThrows(InvalidQueryException.class, () -> PageRequest.parse(offset, limit, MAX))
            .getMessage();
    assertTrue(message.startsWith("query parameter " + parameter + " "), message);
  }
}
