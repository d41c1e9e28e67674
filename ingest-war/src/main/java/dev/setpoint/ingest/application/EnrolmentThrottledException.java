package dev.setpoint.ingest.application;

import java.time.Duration;

/** An address that tried too many refused enrolment codes lately (429); it may try again later. */
public class EnrolmentThrottledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public EnrolmentThrottledException(Duration retryAfter) {
    super(
        "too many refused enrolment codes from this address; try again in "
            + Math.max(1, retryAfter.toSeconds())
            + " s");
    this.retryAfter = retryAfter;
  }

  /** How long until the address may try again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
