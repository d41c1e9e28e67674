package dev.setpoint.contracts.telemetry;

/** Kafka topics between the edge and the cloud. */
public final class Topics {
  /** One message per stored event, keyed by device name. */
  public static final String TELEMETRY = "setpoint.telemetry";

  /** Commands from the cloud to devices ({@link CommandMessage}), keyed by device name. */
  public static final String COMMANDS = "setpoint.commands";

  /**
   * The audit trail of the edge's changes (metadata, device tokens, commands, logins, users), keyed
   * by the record's id; the cloud stores every record once.
   */
  public static final String AUDIT = "setpoint.audit";

  /**
   * Alerts the edge raised and cleared itself (it evaluates the same rules as the cloud), keyed by
   * alert id; the cloud de-duplicates them against its own.
   */
  public static final String ALERTS = "setpoint.alerts";

  /**
   * The telemetry messages analytics can never store (not JSON, wrong schema, implausible values,
   * too large), each as it arrived with {@link DeadLetters} headers naming why and where from.
   */
  public static final String TELEMETRY_DLQ = "setpoint.telemetry.dlq";

  /** The commands the relay can never decode, as they arrived with {@link DeadLetters} headers. */
  public static final String COMMANDS_DLQ = "setpoint.commands.dlq";

  private Topics() {}
}
