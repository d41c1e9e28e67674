package dev.setpoint.relay.domain;

/** A command that does not fit its device: unknown, locked, or a value its profile refuses. */
public class InvalidCommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidCommandException(String message) {
    super(message);
  }
}
