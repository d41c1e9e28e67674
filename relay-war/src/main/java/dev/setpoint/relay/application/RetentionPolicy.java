package dev.setpoint.relay.application;

import dev.setpoint.relay.config.RetentionConfig;
import dev.setpoint.relay.domain.PendingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Keeps the edge buffer small: forwarded batches are deleted (compacted) once they were stored
 * longer ago than the retention, once per interval, oldest first and for a bounded time per call;
 * while a call still found work, the next round compacts again without waiting for the interval, so
 * a drained backlog is deleted a slice per round, interleaved with the drain. Batches still to
 * forward are never deleted, however old: they are the data still on its way.
 */
@ApplicationScoped
public class RetentionPolicy {
  private final PendingEvents buffer;
  private final Duration retention;
  private final Duration interval;
  private long lastPurgeMillis = Long.MIN_VALUE;
  private boolean behind;

  @Inject
  public RetentionPolicy(PendingEvents buffer, RetentionConfig config) {
    this(buffer, config.forwarded, config.purgeInterval);
  }

  public RetentionPolicy(PendingEvents buffer, Duration retention, Duration interval) {
    this.buffer = buffer;
    this.retention = retention;
    this.interval = interval;
  }

  /** For CDI's proxy only. */
  protected RetentionPolicy() {
    this(null, null, null);
  }

  /**
   * Compacts when the interval has passed since the last time, or when the last time found work.
   *
   * @return whether it purged
   */
  public boolean purgeIfDue(long nowMillis) {
    if (!behind
        && lastPurgeMillis != Long.MIN_VALUE
        && nowMillis - lastPurgeMillis < interval.toMillis()) {
      return false;
    }
    behind = buffer.compact(nowMillis - retention.toMillis()) > 0;
    lastPurgeMillis = nowMillis;
    return true;
  }
}
