package dev.setpoint.contracts.telemetry;

/**
 * Turns {@link CommandMessage}s into the JSON on {@link Topics#COMMANDS} and back. Decoding checks
 * the schema version and every required field. Thread-safe; create one and reuse it.
 */
public final class CommandCodec implements AutoCloseable {
  private final JsonPayloads json = new JsonPayloads();

  /** The command as JSON. */
  public String encode(CommandMessage command) {
    return json.write(command);
  }

  /**
   * Parses and checks one payload.
   *
   * @throws TelemetryFormatException naming the field at fault
   */
  public CommandMessage decode(String payload) {
    CommandMessage command = json.read(payload, CommandMessage.class, "command");
    if (command.schemaVersion() != CommandMessage.SCHEMA_VERSION) {
      throw new TelemetryFormatException(
          "schemaVersion "
              + command.schemaVersion()
              + " is not supported, expected "
              + CommandMessage.SCHEMA_VERSION);
    }
    JsonPayloads.require(command.commandId(), "commandId");
    JsonPayloads.require(command.device(), "device");
    JsonPayloads.require(command.resource(), "resource");
    JsonPayloads.require(command.value(), "value");
    if (command.source() == null) {
      throw new TelemetryFormatException("source is required (OPERATOR or RECOMMENDER)");
    }
    if (command.issuedAt() <= 0) {
      throw new TelemetryFormatException("issuedAt must be a positive epoch in milliseconds");
    }
    return command;
  }

  @Override
  public void close() {
    json.close();
  }
}
