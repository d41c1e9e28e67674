package dev.setpoint.relay.domain;

import dev.setpoint.contracts.buffer.OutboxMessage;

/**
 * The edge's outbox ({@link OutboxMessage}): what the relay records for the cloud itself (the audit
 * of the commands it applies), forwarded with what ingest wrote there.
 */
public interface Outbox {

  /** Stores a message durably before returning; the same id twice is stored once. */
  void append(OutboxMessage message);
}
