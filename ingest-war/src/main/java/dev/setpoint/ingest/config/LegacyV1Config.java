package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The legacy EdgeX v1 API of the report's device script, {@code setpoint.ingest.v1.*}. Its clients
 * cannot authenticate, so it is off by default and, when on, answers only clients in {@code
 * allowed-networks} (CIDR, comma-separated; the TCP peer's address, never a forwarded header).
 */
@Dependent
public class LegacyV1Config {
  @Inject
  @ConfigProperty(name = "setpoint.ingest.v1.enabled", defaultValue = "false")
  public boolean enabled;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.v1.allowed-networks", defaultValue = "127.0.0.1/32")
  public String allowedNetworks;

  /**
   * Whether the v1 reads answer (the events and readings of v1 devices, never of others); a v1
   * client is known by its network only, so they are off unless an operator turns them on.
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.v1.reads-enabled", defaultValue = "false")
  public boolean readsEnabled;

  /**
   * The device profile the v1 value descriptors form; the v1 API registers devices of this profile
   * only and writes only to them.
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.v1.profile", defaultValue = "legacy-v1")
  public String profile;

  /** The device service that devices registering themselves with their first v1 event join. */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.v1.service", defaultValue = "legacy-v1-service")
  public String service;

  /** Whether an event of an unknown device registers it (the script never registers its device). */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.v1.auto-register", defaultValue = "true")
  public boolean autoRegister;

  /**
   * A v1 origin further than this from the time of receipt (the script sends one fixed 2016 origin)
   * is replaced by the time of receipt.
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.v1.max-origin-skew", defaultValue = "PT24H")
  public Duration maxOriginSkew;
}
