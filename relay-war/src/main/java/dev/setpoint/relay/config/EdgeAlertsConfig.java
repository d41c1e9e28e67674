package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge's own alerts at the relay, {@code setpoint.relay.alerts.*}: when the link to the cloud
 * counts as down.
 */
@Dependent
public class EdgeAlertsConfig {

  /**
   * The link to the cloud counts as down when an outbox message has waited longer than this and the
   * broker acknowledged nothing within it (or when the last publish failed outright).
   */
  @Inject
  @ConfigProperty(name = "setpoint.relay.alerts.link-timeout", defaultValue = "PT10S")
  public Duration linkTimeout;
}
