package dev.setpoint.ingest.interfaces.rest.json;

import dev.setpoint.ingest.application.InvalidEventException;
import dev.setpoint.ingest.application.legacy.Addressable;
import dev.setpoint.ingest.application.legacy.LegacyDevice;
import dev.setpoint.ingest.application.legacy.LegacyDeviceService;
import dev.setpoint.ingest.application.legacy.LegacyEvent;
import dev.setpoint.ingest.application.legacy.LegacyReading;
import dev.setpoint.ingest.application.legacy.ValueDescriptor;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the v1 bodies the report's device script sends. Lenient where that script differs from
 * EdgeX (a port or a number sent as a string, a value sent as a number, lower-case states), strict
 * on anything that would be stored wrong: every fault throws an {@link InvalidEventException} that
 * names the field.
 */
public final class LegacyJson {
  private LegacyJson() {}

  /** EdgeX v1 value descriptor type codes, as v3 value types. */
  static String valueType(String code, String field) {
    if (code == null || code.isBlank()) {
      return "String"; // the script's "device" and "time" descriptors carry no type
    }
    return switch (code.trim().toUpperCase(Locale.ROOT)) {
      case "B", "BOOL", "BOOLEAN" -> "Bool";
      case "F", "FLOAT", "FLOAT64" -> "Float64";
      case "I", "INT", "INTEGER", "INT64" -> "Int64";
      case "S", "STRING", "J", "JSON" -> "String";
      default ->
          throw new InvalidEventException(
              field + " '" + code + "' is not a v1 value type (B, F, I, S or J)");
    };
  }

  public static ValueDescriptor valueDescriptor(String body) {
    JsonObject json = object(body);
    return new ValueDescriptor(
        null,
        name(json, "name"),
        number(json, "min"),
        number(json, "max"),
        scalar(json, "defaultValue"),
        valueType(text(json, "type"), "type"),
        text(json, "uomLabel"),
        text(json, "formatting"),
        strings(json, "labels"),
        text(json, "description"));
  }

  public static Addressable addressable(String body) {
    JsonObject json = object(body);
    Double port = number(json, "port");
    if (port != null && (port != Math.rint(port) || port < 0 || port > 65_535)) {
      throw new InvalidEventException("port '" + scalar(json, "port") + "' is not a TCP port");
    }
    // The password field is read past on purpose: it is never stored or echoed.
    return new Addressable(
        null,
        name(json, "name"),
        text(json, "protocol"),
        text(json, "address"),
        port == null ? null : port.intValue(),
        text(json, "path"),
        text(json, "publisher"),
        text(json, "user"),
        text(json, "topic"));
  }

  public static LegacyDeviceService deviceService(String body) {
    JsonObject json = object(body);
    return new LegacyDeviceService(
        name(json, "name"),
        text(json, "description"),
        strings(json, "labels"),
        adminState(text(json, "adminState")),
        operatingState(text(json, "operatingState")),
        reference(json, "addressable"));
  }

  public static LegacyDevice device(String body) {
    JsonObject json = object(body);
    String service = reference(json, "service");
    if (service == null) {
      throw new InvalidEventException("service.name is required");
    }
    return new LegacyDevice(
        name(json, "name"),
        text(json, "description"),
        strings(json, "labels"),
        adminState(text(json, "adminState")),
        operatingState(text(json, "operatingState")),
        service,
        reference(json, "profile"),
        reference(json, "addressable"));
  }

  public static LegacyEvent event(String body) {
    JsonObject json = object(body);
    String device = name(json, "device");
    JsonValue readings = json.get("readings");
    if (!(readings instanceof JsonArray array) || array.isEmpty()) {
      throw new InvalidEventException("readings must be an array of at least one reading");
    }
    List<LegacyReading> parsed = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String field = "readings[" + i + "]";
      if (!(array.get(i) instanceof JsonObject reading)) {
        throw new InvalidEventException(field + " must be an object");
      }
      String value = scalar(reading, "value");
      if (value == null) {
        throw new InvalidEventException(field + ".value is required");
      }
      parsed.add(
          new LegacyReading(
              required(text(reading, "name"), field + ".name"),
              value,
              integer(reading, "origin", field + ".origin")));
    }
    return new LegacyEvent(device, integer(json, "origin", "origin"), parsed);
  }

  private static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidEventException("request body is required");
    }
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object) {
        return object;
      }
      throw new InvalidEventException("request body must be a JSON object");
    } catch (JsonParsingException e) {
      throw new InvalidEventException("request body is not valid JSON: " + e.getMessage());
    } catch (jakarta.json.JsonException e) {
      throw new InvalidEventException("request body could not be read: " + e.getMessage());
    }
  }

  private static String name(JsonObject json, String field) {
    return required(text(json, field), field);
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidEventException(field + " is required");
    }
    return value.trim();
  }

  /** A string field; a number or boolean is taken as its text; absent or null is null. */
  private static String text(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value.toString();
    }
    throw new InvalidEventException(field + " must be a string");
  }

  /** A reading value: a string, a number (the script sends floats) or a boolean, as text. */
  private static String scalar(JsonObject json, String field) {
    return text(json, field);
  }

  /** A number, or a string holding one (the script sends "161" for a port). */
  private static Double number(JsonObject json, String field) {
    String text = text(json, field);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      double value = new BigDecimal(text.trim()).doubleValue();
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidEventException(field + " '" + text + "' is not a finite number");
  }

  private static Long integer(JsonObject json, String name, String field) {
    String text = text(json, name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.trim()).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidEventException(field + " '" + text + "' is not an int64 timestamp");
    }
  }

  private static List<String> strings(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new InvalidEventException(field + " must be an array of strings");
    }
    List<String> result = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString string)) {
        throw new InvalidEventException(field + "[" + i + "] must be a string");
      }
      result.add(string.getString());
    }
    return List.copyOf(result);
  }

  /** {@code "addressable":{"name":"x"}} (v1's way of referring to another record) or a name. */
  private static String reference(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return required(string.getString(), field);
    }
    if (value instanceof JsonObject object) {
      return required(text(object, "name"), field + ".name");
    }
    throw new InvalidEventException(field + " must be an object with a name");
  }

  private static String adminState(String state) {
    if (state == null) {
      return "UNLOCKED";
    }
    return switch (state.trim().toUpperCase(Locale.ROOT)) {
      case "UNLOCKED" -> "UNLOCKED";
      case "LOCKED" -> "LOCKED";
      default ->
          throw new InvalidEventException(
              "adminState '" + state + "' is neither LOCKED nor UNLOCKED");
    };
  }

  private static String operatingState(String state) {
    if (state == null) {
      return "UNKNOWN";
    }
    return switch (state.trim().toUpperCase(Locale.ROOT)) {
      case "ENABLED", "UP" -> "UP"; // v1 said ENABLED/DISABLED, v3 says UP/DOWN
      case "DISABLED", "DOWN" -> "DOWN";
      case "UNKNOWN" -> "UNKNOWN";
      default ->
          throw new InvalidEventException(
              "operatingState '" + state + "' is none of ENABLED, DISABLED, UP, DOWN, UNKNOWN");
    };
  }
}
