package dev.setpoint.ingest.application;

/** A request that breaks the EdgeX contract; the message names the field at fault. */
public class InvalidEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidEventException(String message) {
    super(message);
  }
}
