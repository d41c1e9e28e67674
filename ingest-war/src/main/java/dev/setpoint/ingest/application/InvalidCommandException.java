package dev.setpoint.ingest.application;

/**
 * A Core Command request that does not fit the device's profile (400); the message names the
 * resource.
 */
public class InvalidCommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidCommandException(String message) {
    super(message);
  }
}
