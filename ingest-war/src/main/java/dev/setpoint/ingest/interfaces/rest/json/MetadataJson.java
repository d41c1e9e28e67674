package dev.setpoint.ingest.interfaces.rest.json;

import dev.setpoint.contracts.edgex.AddDeviceProfileRequest;
import dev.setpoint.contracts.edgex.AddDeviceRequest;
import dev.setpoint.contracts.edgex.AddDeviceServiceRequest;
import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.AutoEvent;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceCommand;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.contracts.edgex.OperatingState;
import dev.setpoint.contracts.edgex.ReadWrite;
import dev.setpoint.contracts.edgex.ResourceOperation;
import dev.setpoint.contracts.edgex.ResourceProperties;
import dev.setpoint.contracts.edgex.UpdateDevice;
import dev.setpoint.contracts.edgex.UpdateDeviceRequest;
import dev.setpoint.ingest.application.InvalidCommandException;
import dev.setpoint.ingest.application.InvalidMetadataException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Maps EdgeX v3 metadata JSON (or a YAML profile converted to JSON) onto the contract records,
 * strictly: a wrong JSON type or a field Setpoint does not know is a fault naming its path, so a
 * typo such as {@code maximun} is refused rather than silently leaving a resource unbounded. A few
 * EdgeX fields that do not change what Setpoint checks are accepted and not kept (timestamps,
 * device service attributes, tags, value transforms that device services apply before sending). The
 * rules on the values themselves are the application's ({@code ProfileRules}, {@code
 * DeviceServiceRules}, {@code DeviceRules}).
 */
public final class MetadataJson {
  private static final Set<String> REQUEST = Set.of("apiVersion", "requestId");
  private static final Set<String> PROFILE =
      Set.of(
          "id",
          "name",
          "manufacturer",
          "model",
          "description",
          "labels",
          "deviceResources",
          "deviceCommands",
          "apiVersion",
          "created",
          "modified");
  private static final Set<String> RESOURCE =
      Set.of("name", "description", "isHidden", "properties", "attributes", "tags");
  private static final Set<String> PROPERTIES =
      Set.of(
          "valueType",
          "readWrite",
          "units",
          "minimum",
          "maximum",
          "defaultValue",
          "mask",
          "shift",
          "scale",
          "offset",
          "base",
          "assertion",
          "mediaType",
          "optional");
  private static final Set<String> COMMAND =
      Set.of("name", "isHidden", "readWrite", "resourceOperations", "tags");
  private static final Set<String> OPERATION = Set.of("deviceResource", "defaultValue", "mappings");
  private static final Set<String> SERVICE =
      Set.of(
          "id",
          "name",
          "description",
          "baseAddress",
          "adminState",
          "labels",
          "created",
          "modified",
          "properties");
  private static final Set<String> DEVICE =
      Set.of(
          "id",
          "name",
          "description",
          "adminState",
          "operatingState",
          "serviceName",
          "profileName",
          "labels",
          "location",
          "protocols",
          "autoEvents",
          "created",
          "modified",
          "tags",
          "properties",
          "parent");
  private static final Set<String> AUTO_EVENT =
      Set.of("interval", "onChange", "sourceName", "onChangeThreshold");
  private static final Set<String> UPDATE =
      Set.of("name", "description", "adminState", "operatingState", "labels", "location");
  private static final Set<String> NOT_UPDATABLE =
      Set.of("id", "serviceName", "profileName", "protocols", "autoEvents");

  private MetadataJson() {}

  /** One element of {@code POST /api/v3/deviceprofile}. */
  public static AddDeviceProfileRequest addProfileRequest(JsonValue json, String path) {
    JsonFields request = request(json, path, "profile");
    return new AddDeviceProfileRequest(
        request.string("apiVersion"),
        request.string("requestId"),
        profile(required(request, "profile"), request.path("profile"), false));
  }

  /** One element of {@code POST /api/v3/deviceservice}. */
  public static AddDeviceServiceRequest addDeviceServiceRequest(JsonValue json, String path) {
    JsonFields request = request(json, path, "service");
    return new AddDeviceServiceRequest(
        request.string("apiVersion"),
        request.string("requestId"),
        deviceService(required(request, "service"), request.path("service")));
  }

  /** One element of {@code POST /api/v3/device}. */
  public static AddDeviceRequest addDeviceRequest(JsonValue json, String path) {
    JsonFields request = request(json, path, "device");
    return new AddDeviceRequest(
        request.string("apiVersion"),
        request.string("requestId"),
        device(required(request, "device"), request.path("device")));
  }

  /** One element of {@code PATCH /api/v3/device}. */
  public static UpdateDeviceRequest updateDeviceRequest(JsonValue json, String path) {
    JsonFields request = request(json, path, "device");
    return new UpdateDeviceRequest(
        request.string("apiVersion"),
        request.string("requestId"),
        updateDevice(required(request, "device"), request.path("device")));
  }

  private static JsonFields request(JsonValue json, String path, String body) {
    Set<String> known = new HashSet<>(REQUEST);
    known.add(body);
    JsonFields request = JsonFields.of(json, path, false, known);
    String apiVersion = request.string("apiVersion");
    if (apiVersion != null && !ApiVersion.V3.equals(apiVersion)) {
      throw new InvalidMetadataException(
          request.path("apiVersion") + " must be v3, was " + apiVersion);
    }
    request.string("requestId");
    return request;
  }

