package dev.setpoint.ingest.application;

/**
 * An enrolment code that is not good (401): unknown, malformed, expired, used up or revoked. The
 * message is the same for all of them, so a caller learns nothing about which.
 */
public class EnrolmentRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The one message of every refused code. */
  public static final String MESSAGE =
      "the enrolment code is not valid (unknown, expired, used or revoked); ask an operator for a"
          + " new one";

  public EnrolmentRefusedException() {
    super(MESSAGE);
  }
}
