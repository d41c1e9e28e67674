package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit trail ({@code setpoint.analytics.audit.*}, README "Audit trail"): while analytics'
 * store refuses a record the edge sent, the record is held (its partition waits) and stored again,
 * the wait doubling from the first to the last value.
 */
@Dependent
public class AuditConfig {
  /** The first wait before storing an edge record again. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.audit.retry-initial", defaultValue = "PT0.5S")
  public Duration retryInitial;

  /** The longest wait between two tries. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.audit.retry-max", defaultValue = "PT30S")
  public Duration retryMax;
}
