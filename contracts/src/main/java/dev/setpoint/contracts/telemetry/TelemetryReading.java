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
   * InfluxDB's timestamp, {@code device} and {@code source} are tags, {@code event_id} a field.
   */
  public static final Set<String> RESERVED_RESOURCES =
      Set.of("time", "device", "source", "event_id");
}
