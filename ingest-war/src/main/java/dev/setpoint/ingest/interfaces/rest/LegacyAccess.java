package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.ingest.application.legacy.SourceNetworks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether the legacy v1 API is on, and for which client networks. */
@ApplicationScoped
public class LegacyAccess {
  private final boolean enabled;
  private final SourceNetworks networks;

  @Inject
  public LegacyAccess(
      @ConfigProperty(name = "setpoint.ingest.v1.enabled", defaultValue = "false") boolean enabled,
      @ConfigProperty(name = "setpoint.ingest.v1.allowed-networks", defaultValue = "127.0.0.1/32")
          String networks) {
    this.enabled = enabled;
    this.networks = SourceNetworks.parse(networks);
  }

  /** For CDI's proxy only. */
  protected LegacyAccess() {
    this.enabled = false;
    this.networks = null;
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean admits(String remoteAddress) {
    return networks.contains(remoteAddress);
  }

  public String networks() {
    return networks.toString();
  }
}
