package dev.setpoint.model.influxql;

/**
 * Quoting for InfluxQL, the one copy that analytics' history reads and the model's dataset export
 * both use. A value reaches a statement only through {@link #string(String)}: inside single quotes
 * InfluxQL's scanner reads {@code \\} and {@code \'} as escapes, so escaping the backslash first
 * and then the quote leaves no way to end the literal early.
 */
public final class InfluxQl {
  private InfluxQl() {}

  /** A single-quoted string literal of the value. */
  public static String string(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** A double-quoted identifier (measurement, tag, field or alias). */
  public static String identifier(String name) {
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** {@code function("field") AS "field"}: an aggregate that keeps the field's name. */
  public static String aggregate(String function, String field) {
    return function + "(" + identifier(field) + ") AS " + identifier(field);
  }
}
