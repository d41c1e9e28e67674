package dev.setpoint.model.eval;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * A stress scenario of the evaluation: a disturbance of the room or of what the controller sees,
 * from a start time fixed in {@link Evaluation} (chosen before any controller was tuned) for {@link
 * #duration()}. Sensor faults hit the hottest rack's sensor (rack 0).
 */
public enum Scenario {
  /** Nothing happens. */
  NONE(Duration.ZERO),
  /** A rack is switched on: +30 % IT load in one step, for the rest of the run. */
  RACK_ON(Duration.ofDays(365)),
  /** One cooling unit trips for 30 minutes. */
  UNIT_TRIP(Duration.ofMinutes(30)),
  /** The hottest rack's sensor freezes at its last reading for 6 hours. */
  SENSOR_STUCK(Duration.ofHours(6)),
  /** The hottest rack's sensor drifts down 1 K per hour for 6 hours (it reads too cool). */
  SENSOR_DRIFT(Duration.ofHours(6)),
  /** The hottest rack's sensor reports nothing for 6 hours. */
  SENSOR_MISSING(Duration.ofHours(6)),
  /** The weather feed fails for 6 hours: samples carry the last outdoor values before it. */
  WEATHER_OUTAGE(Duration.ofHours(6)),
  /** No telemetry reaches the controller for 15 minutes. */
  TELEMETRY_GAP(Duration.ofMinutes(15)),
  /** The device's clock runs 5 minutes ahead for 6 hours. */
  CLOCK_SKEW(Duration.ofHours(6));

  /** How far ahead the device clock runs in {@link #CLOCK_SKEW}. */
  public static final Duration SKEW = Duration.ofMinutes(5);

  /** How fast the sensor drifts in {@link #SENSOR_DRIFT}, K per hour. */
  public static final double DRIFT_K_PER_HOUR = -1.0;

  private final Duration duration;

  Scenario(Duration duration) {
    this.duration = duration;
  }

  public Duration duration() {
    return duration;
  }

  /** The scenario's name on the command line and in reports, e.g. {@code unit-trip}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The scenario named {@code code} ({@link #code()}). */
  public static Scenario of(String code) {
    return Arrays.stream(values())
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no scenario '"
                        + code
                        + "'; known: "
                        + Arrays.stream(values()).map(Scenario::code).toList()));
  }
}
