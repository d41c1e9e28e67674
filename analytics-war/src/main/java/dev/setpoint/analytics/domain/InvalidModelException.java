package dev.setpoint.analytics.domain;

/** A model file that cannot be served: unreadable, not ONNX, or not the expected interface. */
public class InvalidModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidModelException(String message) {
    super(message);
  }

  public InvalidModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
