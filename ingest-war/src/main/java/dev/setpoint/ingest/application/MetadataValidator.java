package dev.setpoint.ingest.application;

import dev.setpoint.contracts.edgex.AutoEvent;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceCommand;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.contracts.edgex.ResourceOperation;
import dev.setpoint.contracts.edgex.ResourceProperties;
import dev.setpoint.contracts.edgex.UpdateDevice;
import dev.setpoint.contracts.edgex.ValueTypes;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a profile, device service or device must meet before it is stored, checked on the
 * records themselves so that every way in (JSON, YAML upload, startup seeding, the v1 endpoints)
 * gets the same checks. Each fault throws an {@link InvalidMetadataException} naming the field by
 * its path under the given prefix (e.g. {@code profile.deviceResources[1].properties.minimum}).
 * Valid records come back normalised: value types in EdgeX spelling, absent lists empty.
 */
public final class MetadataValidator {
  /** More than this is a client bug, not a device. */
  static final int MAX_ENTRIES = 1_000;

  /** A Go duration as EdgeX autoEvents use it: {@code 10s}, {@code 1m30s}, {@code 500ms}. */
  private static final Pattern DURATION =
      Pattern.compile("(?:(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h))+");

  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  /** Checks a profile and returns it normalised. */
  public DeviceProfile profile(DeviceProfile profile, String path) {
    if (profile == null) {
      throw new InvalidMetadataException(path + " is required");
    }
    String id = Names.optionalUuid(profile.id(), path + ".id");
    String name = Names.name(profile.name(), path + ".name");
    List<String> labels = labels(profile.labels(), path + ".labels");
    List<DeviceResource> resources = profile.deviceResources();
    if (resources == null || resources.isEmpty()) {
      throw new InvalidMetadataException(path + ".deviceResources must hold at least one resource");
    }
    limit(resources.size(), path + ".deviceResources");
    Map<String, DeviceResource> byName = new LinkedHashMap<>();
    for (int i = 0; i < resources.size(); i++) {
      DeviceResource resource = resource(resources.get(i), path + ".deviceResources[" + i + "]");
      if (byName.putIfAbsent(resource.name(), resource) != null) {
        throw new InvalidMetadataException(
            path + ".deviceResources[" + i + "].name '" + resource.name() + "' appears twice");
      }
    }
    List<DeviceCommand> commands = new ArrayList<>();
    List<DeviceCommand> given =
        profile.deviceCommands() == null ? List.of() : profile.deviceCommands();
    limit(given.size(), path + ".deviceCommands");
    Set<String> commandNames = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String field = path + ".deviceCommands[" + i + "]";
      DeviceCommand command = command(given.get(i), field, byName);
      if (byName.containsKey(command.name())) {
        throw new InvalidMetadataException(
            field
                + ".name '"
                + command.name()
                + "' is also a device resource; Core Command could not tell them apart");
      }
      if (!commandNames.add(command.name())) {
        throw new InvalidMetadataException(field + ".name '" + command.name() + "' appears twice");
      }
      commands.add(command);
    }
    return new DeviceProfile(
        id,
        name,
        profile.manufacturer(),
        profile.model(),
        profile.description(),
        labels,
        List.copyOf(byName.values()),
        List.copyOf(commands));
  }

  private static DeviceResource resource(DeviceResource resource, String field) {
    if (resource == null) {
      throw new InvalidMetadataException(field + " is null");
    }
    String name = Names.name(resource.name(), field + ".name");
    ResourceProperties properties = resource.properties();
    String at = field + ".properties";
    if (properties == null) {
      throw new InvalidMetadataException(at + " is required");
    }
    if (properties.valueType() == null || properties.valueType().isBlank()) {
      throw new InvalidMetadataException(at + ".valueType is required");
    }
    String valueType =
        ValueTypes.canonical(properties.valueType())
            .orElseThrow(
                () ->
                    new InvalidMetadataException(
                        at
                            + ".valueType '"
                            + properties.valueType()
                            + "' is not supported; use one of "
                            + ValueTypes.supported()));
    // Numeric readings become InfluxDB fields beside its own names; text readings stay at the edge
    // (the report's device script reports a text "device" and "time").
    if (ValueTypes.numeric(valueType) && TelemetryReading.RESERVED_RESOURCES.contains(name)) {
      throw new InvalidMetadataException(
          field
              + ".name '"
              + name
              + "' is reserved for a numeric resource; use another resource name");
    }
    if (properties.readWrite() == null) {
      throw new InvalidMetadataException(at + ".readWrite is required (R, W or RW)");
    }
    Double minimum = properties.minimum();
    Double maximum = properties.maximum();
    if (!ValueTypes.numeric(valueType) && (minimum != null || maximum != null)) {
      throw new InvalidMetadataException(
          at + ".minimum and maximum apply to numeric value types only, not " + valueType);
    }
    bound(minimum, valueType, at + ".minimum");
    bound(maximum, valueType, at + ".maximum");
    if (minimum != null && maximum != null && minimum > maximum) {
      throw new InvalidMetadataException(
          at + ".minimum " + minimum + " is greater than maximum " + maximum);
    }
    String defaultValue = properties.defaultValue();
    if (defaultValue != null && !(defaultValue.isEmpty() && !valueType.equals("String"))) {
      value(defaultValue, valueType, minimum, maximum, at + ".defaultValue");
    } else {
      defaultValue = null;
    }
    return new DeviceResource(
        name,
        resource.description(),
        resource.isHidden(),
        new ResourceProperties(
            valueType, properties.readWrite(), properties.units(), minimum, maximum, defaultValue));
  }

  /** A bound must be finite and representable in the type (a Uint8 cannot have minimum -1). */
  private static void bound(Double bound, String valueType, String field) {
    if (bound == null) {
      return;
    }
    if (!Double.isFinite(bound)) {
      throw new InvalidMetadataException(field + " must be a finite number");
    }
    String text = new BigDecimal(bound.toString()).stripTrailingZeros().toPlainString();
    boolean integerType = valueType.startsWith("Int") || valueType.startsWith("Uint");
    if (integerType && !text.contains(".") && !ValueTypes.parses(valueType, text)) {
      throw new InvalidMetadataException(
          field + " " + text + " lies outside what a " + valueType + " can hold");
    }
  }

  /** Checks a value against a resource's type and range; the same rule events and commands meet. */
  static void value(String value, String valueType, Double minimum, Double maximum, String field) {
    if (!ValueTypes.parses(valueType, value)) {
      throw new InvalidMetadataException(field + " '" + value + "' is not a valid " + valueType);
    }
    if (ValueTypes.numeric(valueType) && !ValueTypes.within(value, minimum, maximum)) {
      throw new InvalidMetadataException(
          field + " '" + value + "' lies outside " + range(minimum, maximum));
    }
  }

  /** A range for messages: {@code [18.0, 27.0]}. */
  static String range(Double minimum, Double maximum) {
    return "["
        + (minimum == null ? "-∞" : minimum)
        + ", "
        + (maximum == null ? "∞" : maximum)
        + "]";
  }

  private static DeviceCommand command(
      DeviceCommand command, String field, Map<String, DeviceResource> resources) {
    if (command == null) {
      throw new InvalidMetadataException(field + " is null");
    }
    String name = Names.name(command.name(), field + ".name");
    if (command.readWrite() == null) {
      throw new InvalidMetadataException(field + ".readWrite is required (R, W or RW)");
    }
    List<ResourceOperation> operations = command.resourceOperations();
    if (operations == null || operations.isEmpty()) {
      throw new InvalidMetadataException(
          field + ".resourceOperations must hold at least one resource operation");
    }
    limit(operations.size(), field + ".resourceOperations");
    Set<String> seen = new HashSet<>();
    List<ResourceOperation> checked = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      String at = field + ".resourceOperations[" + i + "]";
      ResourceOperation operation = operations.get(i);
      if (operation == null) {
        throw new InvalidMetadataException(at + " is null");
      }
      if (operation.deviceResource() == null || operation.deviceResource().isBlank()) {
        throw new InvalidMetadataException(at + ".deviceResource is required");
      }
      DeviceResource resource = resources.get(operation.deviceResource());
      if (resource == null) {
        throw new InvalidMetadataException(
            at
                + ".deviceResource '"
                + operation.deviceResource()
                + "' is not a resource of this profile");
      }
      if (!seen.add(resource.name())) {
        throw new InvalidMetadataException(
            at + ".deviceResource '" + resource.name() + "' appears twice in the command");
      }
      ResourceProperties properties = resource.properties();
      if (command.readWrite().readable() && !properties.readWrite().readable()) {
        throw new InvalidMetadataException(
            at + ".deviceResource '" + resource.name() + "' is write-only; the command reads it");
      }
      if (command.readWrite().writable() && !properties.readWrite().writable()) {
        throw new InvalidMetadataException(
            at + ".deviceResource '" + resource.name() + "' is read-only; the command writes it");
      }
      String defaultValue = operation.defaultValue();
      if (defaultValue != null && !defaultValue.isEmpty()) {
        value(
            defaultValue,
            properties.valueType(),
            properties.minimum(),
            properties.maximum(),
            at + ".defaultValue");
      } else {
        defaultValue = null;
      }
      checked.add(new ResourceOperation(resource.name(), defaultValue));
    }
    return new DeviceCommand(name, command.isHidden(), command.readWrite(), List.copyOf(checked));
  }

  /** Checks a device service and returns it normalised. */
  public DeviceService deviceService(DeviceService service, String path) {
    if (service == null) {
      throw new InvalidMetadataException(path + " is required");
    }
    String id = Names.optionalUuid(service.id(), path + ".id");
    String name = Names.name(service.name(), path + ".name");
    String baseAddress = service.baseAddress();
    if (baseAddress != null && !baseAddress.isEmpty()) {
      httpAddress(baseAddress, path + ".baseAddress");
    } else {
      baseAddress = null;
    }
    if (service.adminState() == null) {
      throw new InvalidMetadataException(path + ".adminState is required (LOCKED or UNLOCKED)");
    }
    return new DeviceService(
        id,
        name,
        service.description(),
        baseAddress,
        service.adminState(),
        labels(service.labels(), path + ".labels"));
  }

  private static void httpAddress(String address, String field) {
    try {
      URI uri = new URI(address);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null) {
        return;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new InvalidMetadataException(
        field + " '" + address + "' is not an http or https address with a host");
  }

  /**
   * Checks a device on its own (its service and profile are checked by {@link MetadataService}) and
   * returns it normalised.
   */
  public Device device(Device device, String path) {
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
    limit(protocols.size(), path + ".protocols");
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
    limit(autoEvents.size(), path + ".autoEvents");
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
        labels(device.labels(), path + ".labels"),
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
  public void deviceFitsProfile(Device device, DeviceProfile profile, String path) {
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
  public UpdateDevice update(UpdateDevice update, String path) {
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
        update.labels() == null ? null : labels(update.labels(), path + ".labels"),
        update.location());
  }

  private static List<String> labels(List<String> labels, String field) {
    if (labels == null) {
      return List.of();
    }
    limit(labels.size(), field);
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i) == null || labels.get(i).isBlank()) {
        throw new InvalidMetadataException(field + "[" + i + "] is blank");
      }
    }
    return List.copyOf(labels);
  }

  private static void limit(int size, String field) {
    if (size > MAX_ENTRIES) {
      throw new InvalidMetadataException(
          field + " holds " + size + " entries, at most " + MAX_ENTRIES);
    }
  }
}
