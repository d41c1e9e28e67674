package dev.setpoint.ingest.domain;

/** How many of a device's events wait in the edge buffer for the relay. */
public interface PendingEventCounts {

  /**
   * Counts the device's events still to forward now. May read the store (what changed since the
   * last count): callers count in the background, not per request.
   *
   * @throws StoreUnavailableException when the store cannot be read
   */
  long pendingOf(String deviceName);
}
