package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.buffer.BufferedEvent;

/** The edge buffer, as ingest sees it: events go in whole, once. */
public interface EventStore {

  /**
   * Stores the event durably before returning.
   *
   * @throws DuplicateEventException when an event with the same id is already stored
   * @throws StoreUnavailableException when the store cannot be reached; nothing was stored
   */
  void add(BufferedEvent event);
}
