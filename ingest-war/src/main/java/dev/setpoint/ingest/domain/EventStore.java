package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.buffer.BufferedEvent;

/** The edge buffer, as ingest sees it: events go in whole, once. */
public interface EventStore {

  /**
   * Stores the event durably before returning. An event is stored whole or not at all.
   *
   * @throws DuplicateEventException when an event with the same id is already stored
   * @throws StoreUnavailableException when the store cannot take the event now; its message says
   *     whether the event may have been stored (an answer lost in an outage or a timeout). Either
   *     way, posting the same event id again is safe: it is stored once.
   */
  void add(BufferedEvent event);
}
