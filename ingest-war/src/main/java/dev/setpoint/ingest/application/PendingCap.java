package dev.setpoint.ingest.application;

import java.time.Duration;

/**
 * How many of one device's events may wait unforwarded (PENDING) in the edge buffer: at least a day
 * of that device's normal rate, so a WAN outage of a day never trips it, and never below the
 * configured floor.
 */
public final class PendingCap {
  /** The outage the cap must always outlast. */
  public static final Duration DAY = Duration.ofHours(24);

  private PendingCap() {}

  /**
   * {@code max(floor, ⌈24 h / normalInterval⌉)}.
   *
   * @param floor the least cap
   * @param normalInterval the shortest interval at which a device normally posts
   */
  public static long of(long floor, Duration normalInterval) {
    if (floor < 1 || normalInterval.isNegative() || normalInterval.isZero()) {
      throw new IllegalArgumentException(
          "setpoint.ingest.limits.device.pending-floor must be at least 1 and normal-interval"
              + " positive, were "
              + floor
              + ", "
              + normalInterval);
    }
    long interval = normalInterval.toNanos();
    long day = DAY.toNanos();
    long perDay = day / interval + (day % interval == 0 ? 0 : 1);
    return Math.max(floor, perDay);
  }
}
