package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The legacy EdgeX v1 API of the report's device script, {@code setpoint.ingest.v1.*}. Its clients
 * cannot authenticate, so it is off by default and, when on, answers only clients in {@code
 * allowed-networks} (CIDR, comma-separated; the TCP peer's address, never a forwarded header).
 */
@Dependent
@ConfigProperties(prefix = "setpoint.ingest.v1")
public class LegacyV1Config {
  @ConfigProperty(name = "enabled", defaultValue = "false")
  public boolean enabled;

  @ConfigProperty(name = "allowed-networks", defaultValue = "127.0.0.1/32")
  public String allowedNetworks;

  /** The device profile the v1 value descriptors form. */
  @ConfigProperty(name = "profile", defaultValue = "legacy-v1")
  public String profile;

  /** The device service that devices registering themselves with their first v1 event join. */
  @ConfigProperty(name = "service", defaultValue = "legacy-v1-service")
  public String service;

  /** Whether an event of an unknown device registers it (the script never registers its device). */
  @ConfigProperty(name = "auto-register", defaultValue = "true")
  public boolean autoRegister;

  /**
   * A v1 origin further than this from the time of receipt (the script sends one fixed 2016 origin)
   * is replaced by the time of receipt.
   */
  @ConfigProperty(name = "max-origin-skew", defaultValue = "PT24H")
  public Duration maxOriginSkew;
}
