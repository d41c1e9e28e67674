package dev.setpoint.ingest.application;

/** No user of that name (404). */
public class UnknownUserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownUserException(String username) {
    super("user '" + username + "' does not exist");
  }
}
