package dev.setpoint.ingest.application;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditKind;
import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.contracts.edgex.UpdateDevice;
import dev.setpoint.ingest.config.MetadataCacheConfig;
import dev.setpoint.ingest.domain.CommandStore;
import dev.setpoint.ingest.domain.DuplicateNameException;
import dev.setpoint.ingest.domain.MetadataStore;
import dev.setpoint.ingest.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Core Metadata as the rest of ingest uses it: the REST endpoints (v3 and the legacy v1 ones),
 * event validation and Core Command all go through here, so every record meets the rules of its
 * aggregate ({@link ProfileRules}, {@link DeviceServiceRules}, {@link DeviceRules}) and every write
 * invalidates the lookup cache.
 *
 * <p>Lookups of devices and profiles by name ({@link #device}, {@link #profile}) are served from a
 * cache because every event needs both; a change made through another replica is seen here after at
 * most {@code setpoint.ingest.metadata-cache.ttl} (the cache compares the store's change stamp that
 * often, {@link TtlCache}).
 *
 * <p>Every write names who makes it and is recorded in the {@link AuditTrail} with the record's
 * state before and after; a write that changes nothing (a profile put as it is stored, a patch that
 * sets what is set) records nothing.
 */
@ApplicationScoped
public class MetadataService {
  /** Enough for every device of a large site; beyond it the least used entries go. */
  private static final int CACHE_ENTRIES = 10_000;

  private final MetadataStore store;
  private final CommandStore commands;
  private final AuditTrail audit;
  private final TtlCache<Device> devices;
  private final TtlCache<DeviceProfile> profiles;

  @Inject
  public MetadataService(
      MetadataStore store, CommandStore commands, AuditTrail audit, MetadataCacheConfig cache) {
    this(store, commands, audit, cache.ttl, Ticker.systemTicker());
  }

  MetadataService(
      MetadataStore store,
      CommandStore commands,
      AuditTrail audit,
      Duration cacheTtl,
      Ticker ticker) {
    this.store = store;
    this.commands = commands;
    this.audit = audit;
    this.devices = new TtlCache<>(cacheTtl, CACHE_ENTRIES, ticker, store::changes);
    this.profiles = new TtlCache<>(cacheTtl, CACHE_ENTRIES, ticker, store::changes);
  }

  /** For CDI's proxy only. */
  protected MetadataService() {
    this.store = null;
    this.commands = null;
    this.audit = null;
    this.devices = null;
    this.profiles = null;
  }

  /**
   * Stores a new device profile and returns its id.
   *
   * @throws InvalidMetadataException the profile breaks a rule; nothing stored
   * @throws DuplicateNameException a profile of that name exists
   */
  public String addProfile(DeviceProfile profile, AuditActor who) {
    DeviceProfile checked = withId(ProfileRules.check(profile, "profile"));
    store.addProfile(checked);
    profiles.invalidate(checked.name());
    audit.record(
        who,
        AuditChange.of(AuditKind.PROFILE, AuditAction.CREATE, checked.name()).withAfter(checked));
    return checked.id();
  }

  /**
   * Stores a profile, replacing the one of the same name (keeping its id), and returns its id. The
   * legacy v1 API keeps its generated profile up to date this way.
   *
   * @throws InvalidMetadataException the profile breaks a rule; nothing stored
   */
  public String putProfile(DeviceProfile profile, AuditActor who) {
    DeviceProfile checked = ProfileRules.check(profile, "profile");
    Optional<DeviceProfile> before = store.profile(checked.name());
    String id = before.map(DeviceProfile::id).orElseGet(() -> UUID.randomUUID().toString());
    DeviceProfile stored = checked.withId(id);
    store.putProfile(stored);
    profiles.invalidate(stored.name());
    if (!before.equals(Optional.of(stored))) {
      audit.record(
          who,
          AuditChange.of(
                  AuditKind.PROFILE,
                  before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                  stored.name())
              .withBefore(before.orElse(null))
              .withAfter(stored));
    }
    return id;
  }

  /**
   * Stores a new device service and returns its id.
   *
   * @throws InvalidMetadataException the service breaks a rule; nothing stored
   * @throws DuplicateNameException a service of that name exists
   */
  public String addDeviceService(DeviceService service, AuditActor who) {
    DeviceService checked = DeviceServiceRules.check(service, "service");
    if (checked.id() == null) {
      checked = checked.withId(UUID.randomUUID().toString());
    }
    store.addDeviceService(checked);
    audit.record(
        who,
        AuditChange.of(AuditKind.SERVICE, AuditAction.CREATE, checked.name()).withAfter(checked));
    return checked.id();
  }

  /**
   * Stores a new device and returns its id.
   *
   * @throws InvalidMetadataException the device breaks a rule; nothing stored
   * @throws UnknownMetadataException its service or profile does not exist
   * @throws DuplicateNameException a device of that name exists
   */
  public String addDevice(Device device, AuditActor who) {
    Device checked = DeviceRules.check(device, "device");
    if (store.deviceService(checked.serviceName()).isEmpty()) {
      throw new UnknownMetadataException(
          "device.serviceName '" + checked.serviceName() + "' is not a registered device service");
    }
    DeviceProfile profile =
        store
            .profile(checked.profileName())
            .orElseThrow(
                () ->
                    new UnknownMetadataException(
                        "device.profileName '"
                            + checked.profileName()
                            + "' is not a registered device profile"));
    DeviceRules.fitsProfile(checked, profile, "device");
    Device stored = checked.id() == null ? checked.withId(UUID.randomUUID().toString()) : checked;
    store.addDevice(stored);
    devices.invalidate(stored.name());
    audit.record(who, deviceChange(AuditAction.CREATE, stored).withAfter(stored));
    return stored.id();
  }

  /**
   * Changes a device's description, admin or operating state, labels or location, and returns it as
   * stored. Locking takes effect at once on this replica, and on others within the cache's TTL.
   *
   * @throws InvalidMetadataException the update breaks a rule
   * @throws UnknownMetadataException no such device
   */
  public Device updateDevice(UpdateDevice update, AuditActor who) {
    UpdateDevice checked = DeviceRules.update(update, "device");
    Device current = store.device(checked.name()).orElseThrow(() -> unknownDevice(checked.name()));
    Device changed =
        new Device(
            current.id(),
            current.name(),
            checked.description() != null ? checked.description() : current.description(),
            checked.adminState() != null ? checked.adminState() : current.adminState(),
            checked.operatingState() != null ? checked.operatingState() : current.operatingState(),
            current.serviceName(),
            current.profileName(),
            checked.labels() != null ? checked.labels() : current.labels(),
            checked.location() != null ? checked.location() : current.location(),
            current.protocols(),
            current.autoEvents());
    if (!store.replaceDevice(changed)) {
      throw unknownDevice(checked.name());
    }
    devices.invalidate(changed.name());
    if (!changed.equals(current)) {
      String action =
          changed.adminState() == current.adminState()
              ? AuditAction.UPDATE
              : changed.adminState() == AdminState.LOCKED ? AuditAction.LOCK : AuditAction.UNLOCK;
      audit.record(who, deviceChange(action, changed).withBefore(current).withAfter(changed));
    }
    return changed;
  }

  /** The device of that name (cached; see the class comment). */
  public Optional<Device> device(String name) {
    return devices.get(name, store::device);
  }

  /** The device profile of that name (cached; see the class comment). */
  public Optional<DeviceProfile> profile(String name) {
    return profiles.get(name, store::profile);
  }

  /** The device service of that name. */
  public Optional<DeviceService> deviceService(String name) {
    return store.deviceService(name);
  }

  /** Device profiles in name order. */
  public Page<DeviceProfile> profiles(int offset, int limit) {
    return store.profiles(offset, limit);
  }

  /** Device services in name order. */
  public Page<DeviceService> deviceServices(int offset, int limit) {
    return store.deviceServices(offset, limit);
  }

  /** Devices in name order. */
  public Page<Device> devices(int offset, int limit) {
    return store.devices(offset, limit);
  }

  /**
   * Deletes a device and its stored commands; its stored events stay (they are history).
   *
   * @throws UnknownMetadataException no such device
   */
  public void deleteDevice(String name, AuditActor who) {
    Optional<Device> before = store.device(name);
    if (!store.deleteDevice(name)) {
      throw unknownDevice(name);
    }
    devices.invalidate(name);
    commands.deleteDevice(name);
    audit.record(
        who,
        before
            .map(d -> deviceChange(AuditAction.DELETE, d).withBefore(d))
            .orElseGet(
                () -> AuditChange.of(AuditKind.DEVICE, AuditAction.DELETE, name).withDevice(name)));
  }

  /**
   * Deletes a device profile that no device uses.
   *
   * @throws UnknownMetadataException no such profile
   * @throws MetadataInUseException a device uses it
   */
  public void deleteProfile(String name, AuditActor who) {
    long users = store.devicesWithProfile(name);
    if (users > 0) {
      throw new MetadataInUseException(
          "device profile '" + name + "' is used by " + users + " device(s); delete them first");
    }
    Optional<DeviceProfile> before = store.profile(name);
    if (!store.deleteProfile(name)) {
      throw new UnknownMetadataException("device profile '" + name + "' does not exist");
    }
    profiles.invalidate(name);
    audit.record(
        who,
        AuditChange.of(AuditKind.PROFILE, AuditAction.DELETE, name)
            .withBefore(before.orElse(null)));
  }

  /**
   * Deletes a device service that no device belongs to.
   *
   * @throws UnknownMetadataException no such service
   * @throws MetadataInUseException a device belongs to it
   */
  public void deleteDeviceService(String name, AuditActor who) {
    long users = store.devicesOfService(name);
    if (users > 0) {
      throw new MetadataInUseException(
          "device service '" + name + "' has " + users + " device(s); delete them first");
    }
    Optional<DeviceService> before = store.deviceService(name);
    if (!store.deleteDeviceService(name)) {
      throw new UnknownMetadataException("device service '" + name + "' does not exist");
    }
    audit.record(
        who,
        AuditChange.of(AuditKind.SERVICE, AuditAction.DELETE, name)
            .withBefore(before.orElse(null)));
  }

  /** A change of a device, with its site and room as its labels name them. */
  static AuditChange deviceChange(String action, Device device) {
    return AuditChange.of(AuditKind.DEVICE, action, device.name())
        .withDevice(device.name())
        .withLabels(device.labels());
  }

  private static DeviceProfile withId(DeviceProfile profile) {
    return profile.id() == null ? profile.withId(UUID.randomUUID().toString()) : profile;
  }

  /** The 404 for a device name that is not registered. */
  public static UnknownMetadataException unknownDevice(String name) {
    return new UnknownMetadataException("device '" + name + "' is not registered");
  }
}
