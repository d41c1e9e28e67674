package dev.setpoint.ingest.application;

/** No stored event has the requested id. */
public class EventNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EventNotFoundException(String id) {
    super("no event with id " + id + " in the edge buffer");
  }
}
