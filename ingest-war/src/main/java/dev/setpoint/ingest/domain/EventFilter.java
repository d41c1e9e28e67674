package dev.setpoint.ingest.domain;

/** Which stored events a query selects. */
public sealed interface EventFilter {

  /** Every stored event. */
  record All() implements EventFilter {}

  /** The events of one device. */
  record Device(String deviceName) implements EventFilter {}

  /**
   * The events taken in a time range, both ends included.
   *
   * @param startNanos earliest origin, nanoseconds since the epoch
   * @param endNanos latest origin, nanoseconds since the epoch
   */
  record OriginRange(long startNanos, long endNanos) implements EventFilter {}
}
