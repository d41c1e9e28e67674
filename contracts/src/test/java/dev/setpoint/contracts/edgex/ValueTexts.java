package dev.setpoint.contracts.edgex;

import static org.quicktheories.generators.SourceDSL.bigIntegers;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of reading values as devices might write them, shared (through contracts' test jar) by
 * the property tests of the parser, of ingest's validation and of the relay's mapping, so every
 * side is tried on the same kinds of strings: numbers near each type's bounds in every textual
 * form, floats at the edges of float and double, huge exponents, hex floats, NaN and Infinity,
 * digits of other scripts, whitespace inside and around, booleans in other spellings, and garbage.
 */
public final class ValueTexts {
  /** Examples per property: enough to meet every form, quick enough for each build. */
  public static final int EXAMPLES = 5_000;

  /** Every supported type, in the spellings devices send (EdgeX matches case-insensitively). */
  public static final List<String> TYPES =
      List.of(
          "Bool", "String", "Uint8", "Uint16", "Uint32", "Uint64", "Int8", "Int16", "Int32",
          "Int64", "Float32", "Float64", "float64", "INT8", "uint64");

  private static final List<BigInteger> BOUNDS =
      List.of(
          BigInteger.ZERO,
          BigInteger.valueOf(Byte.MIN_VALUE),
          BigInteger.valueOf(Byte.MAX_VALUE),
          BigInteger.valueOf(255),
          BigInteger.valueOf(Short.MIN_VALUE),
          BigInteger.valueOf(Short.MAX_VALUE),
          BigInteger.valueOf(65_535),
          BigInteger.valueOf(Integer.MIN_VALUE),
          BigInteger.valueOf(Integer.MAX_VALUE),
          BigInteger.valueOf(4_294_967_295L),
          BigInteger.valueOf(Long.MIN_VALUE),
          BigInteger.valueOf(Long.MAX_VALUE),
          BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(53));

  private static final List<Double> EDGES =
      List.of(
          0.0,
          -0.0,
          21.3,
          (double) Float.MAX_VALUE,
          (double) Float.MIN_VALUE,
          (double) Float.MIN_NORMAL,
          Double.MAX_VALUE,
          Double.MIN_VALUE,
          Double.MIN_NORMAL,
          Math.nextUp((double) Float.MAX_VALUE),
          3.4028235677973366e38, // the first double that rounds to float infinity
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY);

  private static final List<String> ODD =
      List.of(
          ".5",
          "5.",
          "+.5",
          "-.5",
          ".",
          "+",
          "-",
          "e5",
          "1e",
          "1e+",
          "1..2",
          "1_000",
          "0x10",
          "0x1p3",
          "1d",
          "1f",
          "1F",
          "1.5D",
          "Infinity",
          "-Infinity",
          "NaN",
          "nan",
          "inf",
          "2.130000e+01",
          "+2.130000E+01",
          "1,5",
          "1 000",
          "--1",
          "+-1",
          "0e2147483648");

  private static final List<String> SPACES =
      List.of(" ", "\t", "\n", "\r\n", "\u0000", "\u00a0", "\u2003");

  /** Digit sets of other scripts: Arabic-Indic, Devanagari, fullwidth, mathematical bold. */
  private static final List<Integer> ZEROS = List.of(0x0660, 0x0966, 0xFF10, 0x1D7CE);

  private ValueTexts() {}

  /** A value type name. */
  public static Gen<String> types() {
    return Generate.pick(TYPES);
  }

  /** A value text of any kind. */
  public static Gen<String> texts() {
    return Generate.frequency(
        Pair.of(4, integerTexts()),
        Pair.of(5, floatTexts()),
        Pair.of(1, boolTexts()),
        Pair.of(2, garbage()),
        Pair.of(3, dressed(Generate.oneOf(integerTexts(), floatTexts()))));
  }

  /** Integers near the types' bounds and anywhere, with sign, leading zeros or an exponent. */
  public static Gen<String> integerTexts() {
    Gen<BigInteger> near =
        Generate.pick(BOUNDS).zip(Generate.range(-2, 2), (b, d) -> b.add(BigInteger.valueOf(d)));
    Gen<BigInteger> any = bigIntegers().ofBytes(9);
    return Generate.oneOf(near, any)
        .zip(
            Generate.range(0, 5),
            (n, form) ->
                switch (form) {
                  case 0, 1 -> n.toString();
                  case 2 -> n.signum() >= 0 ? "+" + n : n.toString();
                  case 3 -> n.signum() >= 0 ? "00" + n : "-00" + n.negate();
                  case 4 -> n + "e0";
                  default -> n + ".0";
                });
  }

  /** Floats in every textual form, at the edges of float and double and far beyond. */
  public static Gen<String> floatTexts() {
    Gen<Double> values =
        Generate.oneOf(
            Generate.pick(EDGES),
            doubles().any(),
            longs().all().map(Double::longBitsToDouble),
            floats().any().map(f -> (double) f));
    Gen<String> rendered = values.zip(Generate.range(0, 9), ValueTexts::render);
    Gen<String> exponents =
        Generate.pick(List.of("1", "0", "-2.5", ".5", "9.99", "0.000"))
            .zip(
                Generate.pick(List.of("e", "E", "e+", "e-", "E-")),
                Generate.oneOf(
                    integers().between(0, 400).map(n -> Integer.toString(n)),
                    Generate.pick(List.of("2147483647", "2147483648", "99999999999"))),
                (m, e, x) -> m + e + x);
    return Generate.frequency(
        Pair.of(6, rendered), Pair.of(2, exponents), Pair.of(1, Generate.pick(ODD)));
  }

  /** Bool spellings, the valid and the near misses. */
  public static Gen<String> boolTexts() {
    return Generate.pick(
        List.of("true", "false", "TRUE", "False", "True", "1", "0", "t", "f", "yes", "on", ""));
  }

  /** Short strings over the characters numbers are made of, and anything else. */
  public static Gen<String> garbage() {
    Gen<String> numberish =
        lists()
            .of(Generate.pick(List.of("0123456789+-.eExXpP_ ,nNaAiIfF\t".split(""))))
            .ofSizeBetween(0, 12)
            .map(parts -> parts.stream().collect(Collectors.joining()));
    return Generate.oneOf(numberish, strings().allPossible().ofLengthBetween(0, 8));
  }

  /** The texts with whitespace around or inside, or with their digits in another script. */
  public static Gen<String> dressed(Gen<String> texts) {
    return texts.zip(
        Generate.pick(SPACES),
        Generate.range(0, 4),
        (t, s, form) ->
            switch (form) {
              case 0 -> s + t;
              case 1 -> t + s;
              case 2 -> s + t + s;
              case 3 -> t.isEmpty() ? s : t.charAt(0) + s + t.substring(1);
              default -> otherScript(t, ZEROS.get(Math.floorMod(t.hashCode(), ZEROS.size())));
            });
  }

  private static String otherScript(String text, int zero) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(c -> out.appendCodePoint(c >= '0' && c <= '9' ? zero + (c - '0') : c));
    return out.toString();
  }

  private static String render(double d, int form) {
    return switch (form) {
      case 0 -> Double.toString(d);
      case 1 -> String.format(Locale.ROOT, "%e", d);
      case 2 -> String.format(Locale.ROOT, "%.6e", d).toUpperCase(Locale.ROOT);
      case 3 -> String.format(Locale.ROOT, "%f", d);
      case 4 -> Float.toString((float) d);
      case 5 -> Double.toHexString(d);
      case 6 -> Double.isFinite(d) ? new BigDecimal(d).toPlainString() : Double.toString(d);
      case 7 -> Double.isFinite(d) ? BigDecimal.valueOf(d).toEngineeringString() : "-NaN";
      case 8 -> d >= 0 ? "+" + d : Double.toString(d);
      default -> Double.isFinite(d) ? new BigDecimal(d).toString() : Double.toString(d);
    };
  }
}
