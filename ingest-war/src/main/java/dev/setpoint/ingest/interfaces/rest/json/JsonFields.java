package dev.setpoint.ingest.interfaces.rest.json;

import dev.setpoint.ingest.application.InvalidMetadataException;
import dev.setpoint.ingest.application.MetadataRules;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads the fields of one JSON object strictly: unknown fields and wrong JSON types are faults
 * naming their path. JSON {@code null} counts as absent, as in EdgeX. For YAML documents (converted
 * to JSON first) scalars are read leniently: a YAML author writes {@code units: 1} or {@code
 * minimum: "-40"} without meaning a different type, so strings accept numbers and booleans and
 * numbers accept numeric strings.
 */
final class JsonFields {
  private final JsonObject object;
  private final String path;
  private final boolean lenient;

  private JsonFields(JsonObject object, String path, boolean lenient) {
    this.object = object;
    this.path = path;
    this.lenient = lenient;
  }

  /**
   * The object at the path, with only the known fields.
   *
   * @throws InvalidMetadataException not an object, or a field not in {@code known}
   */
  static JsonFields of(JsonValue value, String path, boolean lenient, Set<String> known) {
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidMetadataException(path + " must be a JSON object, was " + kind(value));
    }
    JsonObject object = value.asJsonObject();
    for (String key : object.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidMetadataException(
            (path.isEmpty() ? "" : path + ".") + key + " is not a known field");
      }
    }
    return new JsonFields(object, path, lenient);
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    JsonValue value = object.get(key);
    return value != null && value.getValueType() != JsonValue.ValueType.NULL;
  }

  JsonValue raw(String key) {
    return has(key) ? object.get(key) : null;
  }

  String string(String key) {
    return has(key) ? string(object.get(key), path(key), lenient) : null;
  }

  static String string(JsonValue value, String field, boolean lenient) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> {
        if (lenient) {
          yield ((JsonNumber) value).bigDecimalValue().toString();
        }
        throw wrongType(field, "a string", value);
      }
      case TRUE, FALSE -> {
        if (lenient) {
          yield value.toString();
        }
        throw wrongType(field, "a string", value);
      }
      default -> throw wrongType(field, "a string", value);
    };
  }

  Double number(String key) {
    if (!has(key)) {
      return null;
    }
    JsonValue value = object.get(key);
    BigDecimal number;
    if (value.getValueType() == JsonValue.ValueType.NUMBER) {
      number = ((JsonNumber) value).bigDecimalValue();
    } else if (lenient && value.getValueType() == JsonValue.ValueType.STRING) {
      String text = ((JsonString) value).getString().trim();
      if (text.isEmpty()) {
        return null;
      }
      try {
        number = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new InvalidMetadataException(path(key) + " '" + text + "' is not a number");
      }
    } else {
      throw wrongType(path(key), "a number", value);
    }
    double result = number.doubleValue();
    if (!Double.isFinite(result)) {
      throw new InvalidMetadataException(path(key) + " must be a finite number");
    }
    return result;
  }

  boolean bool(String key) {
    if (!has(key)) {
      return false;
    }
    JsonValue value = object.get(key);
    return switch (value.getValueType()) {
      case TRUE -> true;
      case FALSE -> false;
      case STRING -> {
        String text = ((JsonString) value).getString();
        if (lenient && (text.equals("true") || text.equals("false"))) {
          yield Boolean.parseBoolean(text);
        }
        throw wrongType(path(key), "true or false", value);
      }
      default -> throw wrongType(path(key), "true or false", value);
    };
  }

  <E extends Enum<E>> E enumeration(String key, Class<E> type) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    throw new InvalidMetadataException(
        path(key) + " '" + text + "' must be one of " + String.join(", ", names));
  }

  List<String> strings(String key) {
    return list(key, (item, field) -> string(item, field, lenient));
  }

  /** A JSON array; each element read by the function, given its path. */
  <T> List<T> list(String key, BiFunction<JsonValue, String, T> element) {
    if (!has(key)) {
      return null;
    }
    JsonValue value = object.get(key);
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw wrongType(path(key), "an array", value);
    }
    JsonArray array = value.asJsonArray();
    if (array.size() > MetadataRules.MAX_ENTRIES) {
      throw new InvalidMetadataException(
          path(key) + " holds " + array.size() + " entries, at most " + MetadataRules.MAX_ENTRIES);
    }
    List<T> result = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonValue item = array.get(i);
      String field = path(key) + "[" + i + "]";
      if (item.getValueType() == JsonValue.ValueType.NULL) {
        throw new InvalidMetadataException(field + " is null");
      }
      result.add(element.apply(item, field));
    }
    return result;
  }

  JsonObject object(String key) {
    if (!has(key)) {
      return null;
    }
    JsonValue value = object.get(key);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw wrongType(path(key), "a JSON object", value);
    }
    return value.asJsonObject();
  }

  static InvalidMetadataException wrongType(String field, String expected, JsonValue value) {
    return new InvalidMetadataException(field + " must be " + expected + ", was " + kind(value));
  }

  static String kind(JsonValue value) {
    if (value == null) {
      return "absent";
    }
    return switch (value.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }
}
