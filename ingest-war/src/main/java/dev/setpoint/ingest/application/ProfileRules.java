package dev.setpoint.ingest.application;

import dev.setpoint.contracts.edgex.DeviceCommand;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.ResourceOperation;
import dev.setpoint.contracts.edgex.ResourceProperties;
import dev.setpoint.contracts.edgex.ValueTypes;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a device profile must meet before it is stored, checked on the record itself so that
 * every way in (JSON, YAML upload, startup seeding, the v1 endpoints) gets the same checks: names,
 * resources with a supported value type and representable bounds, defaults within them, and
 * commands whose operations name resources of the profile that can be read or written as the
 * command says. Each fault throws an {@link InvalidMetadataException} naming the field by its path
 * under the given prefix (e.g. {@code profile.deviceResources[1].properties.minimum}). A valid
 * profile comes back normalised: value types in EdgeX spelling, absent lists empty.
 *
 * <p>These stay code rather than Bean Validation constraints: the records are the contracts'
 * (shared with the device agent, which has no validator), most rules compare fields with each other
 * or with the profile's resources, and the messages name batch paths ({@code [1].profile...}) that
 * Bean Validation's property paths do not produce.
 */
public final class ProfileRules {
  private ProfileRules() {}

  /** Checks a profile and returns it normalised. */
  public static DeviceProfile check(DeviceProfile profile, String path) {
    if (profile == null) {
      throw new InvalidMetadataException(path + " is required");
    }
    String id = Names.optionalUuid(profile.id(), path + ".id");
    String name = Names.name(profile.name(), path + ".name");
    List<String> labels = MetadataRules.labels(profile.labels(), path + ".labels");
    List<DeviceResource> resources = profile.deviceResources();
    if (resources == null || resources.isEmpty()) {
      throw new InvalidMetadataException(path + ".deviceResources must hold at least one resource");
    }
    MetadataRules.limit(resources.size(), path + ".deviceResources");
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
    MetadataRules.limit(given.size(), path + ".deviceCommands");
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
      MetadataRules.value(defaultValue, valueType, minimum, maximum, at + ".defaultValue");
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
    MetadataRules.limit(operations.size(), field + ".resourceOperations");
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
        MetadataRules.value(
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
}
