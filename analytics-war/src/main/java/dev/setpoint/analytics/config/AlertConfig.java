package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Alerts ({@code setpoint.analytics.alerts.*}, README "Alerts"). */
@Dependent
public class AlertConfig {
  /**
   * How often silent devices, reminders, the model, the meters' anomalies and changes the store did
   * not take are looked at (the room rules are judged at every reading).
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.alerts.tick", defaultValue = "PT10S")
  public Duration tick;

  /**
   * How often the consumer lag is asked of Kafka and the rules' overrides read again (a change made
   * through another analytics server applies here after at most this long).
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.alerts.refresh-interval", defaultValue = "PT30S")
  public Duration refreshInterval;

  /**
   * A bearer token that Prometheus may scrape the rooms' gauges with ({@code
   * /analytics/api/v1/metrics}) besides an operator JWT; from a Secret, never in the repository.
   * Unset: only operator JWTs.
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.metrics.scrape-token")
  public Optional<String> scrapeToken;

  /** A meter's anomaly that ended within this long is still alerted. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.alerts.meter-anomaly-hold", defaultValue = "PT15M")
  public Duration meterAnomalyHold;
}
