package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge buffer's retention: FORWARDED events stay readable at the edge this long, then are
 * deleted, checked once per purge interval. PENDING events are never purged.
 */
@Dependent
public class RetentionConfig {

  /** How long a FORWARDED event is kept after it was forwarded. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.retention.forwarded", defaultValue = "PT24H")
  public Duration forwarded;

  /** How often the purge runs. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.retention.purge-interval", defaultValue = "PT1M")
  public Duration purgeInterval;
}
