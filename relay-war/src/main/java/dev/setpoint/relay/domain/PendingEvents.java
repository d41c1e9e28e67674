package dev.setpoint.relay.domain;

import dev.setpoint.contracts.buffer.BufferedEvent;
import java.util.List;

/** The edge buffer, as the relay sees it: what is still to send, and what the broker has. */
public interface PendingEvents {

  /** Up to {@code limit} {@code PENDING} events, oldest origin first. */
  List<BufferedEvent> oldest(int limit);

  /**
   * Records that the broker acknowledged these events at {@code atMillis}, in one write. An id that
   * is no longer PENDING is left as it is.
   */
  void markForwarded(List<String> eventIds, long atMillis);

  /** Sets aside an event that can never be forwarded. */
  void markRejected(BufferedEvent event);

  /**
   * Deletes FORWARDED events that the broker acknowledged before {@code forwardedBeforeMillis}.
   * PENDING and REJECTED events are never deleted.
   */
  void purgeForwarded(long forwardedBeforeMillis);

  /** How many events are PENDING. */
  long pendingCount();

  /**
   * Answers a lookup by id, the cheapest query there is, or throws when the buffer is unreachable:
   * the readiness probe's question, which must cost the same however large the backlog grows.
   */
  void probe();
}
