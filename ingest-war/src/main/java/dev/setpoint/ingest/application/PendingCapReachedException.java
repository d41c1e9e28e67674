package dev.setpoint.ingest.application;

import java.time.Duration;

/**
 * A device has as many events waiting unforwarded in the edge buffer as it may (507); nothing
 * stored. Once the relay forwards some, posts are accepted again.
 */
public class PendingCapReachedException extends RetryLaterException {
  private static final long serialVersionUID = 1L;

  public PendingCapReachedException(String message, Duration retryAfter) {
    super(message, retryAfter);
  }
}
