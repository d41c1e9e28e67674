package dev.setpoint.contracts.telemetry;

/**
 * Turns {@link TelemetryMessage}s into the JSON that travels on {@link Topics#TELEMETRY} and back.
 * Decoding checks the schema version and every required field, so a consumer never works on half a
 * message. Thread-safe; create one per producer or consumer and reuse it.
 */
public final class TelemetryCodec implements AutoCloseable {
  private final JsonPayloads json = new JsonPayloads();
  private final TelemetryJsonReader reader = new TelemetryJsonReader();

  /** The message as JSON. */
  public String encode(TelemetryMessage message) {
    return json.write(message);
  }

  /**
   * Parses and checks one payload.
   *
   * @throws TelemetryFormatException naming the field at fault
   */
  public TelemetryMessage decode(String payload) {
    TelemetryMessage message = reader.read(payload);
    if (message.schemaVersion() < TelemetryMessage.OLDEST_SCHEMA_VERSION
        || message.schemaVersion() > TelemetryMessage.SCHEMA_VERSION) {
      throw new TelemetryFormatException(
          "schemaVersion "
              + message.schemaVersion()
              + " is not supported, expected "
              + TelemetryMessage.OLDEST_SCHEMA_VERSION
              + " to "
              + TelemetryMessage.SCHEMA_VERSION);
    }
    JsonPayloads.require(message.eventId(), "eventId");
    JsonPayloads.require(message.device(), "device");
    if (message.origin() <= 0) {
      throw new TelemetryFormatException("origin must be a positive epoch in nanoseconds");
    }
    if (message.readings() == null || message.readings().isEmpty()) {
      throw new TelemetryFormatException("readings must hold at least one reading");
    }
    for (int i = 0; i < message.readings().size(); i++) {
      TelemetryReading reading = message.readings().get(i);
      if (reading == null) {
        throw new TelemetryFormatException("readings[" + i + "] is null");
      }
      JsonPayloads.require(reading.resource(), "readings[" + i + "].resource");
      if (TelemetryReading.RESERVED_RESOURCES.contains(reading.resource())) {
        throw new TelemetryFormatException(
            "readings[" + i + "].resource '" + reading.resource() + "' is a reserved name");
      }
      if (reading.value() == null || !Double.isFinite(reading.value())) {
        throw new TelemetryFormatException("readings[" + i + "].value must be a finite number");
      }
    }
    if (message.outdoor() != null) {
      outdoor(message.outdoor());
    }
    if (message.setpoint() != null && !Double.isFinite(message.setpoint())) {
      throw new TelemetryFormatException("setpoint must be a finite number");
    }
    if (message.receivedAt() != null && message.receivedAt() <= 0) {
      throw new TelemetryFormatException("receivedAt must be a positive epoch in ms");
    }
    if (message.room() != null) {
      JsonPayloads.require(message.room(), "room");
    }
    return message;
  }

  private static void outdoor(OutdoorConditions outdoor) {
    if (outdoor.temperature() == null || !Double.isFinite(outdoor.temperature())) {
      throw new TelemetryFormatException("outdoor.temperature must be a finite number");
    }
    if (outdoor.humidity() == null
        || !Double.isFinite(outdoor.humidity())
        || outdoor.humidity() < 0
        || outdoor.humidity() > 100) {
      throw new TelemetryFormatException("outdoor.humidity must be a number from 0 to 100");
    }
    if (outdoor.category() == null || outdoor.category() < 1 || outdoor.category() > 9) {
      throw new TelemetryFormatException("outdoor.category must be a weather category from 1 to 9");
    }
    if (outdoor.observedAt() <= 0) {
      throw new TelemetryFormatException("outdoor.observedAt must be a positive epoch in ms");
    }
    JsonPayloads.require(outdoor.source(), "outdoor.source");
  }

  @Override
  public void close() {
    json.close();
  }
}
