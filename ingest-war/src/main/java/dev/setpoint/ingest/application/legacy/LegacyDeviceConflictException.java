package dev.setpoint.ingest.application.legacy;

/** A v1 event for a device name that belongs to a device of another profile (409). */
public class LegacyDeviceConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LegacyDeviceConflictException(String message) {
    super(message);
  }
}
