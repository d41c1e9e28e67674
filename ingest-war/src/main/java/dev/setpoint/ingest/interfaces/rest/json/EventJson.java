package dev.setpoint.ingest.interfaces.rest.json;

import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.ingest.application.InvalidEventException;
import dev.setpoint.ingest.application.InvalidMetadataException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Maps an EdgeX v3 AddEventRequest from JSON with the JSON types EdgeX requires: a reading's value
 * is a string ({@code "21.5"}, never {@code 21.5}), origins are integers, names are strings. A
 * general JSON binder would quietly turn {@code 21.5} or {@code true} into text; EdgeX's Go decoder
 * refuses them, and so does this. Fields EdgeX does not define are refused too.
 */
public final class EventJson {
  private static final Set<String> REQUEST = Set.of("apiVersion", "requestId", "event");
  private static final Set<String> EVENT =
      Set.of(
          "apiVersion",
          "id",
          "deviceName",
          "profileName",
          "sourceName",
          "origin",
          "readings",
          "tags");
  private static final Set<String> READING =
      Set.of(
          "id",
          "origin",
          "deviceName",
          "resourceName",
          "profileName",
          "valueType",
          "value",
          "units",
          "tags",
          "binaryValue",
          "mediaType",
          "objectValue");

  private EventJson() {}

  /**
   * The request, or a fault naming the field.
   *
   * @throws InvalidEventException wrong JSON type or unknown field
   */
  public static AddEventRequest read(JsonValue json) {
    try {
      JsonFields request = JsonFields.of(json, "", false, REQUEST);
      Event event = null;
      if (request.has("event")) {
        JsonFields e = JsonFields.of(request.raw("event"), "event", false, EVENT);
        event =
            new Event(
                e.string("apiVersion"),
                e.string("id"),
                e.string("deviceName"),
                e.string("profileName"),
                e.string("sourceName"),
                integer(e, "origin"),
                e.list("readings", EventJson::reading),
                tags(e));
      }
      return new AddEventRequest(request.string("apiVersion"), request.string("requestId"), event);
    } catch (InvalidMetadataException e) {
      throw new InvalidEventException(e.getMessage());
    }
  }

  private static Reading reading(JsonValue json, String path) {
    JsonFields r = JsonFields.of(json, path, false, READING);
    return new Reading(
        r.string("id"),
        integer(r, "origin"),
        r.string("deviceName"),
        r.string("resourceName"),
        r.string("profileName"),
        r.string("valueType"),
        r.string("value"),
        r.string("units"),
        tags(r));
  }

  /** An integer JSON number (no fraction); its range is the validator's to check. */
  private static BigInteger integer(JsonFields fields, String key) {
    JsonValue value = fields.raw(key);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      throw JsonFields.wrongType(fields.path(key), "an integer", value);
    }
    BigDecimal number = ((JsonNumber) value).bigDecimalValue();
    if (number.scale() > 0 && number.stripTrailingZeros().scale() > 0) {
      throw new InvalidEventException(
          fields.path(key) + " must be an integer epoch in nanoseconds, was " + number);
    }
    if (number.precision() - number.scale() > 40) {
      // far beyond int64; say so without building a huge BigInteger from 1e999999
      throw new InvalidEventException(
          fields.path(key) + " must be a positive int64 epoch in nanoseconds, was " + number);
    }
    return number.toBigIntegerExact();
  }

  /** EdgeX v3 tags are free-form; scalar values are kept as their text. */
  private static Map<String, String> tags(JsonFields fields) {
    JsonObject tags = fields.object("tags");
    if (tags == null) {
      return null;
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> tag : tags.entrySet()) {
      result.put(
          tag.getKey(),
          JsonFields.string(tag.getValue(), fields.path("tags") + "." + tag.getKey(), true));
    }
    return result;
  }
}
