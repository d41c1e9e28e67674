package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge buffer's retention: FORWARDED events stay readable at the edge this long, then are
 * deleted, checked once per purge interval. PENDING events are never purged.
 */
@ConfigProperties(prefix = "setpoint.relay.retention")
@Dependent
public class RetentionConfig {

  /** How long a FORWARDED event is kept after it was forwarded. */
  @ConfigProperty(name = "forwarded", defaultValue = "PT24H")
  public Duration forwarded;

  /** How often the purge runs. */
  @ConfigProperty(name = "purge-interval", defaultValue = "PT1M")
  public Duration purgeInterval;
}
