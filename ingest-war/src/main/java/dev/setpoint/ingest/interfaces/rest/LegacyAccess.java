package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.ingest.application.legacy.SourceNetworks;
import dev.setpoint.ingest.config.LegacyV1Config;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Whether the legacy v1 API is on, and for which client networks. */
@ApplicationScoped
public class LegacyAccess {
  private final boolean enabled;
  private final SourceNetworks networks;

  @Inject
  public LegacyAccess(LegacyV1Config config) {
    this.enabled = config.enabled;
    this.networks = SourceNetworks.parse(config.allowedNetworks);
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
