package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Devices' bearer tokens, {@code setpoint.ingest.security.device-token.*}: a token check is cached
 * for {@code cache-ttl}, so a revocation reaches other servers within it ({@code PT0S}: no cache).
 */
@Dependent
@ConfigProperties(prefix = "setpoint.ingest.security.device-token")
public class DeviceTokenConfig {
  @ConfigProperty(name = "cache-ttl", defaultValue = "PT30S")
  public Duration cacheTtl;
}
