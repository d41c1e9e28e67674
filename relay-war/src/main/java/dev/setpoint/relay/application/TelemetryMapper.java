package dev.setpoint.relay.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the telemetry message of a stored event. Only numeric readings travel to the time-series
 * store; text and boolean readings stay in the edge buffer, where the EdgeX API still serves them.
 */
final class TelemetryMapper {
  private TelemetryMapper() {}

  /**
   * The message, or empty when the event has no numeric reading to send.
   *
   * @param site the device's site
   * @param outdoor the site's outdoor weather, or {@code null} when none is known
   */
  static Optional<TelemetryMessage> toMessage(
      BufferedEvent event, String site, OutdoorConditions outdoor) {
    List<TelemetryReading> readings = new ArrayList<>(event.readings().size());
    for (BufferedReading reading : event.readings()) {
      if (isNumeric(reading.valueType())) {
        double value = Double.parseDouble(reading.value());
        if (Double.isFinite(value)) {
          readings.add(new TelemetryReading(reading.resourceName(), value, reading.units()));
        }
      }
    }
    if (readings.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TelemetryMessage(
            TelemetryMessage.SCHEMA_VERSION,
            event.id(),
            event.deviceName(),
            event.profileName(),
            event.sourceName(),
            event.origin(),
            readings,
            site,
            outdoor,
            null)); // the device's current setpoint arrives with the commands of issue 4
  }

  private static boolean isNumeric(String valueType) {
    String type = valueType.toLowerCase(Locale.ROOT);
    return type.startsWith("float") || type.startsWith("int") || type.startsWith("uint");
  }
}
