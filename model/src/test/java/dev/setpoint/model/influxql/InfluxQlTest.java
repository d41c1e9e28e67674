package dev.setpoint.model.influxql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every value stays inside the one literal or identifier it was quoted into. */
class InfluxQlTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "rack-1",
        "'",
        "\\",
        "\\'",
        "'\\",
        "x' OR '1'='1",
        "trailing\\",
        "\\\\'; DROP MEASUREMENT climate; --",
        "\"double\" quotes",
        "line\nbreak",
        "서버실 ①"
      })
  void aStringLiteralEndsExactlyAtItsLastQuote(String value) {
    assertEquals(value, unquote(InfluxQl.string(value), '\''));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "climate", "a\"b", "\\", "a\\\"b", "\"", "end\\", "it's"})
  void anIdentifierEndsExactlyAtItsLastQuote(String name) {
    assertEquals(name, unquote(InfluxQl.identifier(name), '"'));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rack-1", "outdoor_temperature", "climate"})
  void plainNamesAreOnlyQuoted(String name) {
    assertEquals("'" + name + "'", InfluxQl.string(name));
    assertEquals("\"" + name + "\"", InfluxQl.identifier(name));
  }

  @Test
  void anAggregateKeepsTheFieldsNameQuoted() {
    assertEquals(
        "mean(\"temperature\") AS \"temperature\"", InfluxQl.aggregate("mean", "temperature"));
    assertEquals("last(\"a\\\"b\") AS \"a\\\"b\"", InfluxQl.aggregate("last", "a\"b"));
  }

  /**
   * Reads a quoted token as InfluxQL's scanner does: a backslash escapes the next character, an
   * unescaped closing quote ends it, and it must end exactly at its last character.
   */
  private static String unquote(String token, char quote) {
    assertEquals(quote, token.charAt(0), token);
    StringBuilder value = new StringBuilder();
    for (int i = 1; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '\\') {
        value.append(token.charAt(++i));
      } else if (c == quote) {
        assertEquals(token.length() - 1, i, "the token ended early: " + token);
        return value.toString();
      } else {
        value.append(c);
      }
    }
    throw new AssertionError("unterminated " + token);
  }
}
