package dev.setpoint.analytics.domain.history;

import java.time.Instant;

/**
 * The time-series store's roll-ups recomputed for a past hour: what its own continuous queries
 * would have written had the hour's points been there when they ran. Points that arrive later than
 * the queries' windows (an edge hub delivering a WAN outage's backlog) reach the roll-ups only this
 * way.
 */
public interface RollUpBackfill {

  /**
   * Whether the store keeps roll-ups this backfill can recompute (InfluxDB 1.x with the stack's
   * continuous queries); false where roll-ups are the store's own tasks (InfluxDB 2.x).
   *
   * @throws RuntimeException when the store cannot be asked
   */
  boolean available();

  /**
   * Recomputes the 1-minute roll-ups of the hour starting at {@code hour}, then its 1-hour ones.
   *
   * @throws RuntimeException when the store fails; the hour is tried again later
   */
  void rollUpHour(Instant hour);
}
