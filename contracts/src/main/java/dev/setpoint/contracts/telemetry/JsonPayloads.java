package dev.setpoint.contracts.telemetry;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/** The JSON-B side the message codecs share: writing, strict reading, required fields. */
final class JsonPayloads implements AutoCloseable {
  private final Jsonb jsonb = JsonbBuilder.create();

  String write(Object payload) {
    return jsonb.toJson(payload);
  }

  /**
   * The payload read as {@code type}, never null.
   *
   * @param what the payload's name for messages ("telemetry", "command")
   * @throws TelemetryFormatException when it is empty, not JSON, or null
   */
  <T> T read(String json, Class<T> type, String what) {
    if (json == null || json.isBlank()) {
      throw new TelemetryFormatException("empty " + what + " payload");
    }
    T payload;
    try {
      payload = jsonb.fromJson(json, type);
    } catch (JsonbException e) {
      throw new TelemetryFormatException(what + " payload is not valid JSON: " + e.getMessage(), e);
    }
    if (payload == null) {
      throw new TelemetryFormatException(what + " payload is null");
    }
    return payload;
  }

  static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new TelemetryFormatException(field + " is required");
    }
  }

  @Override
  public void close() {
    try {
      jsonb.close();
    } catch (Exception e) {
      throw new IllegalStateException("could not close JSON-B", e);
    }
  }
}
