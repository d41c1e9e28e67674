package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What one device may post, {@code setpoint.ingest.limits.device.*} and {@code
 * setpoint.ingest.limits.origin.*}: its event rate (a token bucket; 429 above it), how many of its
 * events may wait unforwarded in the edge buffer (507 at the cap), and which origins are plausible
 * (400 outside). The defaults sit far above a device of the agent's default interval (one event
 * every 10 s): 20 events a second, a burst of 200, and a PENDING cap of at least 24 h of events
 * posted every {@code normal-interval}.
 */
@Dependent
public class DeviceLimitsConfig {
  /** Sustained events per second one device may post (the bucket's refill rate). */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.limits.device.rate", defaultValue = "20")
  public double rate;

  /** Events one device may post at once after a quiet spell (the bucket's size). */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.limits.device.burst", defaultValue = "200")
  public int burst;

  /**
   * The shortest interval at which a device normally posts: the PENDING cap holds at least 24 h of
   * events at this interval (half the agent's default, so a device twice as chatty still has a
   * day).
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.limits.device.normal-interval", defaultValue = "PT5S")
  public Duration normalInterval;

  /** The PENDING cap is never below this many events. */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.limits.device.pending-floor", defaultValue = "10000")
  public long pendingFloor;

  /**
   * How often the PENDING events of a device at its cap are counted again; also the 507's {@code
   * Retry-After}.
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.limits.device.pending-recount", defaultValue = "PT1M")
  public Duration pendingRecount;

  /** A device's limit state is forgotten after this long without a post. */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.limits.device.idle", defaultValue = "PT1H")
  public Duration idle;

  /** At most this many devices' limit states are held; the least recently used go first. */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.limits.device.max-tracked", defaultValue = "100000")
  public long maxTracked;

  /** How far in the future an origin may lie (clock skew between a device and the hub). */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.limits.origin.future-tolerance", defaultValue = "PT5M")
  public Duration originFutureTolerance;

  /**
   * How old an origin may be: the time-series store's raw retention (points older than that would
   * be dropped there anyway).
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.limits.origin.max-age", defaultValue = "P30D")
  public Duration originMaxAge;
}
