package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.buffer.OutboxMessage;

/**
 * The edge's outbox ({@link OutboxMessage}): what ingest records for the cloud besides telemetry,
 * kept until the relay has forwarded it.
 */
public interface Outbox {

  /**
   * Stores a message durably before returning; the same id twice is stored once.
   *
   * @throws StoreUnavailableException when the store cannot be reached
   */
  void append(OutboxMessage message);
}
