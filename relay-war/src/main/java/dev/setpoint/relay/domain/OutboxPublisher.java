package dev.setpoint.relay.domain;

import dev.setpoint.contracts.buffer.OutboxMessage;
import java.util.concurrent.CompletionStage;

/** Sends an outbox message to the cloud, on the topic it names. */
public interface OutboxPublisher {

  /**
   * Publishes one message with its key and payload; the stage completes when the broker
   * acknowledged it durably and fails when it did not.
   */
  CompletionStage<Void> publish(OutboxMessage message);
}
