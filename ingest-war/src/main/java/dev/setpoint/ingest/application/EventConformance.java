package dev.setpoint.ingest.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceLabels;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.ReadingValue;
import dev.setpoint.contracts.edgex.ResourceProperties;
import dev.setpoint.contracts.edgex.ValueTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Checks an event that is already well formed ({@link EventValidator}) against its device and the
 * device's profile: the device is registered and unlocked, the path names its service and profile,
 * and every reading is a readable resource of that profile, of the profile's value type, within its
 * minimum and maximum. The first fault throws; nothing is stored.
 */
@ApplicationScoped
public class EventConformance {
  private final MetadataService metadata;

  @Inject
  public EventConformance(MetadataService metadata) {
    this.metadata = metadata;
  }

  /** For CDI's proxy only. */
  protected EventConformance() {
    this.metadata = null;
  }

  /**
   * Checks the event against its device and profile, and returns it as it is stored: with the
   * device's site and room ({@link DeviceLabels#site}, {@link DeviceLabels#room}), which travel in
   * the event to the relay.
   *
   * @throws UnknownMetadataException the device or its profile is not registered
   * @throws DeviceLockedException the device is locked
   * @throws InvalidEventException the event does not fit the device or its profile
   */
  public BufferedEvent check(BufferedEvent event, EventPath path) {
    Device device =
        metadata
            .device(path.deviceName())
            .orElseThrow(
                () ->
                    new UnknownMetadataException(
                        "deviceName '"
                            + path.deviceName()
                            + "' is not a registered device; add it with POST /api/v3/device"));
    DeviceProfile profile =
        metadata
            .profile(device.profileName())
            .orElseThrow(
                () ->
                    new UnknownMetadataException(
                        "device profile '"
                            + device.profileName()
                            + "' of device '"
                            + device.name()
                            + "' is not registered"));
    check(event, path, device, profile);
    return event.placed(
        DeviceLabels.site(device.labels()).orElse(null),
        DeviceLabels.room(device.labels()).orElse(null));
  }

  /** The checks on given metadata, for callers that already hold it. */
  static void check(BufferedEvent event, EventPath path, Device device, DeviceProfile profile) {
    if (device.locked()) {
      throw new DeviceLockedException("device '" + device.name() + "' is locked");
    }
    if (!device.profileName().equals(path.profileName())) {
      throw new InvalidEventException(
          "profileName '"
              + path.profileName()
              + "' in the path is not the profile of device '"
              + device.name()
              + "' ('"
              + device.profileName()
              + "')");
    }
    if (!device.serviceName().equals(path.serviceName())) {
      throw new InvalidEventException(
          "serviceName '"
              + path.serviceName()
              + "' in the path is not the device service of device '"
              + device.name()
              + "' ('"
              + device.serviceName()
              + "')");
    }
    List<BufferedReading> readings = event.readings();
    for (int i = 0; i < readings.size(); i++) {
      reading(readings.get(i), "event.readings[" + i + "]", profile);
    }
  }

  private static void reading(BufferedReading reading, String field, DeviceProfile profile) {
    DeviceResource resource =
        profile
            .resource(reading.resourceName())
            .orElseThrow(
                () ->
                    new InvalidEventException(
                        field
                            + ".resourceName '"
                            + reading.resourceName()
                            + "' is not a resource of profile '"
                            + profile.name()
                            + "'"));
    ResourceProperties properties = resource.properties();
    if (!properties.readWrite().readable()) {
      throw new InvalidEventException(
          field + ".resourceName '" + resource.name() + "' is write-only; events cannot carry it");
    }
    if (!properties.valueType().equalsIgnoreCase(reading.valueType())) {
      throw new InvalidEventException(
          field
              + ".valueType '"
              + reading.valueType()
              + "' differs from "
              + properties.valueType()
              + " of resource '"
              + resource.name()
              + "'");
    }
    if (ValueTypes.parse(reading.valueType(), reading.value()).orElse(null)
            instanceof ReadingValue.Numeric number
        && !ValueTypes.within(number, properties.minimum(), properties.maximum())) {
      throw new InvalidEventException(
          field
              + ".value '"
              + reading.value()
              + "' lies outside "
              + MetadataRules.range(properties.minimum(), properties.maximum())
              + " of resource '"
              + resource.name()
              + "'");
    }
  }
}
