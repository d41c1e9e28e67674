package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The energy roll-up ({@code setpoint.analytics.energy.*}, README "Energy"): checked by {@code
 * EnergySettings}, whose refusal names the key and stops the deployment.
 */
@Dependent
public class EnergyConfig {
  /** How often the meters' hours are rolled up again from their counters. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.energy.rollup-interval", defaultValue = "PT5M")
  public Duration rollupInterval;

  /**
   * How far back each roll-up reads the counters and rewrites the hours (the first after a start:
   * at least 48 hours).
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.energy.lookback", defaultValue = "PT6H")
  public Duration lookback;

  /** Counter readings further apart than this are a gap: estimated, marked, never silent. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.energy.gap", defaultValue = "PT10M")
  public Duration gap;

  /** The most power a meter can plausibly show, kW: a counter rising faster is a jump. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.energy.max-power-kw", defaultValue = "2000")
  public double maxPowerKw;
}
