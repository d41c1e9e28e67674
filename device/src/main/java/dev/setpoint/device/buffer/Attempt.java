package dev.setpoint.device.buffer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One attempt to post an event: its {@link Delivery} and, for a retry, how long ingest asked the
 * device to wait ({@code Retry-After}: 429 over its rate, 507 at its cap of unforwarded events, a
 * 503). The outbox never resends sooner than that.
 *
 * @param delivery what became of it
 * @param retryAfter the wait ingest asked for; {@link Duration#ZERO} when it asked none
 */
public record Attempt(Delivery delivery, Duration retryAfter) {
  /** The longest wait honoured: a larger or broken {@code Retry-After} would stall the device. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

  public Attempt {
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("a negative Retry-After: " + retryAfter);
    }
  }

  /** An attempt that got no answer at all (unreachable, timed out). */
  public static Attempt unreachable() {
    return new Attempt(Delivery.RETRY, Duration.ZERO);
  }

  /** The attempt of an answer without {@code Retry-After}. */
  public static Attempt ofStatus(int status) {
    return new Attempt(Delivery.ofStatus(status), Duration.ZERO);
  }

  /**
   * The attempt of an answer.
   *
   * @param retryAfter the {@code Retry-After} header, if any: delta-seconds or an HTTP-date (RFC
   *     9110 §10.2.3); ignored unless the delivery is a retry, and when it cannot be read
   * @param now to turn an HTTP-date into a wait
   */
  public static Attempt ofAnswer(int status, Optional<String> retryAfter, Instant now) {
    Delivery delivery = Delivery.ofStatus(status);
    Duration wait =
        delivery == Delivery.RETRY
            ? retryAfter.flatMap(header -> parse(header, now)).orElse(Duration.ZERO)
            : Duration.ZERO;
    return new Attempt(delivery, wait);
  }

  static Optional<Duration> parse(String header, Instant now) {
    String text = header.strip();
    Duration wait;
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      wait = text.length() > 9 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(text));
    } else {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        wait = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
  }
}
