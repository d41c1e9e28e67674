package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceService;
import java.util.Optional;

/**
 * Core Metadata's records: device profiles, device services and devices, each unique by name. The
 * store enforces uniqueness itself (the name is the document id), so two concurrent adds of one
 * name store one and refuse the other.
 */
public interface MetadataStore {

  /**
   * Stores a new profile.
   *
   * @throws DuplicateNameException a profile of that name exists
   * @throws StoreUnavailableException the store cannot be reached; nothing stored
   */
  void addProfile(DeviceProfile profile);

  /**
   * Stores the profile, replacing one of the same name if there is one.
   *
   * @throws StoreUnavailableException the store cannot be reached
   */
  void putProfile(DeviceProfile profile);

  /** The profile of that name. */
  Optional<DeviceProfile> profile(String name);

  /** Profiles in name order. */
  Page<DeviceProfile> profiles(int offset, int limit);

  /** Deletes the profile; false when there was none. */
  boolean deleteProfile(String name);

  /**
   * Stores a new device service.
   *
   * @throws DuplicateNameException a service of that name exists
   */
  void addDeviceService(DeviceService service);

  /** The device service of that name. */
  Optional<DeviceService> deviceService(String name);

  /** Device services in name order. */
  Page<DeviceService> deviceServices(int offset, int limit);

  /** Deletes the device service; false when there was none. */
  boolean deleteDeviceService(String name);

  /**
   * Stores a new device.
   *
   * @throws DuplicateNameException a device of that name exists
   */
  void addDevice(Device device);

  /** Replaces a stored device (same name); false when there was none. */
  boolean replaceDevice(Device device);

  /** The device of that name. */
  Optional<Device> device(String name);

  /** Devices in name order. */
  Page<Device> devices(int offset, int limit);

  /** Deletes the device; false when there was none. */
  boolean deleteDevice(String name);

  /** How many devices use the profile. */
  long devicesWithProfile(String profileName);

  /** How many devices belong to the device service. */
  long devicesOfService(String serviceName);

  /**
   * A number that moves whenever a profile or a device is written, by any server sharing the store:
   * lookup caches compare it instead of reading every entry again.
   *
   * @throws StoreUnavailableException the store cannot be reached
   */
  long changes();
}
