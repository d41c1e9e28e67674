package dev.setpoint.relay.domain;

import dev.setpoint.contracts.buffer.OutboxMessage;
import java.util.List;

/**
 * The edge's outbox as the relay forwards it: the messages still to send, oldest first, and their
 * removal once the broker has them.
 */
public interface OutboxQueue {

  /** Up to {@code max} messages, oldest {@code createdAt} first (ties by id). */
  List<OutboxMessage> oldest(int max);

  /** Up to {@code max} messages of one topic, oldest first. */
  List<OutboxMessage> oldest(String topic, int max);

  /** Deletes the messages with these ids, forwarded and acknowledged by the broker. */
  void delete(List<String> ids);
}
