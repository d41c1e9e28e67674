package dev.setpoint.ingest.application;

/**
 * A command was not stored because the store holds one set later (by the one ordering rule of
 * {@code dev.setpoint.contracts.command.CommandUpsert}): for example an operator's write that lost
 * a race with a later one, or a cloud command issued by a clock ahead of this hub's.
 */
public class CommandSupersededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommandSupersededException(String message) {
    super(message);
  }
}
