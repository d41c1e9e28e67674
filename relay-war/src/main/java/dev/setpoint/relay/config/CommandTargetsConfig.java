package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The devices' command targets (labels, lock, profile) that ingest publishes, as the relay reads
 * them.
 */
@Dependent
public class CommandTargetsConfig {

  /**
   * How long a device's view is trusted before it is read again (as ingest's own metadata cache): a
   * lock or a profile change reaches the relay within this time.
   */
  @Inject
  @ConfigProperty(name = "setpoint.relay.command-targets.cache-ttl", defaultValue = "PT5S")
  public Duration cacheTtl;
}
