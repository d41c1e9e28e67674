package dev.setpoint.contracts.edgex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The EdgeX simple value types Setpoint can check, how their text must parse, and their numeric
 * value for range checks. Names match case-insensitively, as EdgeX matches them. Array, Binary and
 * Object types are not accepted: Setpoint could not check their values.
 *
 * <p>Shared because every hop reads values by the same rule ({@link #parse}): ingest validates
 * events and operators' commands with it, the relay forwards events' numeric readings with it and
 * checks the recommender's commands with it. A value ingest accepted is one the relay can forward.
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

  private static final BigInteger UINT32_MAX = BigInteger.valueOf(4_294_967_295L);

  /** Integers: optional sign, ASCII digits; no exponent, no fraction. */
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  /**
   * Floats: optional sign, ASCII digits with an optional fraction, optional decimal exponent. No
   * hex floats, no NaN or Infinity, no Java suffixes ({@code 1d}, {@code 1f}), no digits of other
   * scripts.
   */
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  /**
   * Longer numbers are refused before they are parsed: a full Float64 written without exponent has
   * under 330 characters, and a body of digits must not cost quadratic time.
   */
  static final int MAX_NUMBER_LENGTH = 1024;

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

  /** Whether the text is a valid value of the known type; {@link #parse} says what that means. */
  public static boolean parses(String valueType, String text) {
    return parse(valueType, text).isPresent();
  }

  /**
   * The value of the text as the type reads it, or empty when the text is no value of that type or
   * the type is not one of the {@link #supported} ones. This is the one definition of a valid value
   * that ingest validates with and the relay forwards with.
   *
   * <ul>
   *   <li>Surrounding whitespace and control characters (what {@link String#trim} removes) are
   *       ignored, for every type; {@link ReadingValue#text} is the text without them.
   *   <li>Integer types: an optional sign and ASCII decimal digits, within the type's bounds
   *       ({@code +7}, {@code -0} and {@code 007} included; no fraction, exponent or hex).
   *   <li>Float32 and Float64: decimal or scientific notation with ASCII digits ({@code 21.3},
   *       {@code 2.130000e+01}, {@code +.5}, {@code 5.}); NaN, Infinity, hex floats and values
   *       whose magnitude rounds to infinity in the type are refused, tiny values round to zero.
   *       EdgeX v3 sends floats as such text only (v2's base64 float encoding is gone).
   *   <li>Bool: {@code true} or {@code false}, lower case. String: any text.
   *   <li>Numbers longer than {@value #MAX_NUMBER_LENGTH} characters are refused.
   * </ul>
   */
  public static Optional<ReadingValue> parse(String valueType, String text) {
    if (valueType == null || text == null) {
      return Optional.empty();
    }
    String value = text.trim();
    return switch (valueType.toLowerCase(Locale.ROOT)) {
      case "string" -> Optional.of(new ReadingValue.Text(value));
      case "bool" ->
          value.equals("true") || value.equals("false")
              ? Optional.of(new ReadingValue.Bool(value, value.equals("true")))
              : Optional.empty();
      case "uint8" -> integer(value, BigInteger.ZERO, BigInteger.valueOf(255));
      case "uint16" -> integer(value, BigInteger.ZERO, BigInteger.valueOf(65_535));
      case "uint32" -> integer(value, BigInteger.ZERO, UINT32_MAX);
      case "uint64" -> integer(value, BigInteger.ZERO, UINT64_MAX);
      case "int8" -> integer(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case "int16" -> integer(value, Short.MIN_VALUE, Short.MAX_VALUE);
      case "int32" -> integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "int64" -> integer(value, Long.MIN_VALUE, Long.MAX_VALUE);
      case "float32" -> floating(value, true);
      case "float64" -> floating(value, false);
      default -> Optional.empty();
    };
  }

  /**
   * Whether the numeric value lies within the optional bounds. Compared exactly as decimals, so a
   * value a hair above the maximum is refused.
   *
   * @param text a value that {@link #parse}s as a numeric type
   */
  public static boolean within(String text, Double minimum, Double maximum) {
    return within(new BigDecimal(text.trim()), minimum, maximum);
  }

  /** Whether the parsed numeric value lies within the optional bounds, compared exactly. */
  public static boolean within(ReadingValue.Numeric value, Double minimum, Double maximum) {
    return within(value.exact(), minimum, maximum);
  }

  private static boolean within(BigDecimal value, Double minimum, Double maximum) {
    return (minimum == null || value.compareTo(new BigDecimal(minimum.toString())) >= 0)
        && (maximum == null || value.compareTo(new BigDecimal(maximum.toString())) <= 0);
  }

  private static Optional<ReadingValue> integer(String text, long min, long max) {
    return integer(text, BigInteger.valueOf(min), BigInteger.valueOf(max));
  }

  private static Optional<ReadingValue> integer(String text, BigInteger min, BigInteger max) {
    if (text.length() > MAX_NUMBER_LENGTH || !INTEGER.matcher(text).matches()) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(text);
    return value.compareTo(min) >= 0 && value.compareTo(max) <= 0
        ? Optional.of(new ReadingValue.Numeric(text, new BigDecimal(value)))
        : Optional.empty();
  }

  /** Finite decimal or scientific notation; the magnitude must not round to infinity. */
  private static Optional<ReadingValue> floating(String text, boolean single) {
    if (text.length() > MAX_NUMBER_LENGTH || !FLOAT.matcher(text).matches()) {
      return Optional.empty();
    }
    BigDecimal exact;
    try {
      exact = new BigDecimal(text);
    } catch (NumberFormatException e) {
      return Optional.empty(); // an exponent beyond int's range
    }
    boolean finite =
        single ? Float.isFinite(exact.floatValue()) : Double.isFinite(exact.doubleValue());
    return finite ? Optional.of(new ReadingValue.Numeric(text, exact)) : Optional.empty();
  }
}
