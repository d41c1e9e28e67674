package dev.setpoint.ingest.domain;

/** An event id that is already in the store. */
public class DuplicateEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DuplicateEventException(String eventId) {
    super("event id " + eventId + " already exists");
  }
}
