package dev.setpoint.ingest.application;

import dev.setpoint.contracts.edgex.AutoEvent;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.UpdateDevice;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a device, or a change to one, must meet before it is stored: names, states, at least
 * one protocol, autoEvents with a positive Go duration. Whether its service and profile exist is
 * {@link MetadataService}'s to check (it needs the store); {@link #fitsProfile} then checks the
 * device against its profile. Faults name the field as {@link ProfileRules}' do.
 */
public final class DeviceRules {
  private DeviceRules() {}

  /** A Go duration as EdgeX autoEvents use it: {@code 10s}, {@code 1m30s}, {@code 500ms}. */
  private static final Pattern DURATION =
      Pattern.compile("(?:(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h))+");

  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  /**
   * Checks a device on its own (its service and profile are checked by {@link MetadataService}) and
   * returns it normalised.
   */
  public static Device check(Device device, String path) {
    if (device == null) {
      throw new InvalidMetadataException(path + " is required");
    }
    String id = Names.optionalUuid(device.id(), path + ".id");
    String name = Names.name(device.name(), path + ".name");
    if (device.adminState() == null) {
      throw new InvalidMetadataException(path + ".adminState is required (LOCKED or UNLOCKED)");
    }
    if (device.operatingState() == null) {
      throw new InvalidMetadataException(
          path + ".operatingState is required (UP, DOWN or UNKNOWN)");
    }
    String serviceName = Names.name(device.serviceName(), path + ".serviceName");
    String profileName = Names.name(device.profileName(), path + ".profileName");
    Map<String, Map<String, String>> protocols = device.protocols();
    if (protocols == null || protocols.isEmpty()) {
      throw new InvalidMetadataException(path + ".protocols must hold at least one protocol");
    }
    MetadataRules.limit(protocols.size(), path + ".protocols");
    Map<String, Map<String, String>> checkedProtocols = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> protocol : protocols.entrySet()) {
      String at = path + ".protocols." + protocol.getKey();
      if (protocol.getKey() == null || protocol.getKey().isBlank()) {
        throw new InvalidMetadataException(path + ".protocols has a protocol without a name");
      }
      if (protocol.getValue() == null) {
        throw new InvalidMetadataException(at + " must be an object of properties");
      }
      Map<String, String> properties = new LinkedHashMap<>();
      for (Map.Entry<String, String> property : protocol.getValue().entrySet()) {
        if (property.getKey() == null || property.getKey().isBlank()) {
          throw new InvalidMetadataException(at + " has a property without a name");
        }
        if (property.getValue() == null) {
          throw new InvalidMetadataException(at + "." + property.getKey() + " has no value");
        }
        properties.put(property.getKey(), property.getValue());
      }
      checkedProtocols.put(protocol.getKey(), Map.copyOf(properties));
    }
    List<AutoEvent> autoEvents = device.autoEvents() == null ? List.of() : device.autoEvents();
    MetadataRules.limit(autoEvents.size(), path + ".autoEvents");
    for (int i = 0; i < autoEvents.size(); i++) {
      autoEvent(autoEvents.get(i), path + ".autoEvents[" + i + "]");
    }
    return new Device(
        id,
        name,
        device.description(),
        device.adminState(),
        device.operatingState(),
        serviceName,
        profileName,
        MetadataRules.labels(device.labels(), path + ".labels"),
        device.location(),
        checkedProtocols,
        List.copyOf(autoEvents));
  }

  private static void autoEvent(AutoEvent autoEvent, String field) {
    if (autoEvent == null) {
      throw new InvalidMetadataException(field + " is null");
    }
    String interval = autoEvent.interval();
    if (interval == null || interval.isBlank()) {
      throw new InvalidMetadataException(field + ".interval is required, e.g. 10s");
    }
    if (!DURATION.matcher(interval).matches() || durationIsZero(interval)) {
      throw new InvalidMetadataException(
          field + ".interval '" + interval + "' is not a positive duration such as 10s or 1m30s");
    }
    if (autoEvent.sourceName() == null || autoEvent.sourceName().isBlank()) {
      throw new InvalidMetadataException(field + ".sourceName is required");
    }
  }

  private static boolean durationIsZero(String interval) {
    Matcher part = DURATION_PART.matcher(interval);
    while (part.find()) {
      if (new BigDecimal(part.group(1)).signum() > 0) {
        return false;
      }
    }
    return true;
  }

  /** Checks that a device's autoEvents read sources its profile has. */
  public static void fitsProfile(Device device, DeviceProfile profile, String path) {
    List<AutoEvent> autoEvents = device.autoEvents() == null ? List.of() : device.autoEvents();
    for (int i = 0; i < autoEvents.size(); i++) {
      String source = autoEvents.get(i).sourceName();
      if (profile.resource(source).isEmpty() && profile.command(source).isEmpty()) {
        throw new InvalidMetadataException(
            path
                + ".autoEvents["
                + i
                + "].sourceName '"
                + source
                + "' is neither a resource nor a command of profile '"
                + profile.name()
                + "'");
      }
    }
  }

  /** Checks a device update: the name, and at least one field to change. */
  public static UpdateDevice update(UpdateDevice update, String path) {
    if (update == null) {
      throw new InvalidMetadataException(path + " is required");
    }
    Names.name(update.name(), path + ".name");
    if (update.description() == null
        && update.adminState() == null
        && update.operatingState() == null
        && update.labels() == null
        && update.location() == null) {
      throw new InvalidMetadataException(
          path
              + " changes nothing; give adminState, operatingState, description, labels or"
              + " location");
    }
    return new UpdateDevice(
        update.name(),
        update.description(),
        update.adminState(),
        update.operatingState(),
        update.labels() == null ? null : MetadataRules.labels(update.labels(), path + ".labels"),
        update.location());
  }
}
