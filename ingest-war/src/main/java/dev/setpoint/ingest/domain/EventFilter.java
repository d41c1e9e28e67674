package dev.setpoint.ingest.domain;

/** Which stored events a query selects. */
public sealed interface EventFilter {

  /** Every stored event. */
  record All() implements EventFilter {}

  /** The events of one device. */
  record Device(String deviceName) implements EventFilter {}

  /** The events stored under one device profile, of any device (the v1 API's reads). */
  record Profile(String profileName) implements EventFilter {}

  /** The events of one device stored under one device profile. */
  record DeviceOfProfile(String deviceName, String profileName) implements EventFilter {}

  /**
   * The events taken in a time range, both ends included.
   *
   * @param startNanos earliest origin, nanoseconds since the epoch
   * @param endNanos latest origin, nanoseconds since the epoch
   */
  record OriginRange(long startNanos, long endNanos) implements EventFilter {}
}
