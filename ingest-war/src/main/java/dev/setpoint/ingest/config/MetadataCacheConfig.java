package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The device and profile lookups cache, {@code setpoint.ingest.metadata-cache.*}. Writes through
 * this server invalidate at once; changes made through another replica show after {@code ttl}
 * ({@code PT0S} turns the cache off).
 */
@Dependent
public class MetadataCacheConfig {
  @Inject
  @ConfigProperty(name = "setpoint.ingest.metadata-cache.ttl", defaultValue = "PT5S")
  public Duration ttl;
}
