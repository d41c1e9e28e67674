package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge buffer's retention: forwarded batches stay readable at the edge until they were stored
 * this long ago, then compaction deletes them, checked once per purge interval. Batches still to
 * forward are never deleted.
 */
@Dependent
public class RetentionConfig {

  /** How long after it was stored a forwarded batch is kept (never before it is forwarded). */
  @Inject
  @ConfigProperty(name = "setpoint.relay.retention.forwarded", defaultValue = "PT24H")
  public Duration forwarded;

  /** How often the purge runs. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.retention.purge-interval", defaultValue = "PT1M")
  public Duration purgeInterval;
}
