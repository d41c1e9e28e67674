package dev.setpoint.device.config;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a setting read as a value, for the agent's keys ({@link Settings}) and the meter's
 * ({@link dev.setpoint.device.meter.MeterConfig}) alike: each caller says how a refusal names its
 * key ({@code bad} makes the exception from the reason).
 */
public final class Values {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Values() {}

  /** An integer from {@code min} to {@code max} (decimal, or 0x hexadecimal). */
  public static int integer(String text, int min, int max, Function<String, ConfigException> bad)
      throws ConfigException {
    try {
      int value = Integer.decode(text.trim());
      if (value < min || value > max) {
        throw bad.apply("must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw bad.apply("is not an integer");
    }
  }

  /** A finite number. */
  public static double number(String text, Function<String, ConfigException> bad)
      throws ConfigException {
    try {
      double value = Double.parseDouble(text.trim());
      if (!Double.isFinite(value)) {
        throw bad.apply("is not a finite number");
      }
      return value;
    } catch (NumberFormatException e) {
      throw bad.apply("is not a number");
    }
  }

  /** One of the allowed words, lower case. */
  public static String choice(String text, Function<String, ConfigException> bad, String... allowed)
      throws ConfigException {
    String value = text.trim().toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw bad.apply("must be one of " + String.join(", ", allowed));
  }

  /**
   * A positive duration such as {@code 10s}, {@code 500ms}, {@code 5m}, {@code 1h} or ISO {@code
   * PT10S}.
   */
  public static Duration duration(String text, Function<String, ConfigException> bad)
      throws ConfigException {
    String t = text.trim();
    if (t.startsWith("-") && DURATION.matcher(t.substring(1)).matches()) {
      throw bad.apply("must be positive");
    }
    Matcher m = DURATION.matcher(t);
    Duration d;
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d =
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              default -> Duration.ofHours(n);
            };
      } else {
        d = Duration.parse(t);
      }
    } catch (RuntimeException e) {
      // not a duration, or digits beyond what a duration holds
      throw bad.apply("is not a duration such as 10s, 500ms, 5m");
    }
    if (d.isNegative() || d.isZero()) {
      throw bad.apply("must be positive");
    }
    return d;
  }
}
