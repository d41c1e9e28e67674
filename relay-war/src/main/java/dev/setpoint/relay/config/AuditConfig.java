package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit trail, {@code setpoint.relay.audit.*}: the edge hub's site, named in the origin of the
 * records the relay makes ({@code relay@<site>}, or {@code relay} without one) and as their site.
 */
@Dependent
public class AuditConfig {
  @Inject
  @ConfigProperty(name = "setpoint.relay.audit.site")
  public Optional<String> site;
}
