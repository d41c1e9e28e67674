package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The telemetry recorder's retry while InfluxDB refuses writes ({@code
 * setpoint.analytics.recorder.*}): the message is held, and the wait between attempts doubles from
 * the initial pause up to the maximum.
 */
@Dependent
public class RecorderConfig {
  /** The first wait after a refused write. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recorder.retry-initial", defaultValue = "PT0.5S")
  public Duration retryInitial;

  /** The longest wait between attempts. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recorder.retry-max", defaultValue = "PT30S")
  public Duration retryMax;
}
