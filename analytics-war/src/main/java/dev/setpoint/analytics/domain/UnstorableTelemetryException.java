package dev.setpoint.analytics.domain;

/**
 * The store refused a message for what it is, not for a passing reason (InfluxDB answered 4xx):
 * retrying it would block everything behind it forever.
 */
public class UnstorableTelemetryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnstorableTelemetryException(String message, Throwable cause) {
    super(message, cause);
  }
}
