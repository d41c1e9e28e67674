package dev.setpoint.ingest.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.contracts.edgex.ReadingValue;
import dev.setpoint.contracts.edgex.ValueTypes;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks an AddEventRequest against the EdgeX v3 contract and turns it into the event to store.
 * Either the whole event is valid or nothing is returned: the first fault throws an {@link
 * InvalidEventException} that names the field.
 */
public final class EventValidator {
  /** More readings than this in one event is a client bug, not a climate sample. */
  static final int MAX_READINGS = 1_000;

  /**
   * Validates the request for the given path and returns the event to store as {@code PENDING}.
   *
   * @param receivedAtMillis when the request arrived
   */
  public BufferedEvent validate(AddEventRequest request, EventPath path, long receivedAtMillis) {
    if (request == null) {
      throw new InvalidEventException("request body is required");
    }
    if (request.apiVersion() != null && !ApiVersion.V3.equals(request.apiVersion())) {
      throw new InvalidEventException("apiVersion must be v3, was " + request.apiVersion());
    }
    Event event = request.event();
    if (event == null) {
      throw new InvalidEventException("event is required");
    }
    String id = uuid(event.id(), "event.id");
    matches(event.deviceName(), path.deviceName(), "event.deviceName", "deviceName");
    matches(event.profileName(), path.profileName(), "event.profileName", "profileName");
    matches(event.sourceName(), path.sourceName(), "event.sourceName", "sourceName");
    long origin = positive(event.origin(), "event.origin");
    List<Reading> readings = event.readings();
    if (readings == null || readings.isEmpty()) {
      throw new InvalidEventException("event.readings must hold at least one reading");
    }
    if (readings.size() > MAX_READINGS) {
      throw new InvalidEventException(
          "event.readings holds " + readings.size() + " readings, at most " + MAX_READINGS);
    }
    List<BufferedReading> stored = new ArrayList<>(readings.size());
    Set<String> resources = new HashSet<>();
    for (int i = 0; i < readings.size(); i++) {
      BufferedReading reading = reading(readings.get(i), "event.readings[" + i + "]", path, origin);
      if (!resources.add(reading.resourceName())) {
        throw new InvalidEventException(
            "event.readings["
                + i
                + "].resourceName '"
                + reading.resourceName()
                + "' appears twice in one event");
      }
      stored.add(reading);
    }
    return new BufferedEvent(
        id,
        path.deviceName(),
        path.profileName(),
        path.sourceName(),
        origin,
        stored,
        EventState.PENDING,
        receivedAtMillis,
        null);
  }

  private static BufferedReading reading(
      Reading reading, String field, EventPath path, long eventOrigin) {
    if (reading == null) {
      throw new InvalidEventException(field + " is null");
    }
    String resource = required(reading.resourceName(), field + ".resourceName");
    if (reading.deviceName() != null && !reading.deviceName().equals(path.deviceName())) {
      throw new InvalidEventException(
          field + ".deviceName '" + reading.deviceName() + "' differs from the event's device");
    }
    if (reading.profileName() != null && !reading.profileName().equals(path.profileName())) {
      throw new InvalidEventException(
          field + ".profileName '" + reading.profileName() + "' differs from the event's profile");
    }
    String valueType = required(reading.valueType(), field + ".valueType");
    if (ValueTypes.canonical(valueType).isEmpty()) {
      throw new InvalidEventException(
          field + ".valueType '" + valueType + "' is not a supported simple EdgeX value type");
    }
    // Numeric readings become InfluxDB fields beside its own names; text readings stay at the edge.
    if (ValueTypes.numeric(valueType) && TelemetryReading.RESERVED_RESOURCES.contains(resource)) {
      throw new InvalidEventException(
          field
              + ".resourceName '"
              + resource
              + "' is reserved for a numeric reading; use another resource name");
    }
    if (reading.value() == null) {
      throw new InvalidEventException(field + ".value is required");
    }
    // The shared parser: a value accepted here is one the relay can forward.
    ReadingValue value =
        ValueTypes.parse(valueType, reading.value())
            .orElseThrow(
                () ->
                    new InvalidEventException(
                        field + ".value '" + reading.value() + "' is not a valid " + valueType));
    long origin =
        reading.origin() == null ? eventOrigin : positive(reading.origin(), field + ".origin");
    String id =
        reading.id() == null ? UUID.randomUUID().toString() : uuid(reading.id(), field + ".id");
    return new BufferedReading(id, origin, resource, valueType, value.text(), reading.units());
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidEventException(field + " is required");
    }
    return value;
  }

  private static void matches(String body, String path, String field, String pathName) {
    required(body, field);
    if (!body.equals(path)) {
      throw new InvalidEventException(
          field + " '" + body + "' does not match " + pathName + " '" + path + "' in the path");
    }
  }

  private static long positive(BigInteger value, String field) {
    if (value == null) {
      throw new InvalidEventException(field + " is required");
    }
    if (value.signum() <= 0 || value.bitLength() > 63) {
      throw new InvalidEventException(
          field + " must be a positive int64 epoch in nanoseconds, was " + value);
    }
    return value.longValueExact();
  }

  private static String uuid(String value, String field) {
    required(value, field);
    try {
      UUID parsed = UUID.fromString(value);
      // UUID.fromString accepts short forms such as "1-1-1-1-1"; EdgeX wants the canonical one.
      if (parsed.toString().equalsIgnoreCase(value)) {
        return parsed.toString();
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidEventException(field + " '" + value + "' is not a UUID");
  }
}
