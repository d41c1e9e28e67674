package dev.setpoint.contracts.telemetry;

/** Kafka topics between the edge and the cloud. */
public final class Topics {
  /** One message per stored event, keyed by device name. */
  public static final String TELEMETRY = "setpoint.telemetry";

  private Topics() {}
}
