package dev.setpoint.analytics.infrastructure.influx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which stored copy holds a range's points: raw points are kept for the raw retention ({@code
 * setpoint.analytics.history.raw-retention}), the roll-ups ({@code rollup_1m}, {@code rollup_1h})
 * longer. A read of {@code [from, to)} is cut where the raw points begin to be certainly kept,
 * rounded up to whole buckets of the read (a bucket is never made of both copies): the part before
 * comes from a roll-up, the rest from the raw points.
 */
public final class RawRetention {
  /** The retention policy (1.x) or DBRP mapping (2.x) of the 1-minute roll-up. */
  public static final String MINUTE_ROLLUP = "rollup_1m";

  /** The same of the 1-hour roll-up, which also keeps the energy hours unchanged. */
  public static final String HOUR_ROLLUP = "rollup_1h";

  private final Duration raw;
  private final Clock clock;

  public RawRetention(Duration raw, Clock clock) {
    this.raw = raw;
    this.clock = clock;
  }

  /** One part of a read: {@code [from, to)}, from a roll-up or from the raw points. */
  public record Part(Instant from, Instant to, boolean rolledUp) {}

  /** The parts of {@code [from, to)} read in buckets of {@code bucket}, oldest first. */
  public List<Part> parts(Instant from, Instant to, Duration bucket) {
    long step = bucket.toMillis();
    long oldestKept = clock.instant().minus(raw).toEpochMilli();
    Instant cut = Instant.ofEpochMilli(Math.ceilDiv(oldestKept, step) * step);
    List<Part> parts = new ArrayList<>(2);
    if (from.isBefore(cut) && from.isBefore(to)) {
      parts.add(new Part(from, to.isBefore(cut) ? to : cut, true));
    }
    if (to.isAfter(cut) && from.isBefore(to)) {
      parts.add(new Part(from.isAfter(cut) ? from : cut, to, false));
    }
    return parts;
  }
}
