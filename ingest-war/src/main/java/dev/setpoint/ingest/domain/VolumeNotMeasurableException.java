package dev.setpoint.ingest.domain;

/**
 * The buffer's volume cannot be measured where ingest runs (no such directory, or a MongoDB-wire
 * server that reports no file system sizes): the check is off, and the message says why.
 */
public class VolumeNotMeasurableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VolumeNotMeasurableException(String message) {
    super(message);
  }
}
