package dev.setpoint.ingest.application;

/**
 * A request for an enrolment code with a field that breaks the rules (400); the message names it.
 */
public class InvalidEnrolmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param field the request field at fault ({@code profiles[1]}, {@code count}, ...)
   * @param problem what is wrong with it
   */
  public InvalidEnrolmentException(String field, String problem) {
    super(field + ": " + problem);
  }
}
