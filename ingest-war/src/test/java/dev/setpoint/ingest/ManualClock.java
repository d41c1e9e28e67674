package dev.setpoint.ingest;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets and moves; UTC. It is also the Caffeine caches' {@link Ticker}, reading the
 * same time in nanoseconds.
 */
public final class ManualClock extends Clock implements Ticker {
  private volatile Instant now;

  public ManualClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock on. */
  public void advance(long millis) {
    now = now.plusMillis(millis);
  }

  public void setMillis(long millis) {
    now = Instant.ofEpochMilli(millis);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public long read() {
    Instant at = now;
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
