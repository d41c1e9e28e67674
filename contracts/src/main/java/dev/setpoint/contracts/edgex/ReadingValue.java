package dev.setpoint.contracts.edgex;

import java.math.BigDecimal;

/**
 * A reading's value as its EdgeX value type reads it: what {@link ValueTypes#parse} returns. Ingest
 * stores {@link #text()}, the relay forwards a {@link Numeric}'s {@link Numeric#asDouble()}, and
 * both get them from the same parse, so a value ingest accepts is one the relay can forward.
 */
public sealed interface ReadingValue {
  /** The value's text as stored: the device's text without surrounding whitespace. */
  String text();

  /**
   * A value of an integer or float type.
   *
   * @param exact the value as written, for range checks that must not round
   */
  record Numeric(String text, BigDecimal exact) implements ReadingValue {
    /**
     * The double nearest to the text, which is what the time-series store keeps: a Float32 value is
     * not widened from its float, an Int64 or Uint64 beyond 2^53 loses its last digits, and {@code
     * -0.0} keeps its sign (the decimal {@link #exact} has none).
     */
    public double asDouble() {
      return Double.parseDouble(text);
    }
  }

  /** A Bool value. */
  record Bool(String text, boolean value) implements ReadingValue {}

  /** A String value. */
  record Text(String text) implements ReadingValue {}
}
