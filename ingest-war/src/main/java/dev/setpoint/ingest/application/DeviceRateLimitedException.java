package dev.setpoint.ingest.application;

import java.time.Duration;

/** A device posts faster than its rate allows (429); nothing stored. */
public class DeviceRateLimitedException extends RetryLaterException {
  private static final long serialVersionUID = 1L;

  public DeviceRateLimitedException(String message, Duration retryAfter) {
    super(message, retryAfter);
  }
}
