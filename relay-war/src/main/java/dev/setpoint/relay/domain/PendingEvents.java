package dev.setpoint.relay.domain;

import dev.setpoint.contracts.buffer.BufferedEvent;
import java.util.List;

/** The edge buffer, as the relay sees it: what is still to send, and what the broker has. */
public interface PendingEvents {

  /**
   * Opens a drain: the events PENDING now, oldest origin first, read with one query and handed out
   * a page at a time, so a large backlog is searched once rather than once per page. Events stored
   * after it opened are left to the next drain.
   */
  Drain drain();

  /** An open drain; close it when done. */
  interface Drain extends AutoCloseable {

    /** Up to {@code max} further events, oldest origin first; empty when the drain is done. */
    List<BufferedEvent> next(int max);

    @Override
    void close();
  }

  /**
   * Records that the broker acknowledged these events at {@code atMillis}, in one round trip. Only
   * events this relay read as PENDING are given, so no other state is overwritten.
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
