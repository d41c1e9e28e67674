package dev.setpoint.contracts.edgex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The EdgeX simple value types Setpoint can check, how their text must parse, and their numeric
 * value for range checks. Names match case-insensitively, as EdgeX matches them. Array, Binary and
 * Object types are not accepted: Setpoint could not check their values.
 *
 * <p>Shared because every writer checks values by the same rule: ingest for events and operators'
 * commands, the relay for the recommender's commands.
 */
public final class ValueTypes {
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** EdgeX spelling of each type, in the order EdgeX documents them. */
  private static final List<String> NAMES =
      List.of(
          "Bool", "String", "Uint8", "Uint16", "Uint32", "Uint64", "Int8", "Int16", "Int32",
          "Int64", "Float32", "Float64");

  private static final Map<String, String> CANONICAL =
      NAMES.stream().collect(Collectors.toMap(n -> n.toLowerCase(Locale.ROOT), n -> n));

  private static final Map<String, Predicate<String>> PARSES =
      Map.ofEntries(
          Map.entry("bool", v -> v.equals("true") || v.equals("false")),
          Map.entry("string", v -> true),
          Map.entry("uint8", v -> integerIn(v, BigInteger.ZERO, BigInteger.valueOf(255))),
          Map.entry("uint16", v -> integerIn(v, BigInteger.ZERO, BigInteger.valueOf(65_535))),
          Map.entry(
              "uint32", v -> integerIn(v, BigInteger.ZERO, BigInteger.valueOf(4_294_967_295L))),
          Map.entry("uint64", v -> integerIn(v, BigInteger.ZERO, UINT64_MAX)),
          Map.entry("int8", v -> integerIn(v, Byte.MIN_VALUE, Byte.MAX_VALUE)),
          Map.entry("int16", v -> integerIn(v, Short.MIN_VALUE, Short.MAX_VALUE)),
          Map.entry("int32", v -> integerIn(v, Integer.MIN_VALUE, Integer.MAX_VALUE)),
          Map.entry("int64", v -> integerIn(v, Long.MIN_VALUE, Long.MAX_VALUE)),
          Map.entry("float32", v -> finite(v, true)),
          Map.entry("float64", v -> finite(v, false)));

  private ValueTypes() {}

  /** The EdgeX spelling of a known type ({@code float64} → {@code Float64}). */
  public static Optional<String> canonical(String valueType) {
    return valueType == null
        ? Optional.empty()
        : Optional.ofNullable(CANONICAL.get(valueType.toLowerCase(Locale.ROOT)));
  }

  /** The supported types, for messages. */
  public static String supported() {
    return String.join(", ", NAMES);
  }

  /** Whether the type is one of the integer or float types (ranges apply to those only). */
  public static boolean numeric(String valueType) {
    String type = valueType.toLowerCase(Locale.ROOT);
    return !type.equals("bool") && !type.equals("string");
  }

  /**
   * Whether the text is a valid value of the known type: integers within the type's bounds, floats
   * finite (NaN, Infinity and overflow refused), booleans {@code true} or {@code false}.
   */
  public static boolean parses(String valueType, String text) {
    Predicate<String> parses = PARSES.get(valueType.toLowerCase(Locale.ROOT));
    return parses != null && text != null && parses.test(text);
  }

  /**
   * Whether the numeric value lies within the optional bounds. Compared exactly as decimals, so a
   * value a hair above the maximum is refused.
   *
   * @param text a value that {@link #parses} as a numeric type
   */
  public static boolean within(String text, Double minimum, Double maximum) {
    BigDecimal value = new BigDecimal(text);
    return (minimum == null || value.compareTo(new BigDecimal(minimum.toString())) >= 0)
        && (maximum == null || value.compareTo(new BigDecimal(maximum.toString())) <= 0);
  }

  private static boolean integerIn(String text, long min, long max) {
    return integerIn(text, BigInteger.valueOf(min), BigInteger.valueOf(max));
  }

  private static boolean integerIn(String text, BigInteger min, BigInteger max) {
    try {
      BigInteger value = new BigInteger(text);
      return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Finite decimal or scientific notation; NaN and Infinity are refused, as is overflow. */
  private static boolean finite(String text, boolean single) {
    try {
      BigDecimal exact = new BigDecimal(text);
      return single ? Float.isFinite(exact.floatValue()) : Double.isFinite(exact.doubleValue());
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
