package dev.setpoint.contracts.telemetry;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * The JSON-B side the message codecs share: writing (telemetry, commands, the audit trail), strict
 * reading (commands, the audit trail; telemetry is read by {@link TelemetryJsonReader}), required
 * fields. Thread-safe; each codec holds one.
 */
public final class JsonPayloads implements AutoCloseable {
  private final Jsonb jsonb = JsonbBuilder.create();

  /** The value as JSON, as JSON-B writes it. */
  public String write(Object payload) {
    return jsonb.toJson(payload);
  }

  /**
   * The payload read as {@code type}, never null.
   *
   * @param what the payload's name for messages ("telemetry", "command")
   * @throws TelemetryFormatException when it is empty, not JSON, or null
   */
  public <T> T read(String json, Class<T> type, String what) {
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

  /**
   * Refuses a missing or blank field.
   *
   * @throws TelemetryFormatException naming the field
   */
  public static void require(String value, String field) {
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
