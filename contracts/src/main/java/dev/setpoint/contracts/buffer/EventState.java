package dev.setpoint.contracts.buffer;

/** Where a buffered event is on its way to the cloud. */
public enum EventState {
  /** Stored at the edge, not yet acknowledged by the broker. */
  PENDING,
  /** The broker acknowledged it; kept until retention purges it. */
  FORWARDED
}
