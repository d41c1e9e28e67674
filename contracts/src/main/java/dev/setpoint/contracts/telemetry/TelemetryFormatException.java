package dev.setpoint.contracts.telemetry;

/** A telemetry payload that is not valid JSON or misses a field the schema requires. */
public class TelemetryFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Names what is wrong with the payload. */
  public TelemetryFormatException(String message) {
    super(message);
  }

  /** Names what is wrong with the payload, and why parsing failed. */
  public TelemetryFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
