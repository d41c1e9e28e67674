package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The history reads ({@code setpoint.analytics.history.*}): how long the time-series store keeps
 * raw points and roll-ups. They must say what the store's retention policies (InfluxDB 1.x) or
 * buckets (2.x) do; the stack exports both from its own settings ({@code
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
}
