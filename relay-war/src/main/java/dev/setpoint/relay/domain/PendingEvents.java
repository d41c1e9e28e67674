package dev.setpoint.relay.domain;

import dev.setpoint.contracts.buffer.BufferedEvent;
import java.util.List;

/** The edge buffer, as the relay sees it: what is still to send, and what the broker has. */
public interface PendingEvents {

  /** Up to {@code limit} {@code PENDING} events, oldest origin first. */
  List<BufferedEvent> oldest(int limit);

  /** Records that the broker acknowledged the event at {@code atMillis}. */
  void markForwarded(BufferedEvent event, long atMillis);

  /** Sets aside an event that can never be forwarded. */
  void markRejected(BufferedEvent event);

  /**
   * Deletes FORWARDED events that the broker acknowledged before {@code forwardedBeforeMillis}.
   * PENDING and REJECTED events are never deleted.
   */
  void purgeForwarded(long forwardedBeforeMillis);
}
