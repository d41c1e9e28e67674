package dev.setpoint.ingest.application;

/**
 * A user change that cannot be made in the users' present state (409): the name is taken, the user
 * is the configured bootstrap user, or an admin would lock themself out. The message says which.
 */
public class UserConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserConflictException(String message) {
    super(message);
  }
}
