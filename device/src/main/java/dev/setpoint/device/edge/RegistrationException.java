package dev.setpoint.device.edge;

/** The agent's devices could not be registered, or their tokens are missing; it cannot start. */
public class RegistrationException extends Exception {
  public RegistrationException(String message) {
    super(message);
  }

  public RegistrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
