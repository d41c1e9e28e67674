package dev.setpoint.relay.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The outdoor weather at a site, as the relay attaches it to telemetry.
 *
 * @param site the site's name
 * @param temperatureC air temperature, °C
 * @param humidityPercent relative humidity, 0–100 %
 * @param category the report's weather category, 1–9 (see {@code WeatherCategories} in the
 *     OpenWeatherMap adapter for the table)
 * @param observedAt when the weather was observed (OpenWeatherMap's {@code dt})
 * @param source where it came from: {@value #OPENWEATHERMAP} or {@value #SIMULATED}
 * @param stale whether this is the last known value, served because a fresh one could not be had
 * @param age how old the observation was when served ({@code observedAt} to then, never negative)
 * @param simulated whether the weather is simulated rather than observed
 */
public record OutdoorWeather(
    String site,
    double temperatureC,
    double humidityPercent,
    int category,
    Instant observedAt,
    String source,
    boolean stale,
    Duration age,
    boolean simulated) {
  public static final String OPENWEATHERMAP = "openweathermap";
  public static final String SIMULATED = "simulated";

  public OutdoorWeather {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(age, "age");
    if (!Double.isFinite(temperatureC)) {
      throw new IllegalArgumentException("temperature must be finite: " + temperatureC);
    }
    if (!(humidityPercent >= 0 && humidityPercent <= 100)) {
      throw new IllegalArgumentException("humidity out of 0…100: " + humidityPercent);
    }
    if (category < 1 || category > 9) {
      throw new IllegalArgumentException("category out of 1…9: " + category);
    }
    if (age.isNegative()) {
      age = Duration.ZERO;
    }
  }

  /** A fresh observation, its age measured at {@code now}. */
  public static OutdoorWeather observed(
      String site,
      double temperatureC,
      double humidityPercent,
      int category,
      Instant observedAt,
      String source,
      boolean simulated,
      Instant now) {
    return new OutdoorWeather(
        site,
        temperatureC,
        humidityPercent,
        category,
        observedAt,
        source,
        false,
        Duration.between(observedAt, now),
        simulated);
  }

  /** The same observation served again at {@code now}, its age updated. */
  public OutdoorWeather at(Instant now) {
    return servedAt(now, stale);
  }

  /** The same observation served at {@code now} as the last known value. */
  public OutdoorWeather staleAt(Instant now) {
    return servedAt(now, true);
  }

  private OutdoorWeather servedAt(Instant now, boolean asStale) {
    return new OutdoorWeather(
        site,
        temperatureC,
        humidityPercent,
        category,
        observedAt,
        source,
        asStale,
        Duration.between(observedAt, now),
        simulated);
  }
}
