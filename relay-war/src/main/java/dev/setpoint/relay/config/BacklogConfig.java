package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The backlog monitor, which counts the PENDING events for /metrics and health. */
@Dependent
public class BacklogConfig {

  /** How often the backlog is counted (a scan on the stack's MongoDB-wire server). */
  @Inject
  @ConfigProperty(name = "setpoint.relay.backlog.interval", defaultValue = "PT30S")
  public Duration interval;
}
