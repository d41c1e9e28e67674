package dev.setpoint.ingest.application;

import java.time.Duration;

/**
 * A refusal the caller should retry, not drop: the event was not stored and may be posted again
 * (the same id) after {@link #retryAfter()}, which travels as the answer's {@code Retry-After}.
 */
public abstract class RetryLaterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  protected RetryLaterException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** {@link #retryAfter()} in whole seconds, at least one: the {@code Retry-After} header. */
  public long retryAfterSeconds() {
    long millis = retryAfter.toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
