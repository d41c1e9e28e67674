package dev.setpoint.ingest.application;

/**
 * A device, profile, service, command or stored value that does not exist (404); the message says
 * which.
 */
public class UnknownMetadataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownMetadataException(String message) {
    super(message);
  }
}
