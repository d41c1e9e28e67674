package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.HistoryRange;
import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The query parameters the listing endpoints share (alerts, the audit trail): each absent or blank
 * one is "no filter" (or its default); a bad one is refused with {@link
 * InvalidHistoryRequestException}, a 400 naming it.
 */
final class QueryParams {
  /** Longest name a filter takes. */
  static final int MAX_NAME = 256;

  private QueryParams() {}

  /** A code {@code parse} knows, or null when absent. */
  static <T> T code(String parameter, String value, Function<String, Optional<T>> parse) {
    if (blank(value)) {
      return null;
    }
    return parse
        .apply(value.strip())
        .orElseThrow(
            () -> new InvalidHistoryRequestException(parameter, "'" + value + "' is not known"));
  }

  /** A name (at most {@value #MAX_NAME} characters, no control characters), or null when absent. */
  static String name(String parameter, String value) {
    if (blank(value)) {
      return null;
    }
    if (value.length() > MAX_NAME || value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidHistoryRequestException(parameter, "must be a name");
    }
    return value.strip();
  }

  /** An ISO-8601 instant, or null when absent. */
  static Instant instant(String parameter, String value) {
    return blank(value) ? null : HistoryRange.instant(parameter, value.strip());
  }

  /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
  static int number(String parameter, String value, int min, int max, int fallback) {
    if (blank(value)) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidHistoryRequestException(
          parameter, "must be a whole number from " + min + " to " + max);
    }
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
