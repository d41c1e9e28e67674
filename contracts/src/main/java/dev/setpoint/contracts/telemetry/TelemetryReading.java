package dev.setpoint.contracts.telemetry;

import java.util.Set;

/**
 * One numeric reading of an event, e.g. {@code temperature = 23.5 °C}.
 *
 * @param resource the device resource name; becomes the InfluxDB field name
 * @param value the reading as a finite number; boxed so that a missing value is an error, not 0
 * @param units units as the device reported them, or {@code null}
 */
public record TelemetryReading(String resource, Double value, String units) {

  /**
   * Names a reading cannot have, because the time-series store uses them itself: {@code time} is
   * InfluxDB's timestamp, {@code device}, {@code source}, {@code site} and {@code room} are tags,
   * the others fields of a point (the event id, the outdoor weather, the device's current setpoint;
   * {@code weather_age_s} and {@code weather_simulated} are on points written before the
   * observation's own measurement, {@code weather}, held them).
   */
  public static final Set<String> RESERVED_RESOURCES =
      Set.of(
          "time",
          "device",
          "source",
          "site",
          "room",
          "event_id",
          "outdoor_temperature",
          "outdoor_humidity",
          "weather_category",
          "weather_stale",
          "weather_age_s",
          "weather_simulated",
          "current_setpoint");
}
