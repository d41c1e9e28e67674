package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The recommender ({@code setpoint.analytics.recommender.*}, README "Recommendations"): per device,
 * a window of six samples one sample interval apart (the model's 60 s), a decision every decision
 * interval, with the policy's candidates, limit, margin, step bound and fallback. The policy's
 * defaults are those of {@code PolicySettings.defaults()} (a unit test keeps them equal).
 */
@Dependent
public class RecommenderConfig {
  /** {@code false}: telemetry is recorded only. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.enabled", defaultValue = "true")
  public boolean enabled;

  /** Devices under recommendation: a regular expression over the whole device name. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.devices", defaultValue = ".*")
  public String devices;

  /** The window's spacing; the model was trained on 60 s, so change it only for tests. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.sample-interval", defaultValue = "PT1M")
  public Duration sampleInterval;

  /** At most one decision per device per interval. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.decision-interval", defaultValue = "PT5M")
  public Duration decisionInterval;

  /** A window whose newest sample is older than this at decision time is stale. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.max-sample-age", defaultValue = "PT3M")
  public Duration maxSampleAge;

  /** The lowest candidate setpoint, °C. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.min-c", defaultValue = "18")
  public double minC;

  /** The highest candidate setpoint, °C. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.max-c", defaultValue = "27")
  public double maxC;

  /** The spacing of candidate setpoints, °C. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.step-c", defaultValue = "0.5")
  public double stepC;

  /** The inlet temperature limit, °C: a candidate must be predicted at or below limit − margin. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.limit-c", defaultValue = "27")
  public double limitC;

  /** The safety margin below the limit, °C. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.margin-c", defaultValue = "0.75")
  public double marginC;

  /** The largest rise per decision, °C. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.max-raise-c", defaultValue = "1")
  public double maxRaiseC;

  /** The setpoint when the window or the model cannot be trusted, °C. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.fallback-c", defaultValue = "18")
  public double fallbackC;

  /**
   * The largest change per decision while falling back, °C: a gap in the data or a missing
   * prediction walks the setpoint toward the fallback this far per decision instead of jumping.
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.fallback-step-c", defaultValue = "1")
  public double fallbackStepC;

  /**
   * How long a device's last known outdoor conditions stand in for missing ones (a weather-feed
   * outage) before its window goes stale.
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.outdoor-hold", defaultValue = "PT6H")
  public Duration outdoorHold;

  /**
   * How long a changed setpoint is kept before the model may move it again, unless keeping it is
   * predicted unsafe.
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.recommender.min-dwell", defaultValue = "PT15M")
  public Duration minDwell;
}
