package dev.setpoint.relay.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.edgex.ReadingValue;
import dev.setpoint.contracts.edgex.ValueTypes;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the telemetry message of a stored event. Only numeric readings travel to the time-series
 * store; text and boolean readings stay in the edge buffer, where the EdgeX API still serves them.
 */
final class TelemetryMapper {
  /**
   * The air conditioner's setpoint resource (profile {@code air-conditioner}). A device reports the
   * setpoint it holds as a reading of this name; that value travels as the message's current
   * setpoint. A command the device has not yet applied is not its current setpoint, so the stored
   * commands are not consulted.
   */
  static final String SETPOINT = "setpoint";

  private TelemetryMapper() {}

  /**
   * The reading's numeric value read by ingest's rule ({@link ValueTypes#parse}), or null for a
   * text or boolean reading.
   *
   * @throws IllegalArgumentException when a numeric reading's value is not one ingest accepts: the
   *     stored event breaks the buffer's schema and can never be sent
   */
  static ReadingValue.Numeric numeric(BufferedReading reading) {
    if (!ValueTypes.numeric(reading.valueType())) {
      return null;
    }
    return ValueTypes.parse(reading.valueType(), reading.value())
        .map(ReadingValue.Numeric.class::cast)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "reading "
                        + reading.resourceName()
                        + " holds '"
                        + reading.value()
                        + "', which is no "
                        + reading.valueType()));
  }

  /**
   * The message, or empty when the event has no numeric reading to send.
   *
   * @param site the device's site
   * @param outdoor the site's outdoor weather, or {@code null} when none is known
   */
  static Optional<TelemetryMessage> toMessage(
      BufferedEvent event, String site, OutdoorConditions outdoor) {
    List<TelemetryReading> readings = new ArrayList<>(event.readings().size());
    Double setpoint = null;
    for (BufferedReading reading : event.readings()) {
      if (numeric(reading) instanceof ReadingValue.Numeric number) {
        double value = number.asDouble();
        readings.add(new TelemetryReading(reading.resourceName(), value, reading.units()));
        if (SETPOINT.equals(reading.resourceName())) {
          setpoint = value;
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
            setpoint,
            event.receivedAt() > 0 ? event.receivedAt() : null,
            event.room()));
  }
}
