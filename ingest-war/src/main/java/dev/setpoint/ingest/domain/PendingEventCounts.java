package dev.setpoint.ingest.domain;

/** How many of a device's events wait in the edge buffer for the relay. */
public interface PendingEventCounts {

  /**
   * Counts the device's PENDING events now. May be slow (an index count on MongoDB, a scan on the
   * stack's MongoDB-wire server): callers count in the background, not per request.
   *
   * @throws StoreUnavailableException when the store cannot be read
   */
  long pendingOf(String deviceName);
}
