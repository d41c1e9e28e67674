package dev.setpoint.analytics.application;

import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a well-formed telemetry message must also be before it is stored: a message can decode and
 * still be nonsense that would corrupt the history and the recommender's windows. Its origin lies
 * between {@link #EARLIEST} and {@link #MAX_AHEAD} ahead of this server's clock (a device whose
 * clock is off by years writes points nobody finds); a {@code temperature} reading lies within
 * {@value #MIN_TEMPERATURE_C} to {@value #MAX_TEMPERATURE_C} °C and a {@code humidity} reading
 * within 0 to 100 %. Other readings (power, energy counters) have no fixed range here.
 */
public final class TelemetryPlausibility {
  /** No Setpoint device reported before this. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** How far ahead of this server's clock an origin may be. */
  public static final Duration MAX_AHEAD = Duration.ofDays(1);

  static final double MIN_TEMPERATURE_C = -100;
  static final double MAX_TEMPERATURE_C = 200;

  private final Clock clock;

  public TelemetryPlausibility(Clock clock) {
    this.clock = clock;
  }

  /** Why the message is implausible, or empty when it is plausible. */
  public Optional<String> problem(TelemetryMessage message) {
    Instant origin = Instant.ofEpochSecond(0, message.origin());
    if (origin.isBefore(EARLIEST)) {
      return Optional.of("origin " + origin + " is before " + EARLIEST);
    }
    Instant latest = clock.instant().plus(MAX_AHEAD);
    if (origin.isAfter(latest)) {
      return Optional.of("origin " + origin + " is more than " + MAX_AHEAD + " ahead of now");
    }
    for (TelemetryReading r : message.readings()) {
      double v = r.value();
      if ("temperature".equals(r.resource()) && (v < MIN_TEMPERATURE_C || v > MAX_TEMPERATURE_C)) {
        return Optional.of(
            "temperature "
                + v
                + " is outside "
                + MIN_TEMPERATURE_C
                + " to "
                + MAX_TEMPERATURE_C
                + " °C");
      }
      if ("humidity".equals(r.resource()) && (v < 0 || v > 100)) {
        return Optional.of("humidity " + v + " is outside 0 to 100 %");
      }
    }
    return Optional.empty();
  }
}
