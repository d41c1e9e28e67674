package dev.setpoint.relay.application;

import dev.setpoint.relay.config.RetentionConfig;
import dev.setpoint.relay.domain.PendingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Keeps the edge buffer small: FORWARDED events are deleted once they are older than the retention,
 * at most once per interval. PENDING events are never purged, however old: they are the data still
 * on its way.
 */
@ApplicationScoped
public class RetentionPolicy {
  private final PendingEvents buffer;
  private final Duration retention;
  private final Duration interval;
  private long lastPurgeMillis = Long.MIN_VALUE;

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
   * Purges when the interval has passed since the last purge.
   *
   * @return whether it purged
   */
  public boolean purgeIfDue(long nowMillis) {
    if (lastPurgeMillis != Long.MIN_VALUE && nowMillis - lastPurgeMillis < interval.toMillis()) {
      return false;
    }
    buffer.purgeForwarded(nowMillis - retention.toMillis());
    lastPurgeMillis = nowMillis;
    return true;
  }
}
