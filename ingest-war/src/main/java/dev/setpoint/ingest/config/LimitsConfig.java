package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How much one request may send or get: {@code setpoint.ingest.limits.*}. */
@Dependent
public class LimitsConfig {
  /** Largest accepted request body (events, metadata, commands, profile uploads); 413 above. */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.limits.max-body-bytes", defaultValue = "262144")
  public int maxBodyBytes;

  /** Most events or readings one list read returns ({@code limit=-1} means this many). */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.limits.max-result-count", defaultValue = "1024")
  public int maxResultCount;
}
