package dev.setpoint.ingest.interfaces.rest;

/**
 * A body refused before it reached the application: too large (413), unreadable or not JSON (400).
 */
class BadRequestBodyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  BadRequestBodyException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
