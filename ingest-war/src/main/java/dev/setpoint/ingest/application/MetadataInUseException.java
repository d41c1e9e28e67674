package dev.setpoint.ingest.application;

/** A profile or device service still used by a device, so it cannot be deleted (409). */
public class MetadataInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MetadataInUseException(String message) {
    super(message);
  }
}
