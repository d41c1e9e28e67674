package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The telemetry recorder's retry while InfluxDB refuses writes ({@code
 * setpoint.analytics.recorder.*}): the message is held, and the wait between attempts doubles from
 * the initial pause up to the maximum.
 */
@ConfigProperties(prefix = "setpoint.analytics.recorder")
@Dependent
public class RecorderConfig {
  /** The first wait after a refused write. */
  @ConfigProperty(name = "retry-initial", defaultValue = "PT0.5S")
  public Duration retryInitial;

  /** The longest wait between attempts. */
  @ConfigProperty(name = "retry-max", defaultValue = "PT30S")
  public Duration retryMax;
}
