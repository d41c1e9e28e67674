package dev.setpoint.ingest.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.ingest.domain.StoredReading;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored events in EdgeX's shape, the reverse of {@link EventValidator}: every reading repeats its
 * event's device and profile names, as EdgeX readings do. Values come back as the text received.
 */
final class EdgeXViews {
  private EdgeXViews() {}

  static Event event(BufferedEvent event) {
    List<Reading> readings = new ArrayList<>(event.readings().size());
    for (BufferedReading reading : event.readings()) {
      readings.add(reading(event.deviceName(), event.profileName(), reading));
    }
    return new Event(
        ApiVersion.V3,
        event.id(),
        event.deviceName(),
        event.profileName(),
        event.sourceName(),
        BigInteger.valueOf(event.origin()),
        readings,
        null);
  }

  static Reading reading(StoredReading stored) {
    return reading(stored.deviceName(), stored.profileName(), stored.reading());
  }

  private static Reading reading(String deviceName, String profileName, BufferedReading reading) {
    return new Reading(
        reading.id(),
        BigInteger.valueOf(reading.origin()),
        deviceName,
        reading.resourceName(),
        profileName,
        reading.valueType(),
        reading.value(),
        reading.units(),
        null);
  }
}
