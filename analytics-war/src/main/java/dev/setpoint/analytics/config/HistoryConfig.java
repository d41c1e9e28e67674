package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The history ({@code setpoint.analytics.history.*}): how long the time-series store keeps raw
 * points and roll-ups, and when late points are rolled up. The retentions must say what the store's
 * policies (InfluxDB 1.x) or buckets (2.x) do; the stack exports both from its own settings ({@code
 * SETPOINT_INFLUX_RAW_RETENTION_DAYS}, {@code SETPOINT_INFLUX_ROLLUP_RETENTION_DAYS}), and the
 * Kubernetes deploy from the same ConfigMap values the buckets are made with.
 */
@Dependent
public class HistoryConfig {
  /** How long raw points are kept; older ranges are read from the roll-ups only. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.history.raw-retention", defaultValue = "P30D")
  public Duration rawRetention;

  /** How long the 1-minute and 1-hour roll-ups are kept; older ranges are refused. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.history.rollup-retention", defaultValue = "P730D")
  public Duration rollupRetention;

  /**
   * How long an hour must go without late points (older than the continuous queries' windows)
   * before it is rolled up again: the backlog that touched it has moved on.
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.history.late-quiet", defaultValue = "PT1M")
  public Duration lateQuiet;

  /** Time between the late roll-ups' rounds, each after the previous one ended. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.history.late-interval", defaultValue = "PT30S")
  public Duration lateInterval;
}
