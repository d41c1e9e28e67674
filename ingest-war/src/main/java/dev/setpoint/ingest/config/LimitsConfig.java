package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How much one request may send or get: {@code setpoint.ingest.limits.*}. */
@Dependent
@ConfigProperties(prefix = "setpoint.ingest.limits")
public class LimitsConfig {
  /** Largest accepted request body (events, metadata, commands, profile uploads); 413 above. */
  @ConfigProperty(name = "max-body-bytes", defaultValue = "262144")
  public int maxBodyBytes;

  /** Most events or readings one list read returns ({@code limit=-1} means this many). */
  @ConfigProperty(name = "max-result-count", defaultValue = "1024")
  public int maxResultCount;
}
