package dev.setpoint.relay.domain;

import dev.setpoint.contracts.buffer.BufferedEvent;
import java.util.List;
import java.util.OptionalLong;

/**
 * The edge buffer's batch log as the relay sees it: a persisted cursor, the batches after it, and
 * the compaction of what the broker has.
 */
public interface PendingEvents {

  /**
   * The next window after the cursor: whole batches in storage order (so each device's events in
   * the order it sent them), up to about {@code maxEvents} events, and at least one batch when one
   * is ready. Gaps in the sequence that can no longer be filled ({@link LogWindows}) are passed
   * over; a gap that may still be filled ends the window. Documents that break the layout are set
   * aside ({@link #reject}) and left out. The cursor does not move until {@link #advance}.
   */
  Window next(int maxEvents);

  /**
   * A window of the log.
   *
   * @param after the cursor it was read from
   * @param through the last sequence number it covers; {@code after} when it covers none
   * @param events its events, in storage order
   * @param skippedGaps how many unfillable gaps it passes over
   * @param oldestStoredAtMillis when its oldest batch was stored; empty when it holds none
   */
  record Window(
      long after,
      long through,
      List<BufferedEvent> events,
      int skippedGaps,
      OptionalLong oldestStoredAtMillis) {

    /** Whether it covers nothing, so the cursor has nowhere to go. */
    public boolean isEmpty() {
      return through <= after;
    }
  }

  /** Moves the cursor past the window, in one write, once the broker has all of it. */
  void advance(Window window, long atMillis);

  /** Sets aside an event that can never be forwarded, with the reason; it holds nothing back. */
  void reject(BufferedEvent event, String reason);

  /**
   * Deletes forwarded batches stored before {@code storedBeforeMillis}, oldest first in bounded
   * chunks, for a bounded time. Batches after the cursor are never deleted.
   *
   * @return how many batches were deleted; more may be left when it is not 0
   */
  long compact(long storedBeforeMillis);

  /** What is still to forward, from the counter and the cursor: lookups by id, never a count. */
  Backlog backlog();

  /**
   * Answers a lookup by id, the cheapest query there is, or throws when the buffer is unreachable:
   * the readiness probe's question, which must cost the same however large the backlog grows.
   */
  void probe();
}
