package dev.setpoint.contracts.buffer;

/** Where a buffered event is on its way to the cloud. */
public enum EventState {
  /** Stored at the edge, not yet acknowledged by the broker. */
  PENDING,
  /** The broker acknowledged it; kept until retention purges it. */
  FORWARDED,
  /**
   * Stored, but can never be forwarded (a document that breaks the schema, e.g. written by hand):
   * set aside so it does not hold up the events behind it, and kept for an operator to inspect.
   */
  REJECTED
}
