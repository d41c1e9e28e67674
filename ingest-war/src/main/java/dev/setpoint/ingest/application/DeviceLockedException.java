package dev.setpoint.ingest.application;

/** A device whose adminState is LOCKED: its events and commands are refused (423). */
public class DeviceLockedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DeviceLockedException(String message) {
    super(message);
  }
}
