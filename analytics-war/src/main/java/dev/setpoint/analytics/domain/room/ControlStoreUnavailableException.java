package dev.setpoint.analytics.domain.room;

/** The rooms' control store could not be read or written (down, unreachable, timed out). */
public class ControlStoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ControlStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
