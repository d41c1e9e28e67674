package dev.setpoint.contracts.telemetry;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * Turns {@link CommandMessage}s into the JSON on {@link Topics#COMMANDS} and back. Decoding checks
 * the schema version and every required field. Thread-safe; create one and reuse it.
 */
public final class CommandCodec implements AutoCloseable {
  private final Jsonb jsonb = JsonbBuilder.create();

  /** The command as JSON. */
  public String encode(CommandMessage command) {
    return jsonb.toJson(command);
  }

  /**
   * Parses and checks one payload.
   *
   * @throws TelemetryFormatException naming the field at fault
   */
  public CommandMessage decode(String json) {
    if (json == null || json.isBlank()) {
      throw new TelemetryFormatException("empty command payload");
    }
    CommandMessage command;
    try {
      command = jsonb.fromJson(json, CommandMessage.class);
    } catch (JsonbException e) {
      throw new TelemetryFormatException("command payload is not valid JSON: " + e.getMessage(), e);
    }
    if (command == null) {
      throw new TelemetryFormatException("command payload is null");
    }
    if (command.schemaVersion() != CommandMessage.SCHEMA_VERSION) {
      throw new TelemetryFormatException(
          "schemaVersion "
              + command.schemaVersion()
              + " is not supported, expected "
              + CommandMessage.SCHEMA_VERSION);
    }
    require(command.commandId(), "commandId");
    require(command.device(), "device");
    require(command.resource(), "resource");
    require(command.value(), "value");
    if (command.source() == null) {
      throw new TelemetryFormatException("source is required (OPERATOR or RECOMMENDER)");
    }
    if (command.issuedAt() <= 0) {
      throw new TelemetryFormatException("issuedAt must be a positive epoch in milliseconds");
    }
    return command;
  }

  private static void require(String value, String field) {
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
