package dev.setpoint.contracts.edgex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared value parser against oracles built from the JDK's own number parsing, over the strings
 * that ingest's and the relay's property tests use too.
 */
class ValueTypesPropertyTest {
  private static final Map<String, BigInteger[]> INTEGER_BOUNDS =
      Map.of(
          "uint8", bounds(0, 255),
          "uint16", bounds(0, 65_535),
          "uint32", bounds(0, 4_294_967_295L),
          "uint64",
              new BigInteger[] {
                BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)
              },
          "int8", bounds(Byte.MIN_VALUE, Byte.MAX_VALUE),
          "int16", bounds(Short.MIN_VALUE, Short.MAX_VALUE),
          "int32", bounds(Integer.MIN_VALUE, Integer.MAX_VALUE),
          "int64", bounds(Long.MIN_VALUE, Long.MAX_VALUE));

  @Test
  void acceptsWhatTheOracleAcceptsAndReadsTheNumberTheTextSays() {
    qt().withExamples(ValueTexts.EXAMPLES)
        .forAll(ValueTexts.types(), ValueTexts.texts())
        .checkAssert(
            (type, text) -> {
              Optional<ReadingValue> parsed = ValueTypes.parse(type, text);
              assertEquals(oracle(type, text), parsed.isPresent(), () -> type + " '" + text + "'");
              parsed.ifPresent(
                  value -> {
                    assertEquals(text.trim(), value.text());
                    assertEquals(parsed, ValueTypes.parse(type, value.text()), "idempotent");
                    if (value instanceof ReadingValue.Numeric number) {
                      assertTrue(Double.isFinite(number.asDouble()));
                      assertEquals(Double.parseDouble(value.text()), number.asDouble());
                    }
                  });
            });
  }

  @Test
  void readsTheFormsDevicesSend() {
    assertEquals(21.3, number("Float64", "2.130000e+01"));
    assertEquals(21.3, number("float32", " 21.3\n"));
    assertEquals(0.5, number("Float64", "+.5"));
    assertEquals(5.0, number("Float64", "5."));
    assertEquals(7.0, number("Int8", "+007"));
    // Tiny values are accepted as written; the nearest double is what travels.
    assertEquals(1e-60, number("Float32", "1e-60"));
    assertEquals(-0.0, number("Float64", "-0.0"));
  }

  @Test
  void refusesWhatTheRelayCouldNotForward() {
    for (String[] c :
        new String[][] {
          {"Float32", "3.5e38"},
          {"Float64", "1e309"},
          {"Float64", "0x1p3"},
          {"Float64", "NaN"},
          {"Float64", "-Infinity"},
          {"Float64", "1d"},
          {"Float64", "1e2147483648"},
          {"Float64", "1e-2147483649"},
          {"Int8", "1e0"},
          {"Int8", "1.0"},
          {"Uint8", "256"},
          {"Uint8", "-1"},
          {"Uint8", "\u0660"},
          {"Float64", "-\u0661\u0661.\u0660"},
          {"Float64", "1\u00a0"},
          {"Bool", "TRUE"},
          {"Binary", "AAAA"},
          {"Float64", "1".repeat(ValueTypes.MAX_NUMBER_LENGTH + 1)}
        }) {
      assertEquals(Optional.empty(), ValueTypes.parse(c[0], c[1]), () -> c[0] + " '" + c[1] + "'");
    }
  }

  private static double number(String type, String text) {
    return ((ReadingValue.Numeric) ValueTypes.parse(type, text).orElseThrow()).asDouble();
  }

  /**
   * Valid by the JDK's parsers, restricted to ASCII decimal text: BigInteger within the bounds for
   * integers; for floats Double.parseDouble (which alone would also take hex, NaN, Infinity and
   * suffixes, hence the alphabet) finite in the type, with an exponent BigDecimal can hold.
   */
  private static boolean oracle(String type, String text) {
    String t = text.trim();
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.equals("string")) {
      return true;
    }
    if (lower.equals("bool")) {
      return t.equals("true") || t.equals("false");
    }
    if (t.length() > ValueTypes.MAX_NUMBER_LENGTH) {
      return false;
    }
    BigInteger[] bounds = INTEGER_BOUNDS.get(lower);
    try {
      if (bounds != null) {
        if (!t.chars().allMatch(c -> c == '+' || c == '-' || (c >= '0' && c <= '9'))) {
          return false;
        }
        BigInteger value = new BigInteger(t);
        return value.compareTo(bounds[0]) >= 0 && value.compareTo(bounds[1]) <= 0;
      }
      if (!t.chars().allMatch(c -> "+-.eE".indexOf(c) >= 0 || (c >= '0' && c <= '9'))) {
        return false;
      }
      new BigDecimal(t);
      return lower.equals("float32")
          ? Float.isFinite(Float.parseFloat(t))
          : Double.isFinite(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static BigInteger[] bounds(long min, long max) {
    return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)};
  }
}
