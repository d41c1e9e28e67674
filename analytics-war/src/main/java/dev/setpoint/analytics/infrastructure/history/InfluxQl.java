package dev.setpoint.analytics.infrastructure.history;

/**
 * Quoting for InfluxQL. Values from a request reach a statement only through {@link
 * #string(String)}: inside single quotes InfluxQL's scanner reads {@code \\} and {@code \'} as
 * escapes, so escaping the backslash first and then the quote leaves no way to end the literal
 * early.
 */
final class InfluxQl {
  private InfluxQl() {}

  /** A single-quoted string literal of the value. */
  static String string(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** A double-quoted identifier (measurement, tag, field or alias). */
  static String identifier(String name) {
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
