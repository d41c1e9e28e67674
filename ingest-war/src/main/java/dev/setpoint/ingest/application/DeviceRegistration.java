package dev.setpoint.ingest.application;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A device's life as an operator sees it: created together with its bearer token (shown once),
 * deleted together with it. Core Metadata's records and the tokens live in different stores, so
 * each step says what happens when the second one fails.
 */
@ApplicationScoped
public class DeviceRegistration {
  private static final Logger LOG = Logger.getLogger(DeviceRegistration.class.getName());

  private final MetadataService metadata;
  private final DeviceTokenService tokens;

  @Inject
  public DeviceRegistration(MetadataService metadata, DeviceTokenService tokens) {
    this.metadata = metadata;
    this.tokens = tokens;
  }

  /** For CDI's proxy only. */
  protected DeviceRegistration() {
    this.metadata = null;
    this.tokens = null;
  }

  /**
   * A registered device: its id, and its bearer token unless issuing it failed (then the device
   * exists without a token and an operator issues one with {@code POST …/device/name/{n}/token}).
   */
  public record Registered(String id, IssuedDeviceToken token) {}

  /**
   * Stores the device, then issues its token.
   *
   * @throws InvalidMetadataException the device breaks a rule; nothing stored
   * @throws UnknownMetadataException its service or profile does not exist
   * @throws dev.setpoint.ingest.domain.DuplicateNameException a device of that name exists
   */
  public Registered register(Device device, AuditActor who) {
    String id = metadata.addDevice(device, who);
    try {
      return new Registered(id, tokens.issue(device.name(), who));
    } catch (StoreUnavailableException e) {
      LOG.log(Level.WARNING, "device " + device.name() + " stored, but no token issued", e);
      return new Registered(id, null);
    }
  }

  /**
   * Revokes the device's token, then deletes the device; revoking first means a failure never
   * leaves a deleted device's token working.
   *
   * @throws UnknownMetadataException no such device
   */
  public void delete(String name, AuditActor who) {
    if (metadata.device(name).isEmpty()) {
      throw MetadataService.unknownDevice(name);
    }
    tokens.revoke(name, who);
    metadata.deleteDevice(name, who);
  }

  /**
   * Issues (or rotates) the token of a registered device.
   *
   * @throws UnknownMetadataException no such device
   */
  public IssuedDeviceToken issueToken(String name, AuditActor who) {
    if (metadata.device(name).isEmpty()) {
      throw MetadataService.unknownDevice(name);
    }
    return tokens.issue(name, who);
  }
}
