package dev.setpoint.relay.domain;

import java.util.OptionalLong;

/**
 * What the edge buffer still holds for the cloud.
 *
 * @param pending how many events are still to forward (events reserved after the cursor; a batch
 *     whose write failed counts until the cursor passes its gap)
 * @param oldestReceivedAtMillis when ingest stored the oldest batch still to forward, empty when
 *     none is
 */
public record Backlog(long pending, OptionalLong oldestReceivedAtMillis) {

  /** Nothing waiting. */
  public static final Backlog EMPTY = new Backlog(0, OptionalLong.empty());

  /** How long the longest-waiting event has waited at {@code nowMillis}; 0 when none is waiting. */
  public long oldestAgeMillis(long nowMillis) {
    return oldestReceivedAtMillis.isPresent()
        ? Math.max(0, nowMillis - oldestReceivedAtMillis.getAsLong())
        : 0;
  }
}
