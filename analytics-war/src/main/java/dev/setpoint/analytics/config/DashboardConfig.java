package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operators' dashboard ({@code setpoint.analytics.dashboard.*}). Unset base URLs mean the
 * dashboard's own origin, as in the EAR; in a split deployment they name ingest's server (operator
 * login, Core Command) and the relay's (health, metrics), e.g. {@code
 * SETPOINT_ANALYTICS_DASHBOARD_INGEST_URL=https://edge.example.com}, and those servers must allow
 * the dashboard's origin (CORS).
 */
@Dependent
public class DashboardConfig {
  /** Ingest's base URL; unset: the dashboard's origin. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.dashboard.ingest-url")
  public Optional<String> ingestUrl;

  /** The relay server's base URL; unset: the dashboard's origin. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.dashboard.relay-url")
  public Optional<String> relayUrl;

  /** How often the dashboard polls (whole seconds, at least one). */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.dashboard.refresh-interval", defaultValue = "PT10S")
  public Duration refreshInterval;
}
