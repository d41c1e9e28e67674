package dev.setpoint.ingest.application;

/**
 * A good enrolment code that does not allow what the request asks (403): a device of a profile or
 * service the code does not name, a device it does not name, more devices than it has uses left.
 * The message says which.
 */
public class EnrolmentForbiddenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EnrolmentForbiddenException(String message) {
    super(message);
  }
}
