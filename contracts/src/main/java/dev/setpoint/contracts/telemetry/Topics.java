package dev.setpoint.contracts.telemetry;

/** Kafka topics between the edge and the cloud. */
public final class Topics {
  /** One message per stored event, keyed by device name. */
  public static final String TELEMETRY = "setpoint.telemetry";

  /** Commands from the cloud to devices ({@link CommandMessage}), keyed by device name. */
  public static final String COMMANDS = "setpoint.commands";

  private Topics() {}
}
