package dev.setpoint.ingest.interfaces.rest.json;

import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.ingest.application.InvalidMetadataException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads an EdgeX device profile written in YAML (the format EdgeX ships its profiles in): the
 * document becomes JSON and then the same {@link DeviceProfile} as a JSON profile, so both meet the
 * same checks. Duplicate keys, aliases beyond a handful and documents beyond the size limit are
 * refused, so a hostile file cannot blow up into a huge tree.
 */
public final class YamlProfiles {
  private static final int MAX_ALIASES = 10;

  private YamlProfiles() {}

  /**
   * Parses one profile.
   *
   * @param yaml the document
   * @param path field path prefix for messages
   * @throws InvalidMetadataException not YAML, not a profile, or a field of the wrong type
   */
  public static DeviceProfile parse(String yaml, String path) {
    return MetadataJson.profile(toJson(yaml, path), path, true);
  }

  /** The YAML document as a JSON value. */
  static JsonValue toJson(String yaml, String path) {
    LoadSettings settings =
        LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setLabel("profile")
            .build();
    Object document;
    try {
      document = new Load(settings).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new InvalidMetadataException(
          "the file is not a valid YAML document: " + oneLine(e.getMessage()));
    }
    if (document == null) {
      throw new InvalidMetadataException("the file is empty; it must hold one device profile");
    }
    return json(document, path);
  }

  private static JsonValue json(Object value, String field) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof String text) {
      return Json.createValue(text);
    }
    if (value instanceof Boolean bool) {
      return bool ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long) {
      return Json.createValue(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return Json.createValue(big);
    }
    if (value instanceof Double number) {
      if (!Double.isFinite(number)) {
        throw new InvalidMetadataException(field + " must be a finite number");
      }
      return Json.createValue(BigDecimal.valueOf(number));
    }
    if (value instanceof List<?> list) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      for (int i = 0; i < list.size(); i++) {
        array.add(json(list.get(i), field + "[" + i + "]"));
      }
      return array.build();
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new InvalidMetadataException(
              field + " has a key that is not a string: " + entry.getKey());
        }
        object.add(key, json(entry.getValue(), field.isEmpty() ? key : field + "." + key));
      }
      return object.build();
    }
    throw new InvalidMetadataException(
        field + " holds a YAML " + value.getClass().getSimpleName() + ", which a profile cannot");
  }

  /** The parser's message (with its line and column) on one line, short enough for a reply. */
  private static String oneLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.replaceAll("\\s+", " ").trim();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
