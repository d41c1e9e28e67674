package dev.setpoint.ingest.application;

/** A read request with a bad path or query parameter; the message names the parameter. */
public class InvalidQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidQueryException(String message) {
    super(message);
  }
}
