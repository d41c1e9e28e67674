package dev.setpoint.ingest.application;

/**
 * A metadata request that breaks the EdgeX contract (400); the message names the field at fault.
 */
public class InvalidMetadataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidMetadataException(String message) {
    super(message);
  }
}