  private static JsonValue required(JsonFields request, String key) {
    if (!request.has(key)) {
      throw new InvalidMetadataException(request.path(key) + " is required");
    }
    return request.raw(key);
  }

  /**
   * A device profile, from JSON or (lenient) from a YAML file converted to JSON.
   *
   * @param lenient read scalars leniently, as YAML authors write them
   */
  public static DeviceProfile profile(JsonValue json, String path, boolean lenient) {
    JsonFields profile = JsonFields.of(json, path, lenient, PROFILE);
    return new DeviceProfile(
        profile.string("id"),
        profile.string("name"),
        profile.string("manufacturer"),
        profile.string("model"),
        profile.string("description"),
        profile.strings("labels"),
        profile.list("deviceResources", (item, field) -> resource(item, field, lenient)),
        profile.list("deviceCommands", (item, field) -> command(item, field, lenient)));
  }

  private static DeviceResource resource(JsonValue json, String path, boolean lenient) {
    JsonFields resource = JsonFields.of(json, path, lenient, RESOURCE);
    ResourceProperties properties = null;
    if (resource.has("properties")) {
      JsonFields p =
          JsonFields.of(
              resource.raw("properties"), resource.path("properties"), lenient, PROPERTIES);
      properties =
          new ResourceProperties(
              p.string("valueType"),
              p.enumeration("readWrite", ReadWrite.class),
              p.string("units"),
              p.number("minimum"),
              p.number("maximum"),
              p.string("defaultValue"));
    }
    return new DeviceResource(
        resource.string("name"),
        resource.string("description"),
        resource.bool("isHidden"),
        properties);
  }

  private static DeviceCommand command(JsonValue json, String path, boolean lenient) {
    JsonFields command = JsonFields.of(json, path, lenient, COMMAND);
    return new DeviceCommand(
        command.string("name"),
        command.bool("isHidden"),
        command.enumeration("readWrite", ReadWrite.class),
        command.list(
            "resourceOperations",
            (item, field) -> {
              JsonFields operation = JsonFields.of(item, field, lenient, OPERATION);
              return new ResourceOperation(
                  operation.string("deviceResource"), operation.string("defaultValue"));
            }));
  }

  /** A device service. */
  public static DeviceService deviceService(JsonValue json, String path) {
    JsonFields service = JsonFields.of(json, path, false, SERVICE);
    return new DeviceService(
        service.string("id"),
        service.string("name"),
        service.string("description"),
        service.string("baseAddress"),
        service.enumeration("adminState", AdminState.class),
        service.strings("labels"));
  }

  /** A device. */
  public static Device device(JsonValue json, String path) {
    JsonFields device = JsonFields.of(json, path, false, DEVICE);
    return new Device(
        device.string("id"),
        device.string("name"),
        device.string("description"),
        device.enumeration("adminState", AdminState.class),
        device.enumeration("operatingState", OperatingState.class),
        device.string("serviceName"),
        device.string("profileName"),
        device.strings("labels"),
        device.raw("location"),
        protocols(device),
        device.list(
            "autoEvents",
            (item, field) -> {
              JsonFields autoEvent = JsonFields.of(item, field, false, AUTO_EVENT);
              return new AutoEvent(
                  autoEvent.string("interval"),
                  autoEvent.bool("onChange"),
                  autoEvent.string("sourceName"));
            }));
  }

  /**
   * Protocol properties: EdgeX v3 allows any JSON scalar; Setpoint keeps each as its text so that
   * the record stays a plain string map.
   */
  private static Map<String, Map<String, String>> protocols(JsonFields device) {
    JsonObject protocols = device.object("protocols");
    if (protocols == null) {
      return null;
    }
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> protocol : protocols.entrySet()) {
      String field = device.path("protocols") + "." + protocol.getKey();
      JsonValue value = protocol.getValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw JsonFields.wrongType(field, "a JSON object", value);
      }
      Map<String, String> properties = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> property : value.asJsonObject().entrySet()) {
        properties.put(
            property.getKey(),
            JsonFields.string(property.getValue(), field + "." + property.getKey(), true));
      }
      result.put(protocol.getKey(), properties);
    }
    return result;
  }

  /** The fields of a device update. */
  public static UpdateDevice updateDevice(JsonValue json, String path) {
    if (json != null && json.getValueType() == JsonValue.ValueType.OBJECT) {
      for (String key : json.asJsonObject().keySet()) {
        if (NOT_UPDATABLE.contains(key)) {
          throw new InvalidMetadataException(
              path + "." + key + " cannot be changed; delete the device and add it again");
        }
      }
    }
    JsonFields update = JsonFields.of(json, path, false, UPDATE);
    return new UpdateDevice(
        update.string("name"),
        update.string("description"),
        update.enumeration("adminState", AdminState.class),
        update.enumeration("operatingState", OperatingState.class),
        update.strings("labels"),
        update.raw("location"));
  }

  /** The body of a Core Command {@code PUT}: resource name to value. */
  public static Map<String, String> commandValues(JsonValue json) {
    if (json == null || json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidCommandException(
          "the body must be a JSON object of resource names to values, was "
              + JsonFields.kind(json));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : json.asJsonObject().entrySet()) {
      try {
        values.put(entry.getKey(), JsonFields.string(entry.getValue(), entry.getKey(), true));
      } catch (InvalidMetadataException e) {
        throw new InvalidCommandException(e.getMessage());
      }
    }
    return values;
  }
}
