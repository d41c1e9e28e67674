package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Devices' bearer tokens, {@code setpoint.ingest.security.device-token.*}: a token check is cached
 * for {@code cache-ttl}, so a revocation reaches other servers within it ({@code PT0S}: no cache).
 */
@Dependent
public class DeviceTokenConfig {
  @Inject
  @ConfigProperty(name = "setpoint.ingest.security.device-token.cache-ttl", defaultValue = "PT30S")
  public Duration cacheTtl;
}
