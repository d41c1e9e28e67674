package dev.setpoint.contracts.alert;

/** An edge alert payload that is not valid JSON or misses a field its schema requires. */
public class AlertFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Names what is wrong with the payload. */
  public AlertFormatException(String message) {
    super(message);
  }

  /** Names what is wrong with the payload, and why parsing failed. */
  public AlertFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
