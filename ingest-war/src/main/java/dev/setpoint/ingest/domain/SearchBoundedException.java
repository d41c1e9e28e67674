package dev.setpoint.ingest.domain;

/**
 * A lookup gave up at its configured depth without finding what it looked for: the answer is "not
 * among the newest part searched", not "not stored". EdgeX's {@code GET /event/id/{id}} answers it
 * with 404 and this message.
 */
public class SearchBoundedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SearchBoundedException(String message) {
    super(message);
  }
}
