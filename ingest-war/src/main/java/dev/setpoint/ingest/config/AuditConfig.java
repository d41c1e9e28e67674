package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit trail, {@code setpoint.ingest.audit.*}: the edge hub's site, named in the origin of
 * every record ingest makes ({@code ingest@<site>}, or {@code ingest} without one), so the cloud's
 * audit tells the hubs apart.
 */
@Dependent
public class AuditConfig {
  @Inject
  @ConfigProperty(name = "setpoint.ingest.audit.site")
  public Optional<String> site;
}
