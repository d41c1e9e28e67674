package dev.setpoint.ingest.application.legacy;

/** A v1 read while {@code setpoint.ingest.v1.reads-enabled} is off (404, as the API when off). */
public class LegacyReadsOffException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LegacyReadsOffException(String message) {
    super(message);
  }
}
