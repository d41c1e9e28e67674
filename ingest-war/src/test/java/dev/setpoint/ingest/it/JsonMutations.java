package dev.setpoint.ingest.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Systematic mutations of a valid JSON body: every field's path, and copies of the body with one
 * field removed or replaced. A path is a dotted name with {@code [i]} for array elements, e.g.
 * {@code [0].profile.deviceResources[0].properties.minimum}.
 */
final class JsonMutations {
  private JsonMutations() {}

  static JsonValue parse(String json) {
    return Json.createReader(new StringReader(json)).readValue();
  }

  /** Every path to an object field or array element below the root, parents first. */
  static List<String> paths(JsonValue root) {
    List<String> paths = new ArrayList<>();
    collect(root, "", paths);
    return paths;
  }

  private static void collect(JsonValue node, String path, List<String> paths) {
    if (node.getValueType() == JsonValue.ValueType.OBJECT) {
      for (String key : node.asJsonObject().keySet()) {
        String child = path.isEmpty() ? key : path + "." + key;
        paths.add(child);
        collect(node.asJsonObject().get(key), child, paths);
      }
    } else if (node.getValueType() == JsonValue.ValueType.ARRAY) {
      JsonArray array = node.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        String child = path + "[" + i + "]";
        paths.add(child);
        collect(array.get(i), child, paths);
      }
    }
  }

  /** The value at the path. */
  static JsonValue at(JsonValue root, String path) {
    JsonValue node = root;
    for (Object step : steps(path)) {
      node =
          step instanceof Integer i
              ? node.asJsonArray().get(i)
              : node.asJsonObject().get((String) step);
    }
    return node;
  }

  /** A copy with the field at the path removed. */
  static JsonValue remove(JsonValue root, String path) {
    return change(root, steps(path), 0, v -> null);
  }

  /** A copy with the field at the path replaced, or added when the object lacks it. */
  static JsonValue replace(JsonValue root, String path, JsonValue value) {
    return change(root, steps(path), 0, v -> value);
  }

  /** A value of another JSON kind than the given one. */
  static JsonValue otherKind(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> Json.createValue(7);
      case NUMBER -> Json.createValue("7");
      case TRUE, FALSE -> Json.createValue("true");
      case ARRAY -> JsonValue.EMPTY_JSON_OBJECT;
      case OBJECT -> JsonValue.EMPTY_JSON_ARRAY;
      case NULL -> Json.createValue(7);
    };
  }

  private static List<Object> steps(String path) {
    List<Object> steps = new ArrayList<>();
    for (String part : path.split("\\.")) {
      String name = part;
      int bracket = name.indexOf('[');
      String key = bracket < 0 ? name : name.substring(0, bracket);
      if (!key.isEmpty()) {
        steps.add(key);
      }
      while (bracket >= 0) {
        int close = name.indexOf(']', bracket);
        steps.add(Integer.parseInt(name.substring(bracket + 1, close)));
        bracket = name.indexOf('[', close);
      }
    }
    return steps;
  }

  private static JsonValue change(
      JsonValue node, List<Object> steps, int depth, UnaryOperator<JsonValue> change) {
    Object step = steps.get(depth);
    boolean last = depth == steps.size() - 1;
    if (step instanceof Integer index) {
      JsonArray array = node.asJsonArray();
      JsonArrayBuilder copy = Json.createArrayBuilder();
      for (int i = 0; i < array.size(); i++) {
        JsonValue item = array.get(i);
        if (i == index) {
          item = last ? change.apply(item) : change(item, steps, depth + 1, change);
        }
        if (item != null) {
          copy.add(item);
        }
      }
      return copy.build();
    }
    JsonObject object = node.asJsonObject();
    JsonObjectBuilder copy = Json.createObjectBuilder();
    for (var entry : object.entrySet()) {
      JsonValue value = entry.getValue();
      if (entry.getKey().equals(step)) {
        value = last ? change.apply(value) : change(value, steps, depth + 1, change);
      }
      if (value != null) {
        copy.add(entry.getKey(), value);
      }
    }
    if (last && !object.containsKey((String) step)) {
      JsonValue added = change.apply(null);
      if (added != null) {
        copy.add((String) step, added);
      }
    }
    return copy.build();
  }
}
