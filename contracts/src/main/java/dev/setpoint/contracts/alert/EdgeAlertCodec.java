package dev.setpoint.contracts.alert;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Turns {@link EdgeAlert}s into the JSON that travels on {@code Topics#ALERTS} (and to the edge's
 * LAN webhook) and back:
 *
 * <pre>
 * {"schemaVersion":1,"id":"…","kind":"inlet_high","severity":"critical","event":"raised",
 *  "room":"hall","site":"s1","value":32.4,"threshold":32.0,"message":"room hall: …",
 *  "start":"2026-12-03T10:00:00.123Z","at":"2026-12-03T10:00:00.123Z","hub":"s1"}
 * </pre>
 *
 * Codes as the API writes them ({@link AlertKind#code()}, {@link Severity#code()}, {@link
 * EdgeAlert.Event#code()}), times in ISO-8601; the kinds an edge raises: the room conditions and
 * {@link AlertKind#EDGE_BUFFER_FULL} (whose {@code room} is the hub's name, its subject); {@code
 * site}, {@code value} and {@code threshold} are left out when unknown. Decoding checks the schema
 * version and every required field, naming the field at fault. Thread-safe.
 */
public final class EdgeAlertCodec {
  /** The version written; decoding refuses any other. */
  public static final int SCHEMA_VERSION = 1;

  private final JsonProvider json = JsonProvider.provider();

  /** The alert change as JSON. */
  public String encode(EdgeAlert a) {
    JsonObjectBuilder o =
        json.createObjectBuilder()
            .add("schemaVersion", SCHEMA_VERSION)
            .add("id", a.id())
            .add("kind", a.kind().code())
            .add("severity", a.severity().code())
            .add("event", a.event().code())
            .add("room", a.room());
    if (a.site() != null) {
      o.add("site", a.site());
    }
    if (a.value() != null && Double.isFinite(a.value())) {
      o.add("value", a.value());
    }
    if (a.threshold() != null && Double.isFinite(a.threshold())) {
      o.add("threshold", a.threshold());
    }
    return o.add("message", a.message())
        .add("start", a.start().toString())
        .add("at", a.at().toString())
        .add("hub", a.hub())
        .build()
        .toString();
  }

  /**
   * Parses and checks one payload.
   *
   * @throws AlertFormatException naming the field at fault
   */
  public EdgeAlert decode(String payload) {
    if (payload == null || payload.isBlank()) {
      throw new AlertFormatException("empty edge alert payload");
    }
    JsonObject o;
    try (JsonReader reader = json.createReader(new StringReader(payload))) {
      o = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new AlertFormatException(
          "edge alert payload is not a JSON object: " + e.getMessage(), e);
    }
    int version = o.get("schemaVersion") instanceof JsonNumber n ? n.intValue() : -1;
    if (version != SCHEMA_VERSION) {
      throw new AlertFormatException(
          "schemaVersion "
              + o.get("schemaVersion")
              + " is not supported, expected "
              + SCHEMA_VERSION);
    }
    String kind = text(o, "kind", true);
    String severity = text(o, "severity", true);
    String event = text(o, "event", true);
    return new EdgeAlert(
        text(o, "id", true),
        AlertKind.fromCode(kind)
            .filter(k -> k.scope() == AlertKind.Scope.ROOM || k == AlertKind.EDGE_BUFFER_FULL)
            .orElseThrow(
                () ->
                    new AlertFormatException(
                        "kind '" + kind + "' is not a room condition or the edge's buffer volume")),
        Severity.fromCode(severity)
            .orElseThrow(() -> new AlertFormatException("severity '" + severity + "' is unknown")),
        EdgeAlert.Event.fromCode(event)
            .orElseThrow(() -> new AlertFormatException("event '" + event + "' is unknown")),
        text(o, "room", true),
        text(o, "site", false),
        number(o, "value"),
        number(o, "threshold"),
        text(o, "message", true),
        instant(o, "start"),
        instant(o, "at"),
        text(o, "hub", true));
  }

  private static String text(JsonObject o, String field, boolean required) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        throw new AlertFormatException(field + " is required");
      }
      return null;
    }
    if (!(v instanceof JsonString s) || (required && s.getString().isBlank())) {
      throw new AlertFormatException(field + " must be a non-empty string");
    }
    return s.getString();
  }

  private static Double number(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonNumber n)) {
      throw new AlertFormatException(field + " must be a number");
    }
    return n.doubleValue();
  }

  private static Instant instant(JsonObject o, String field) {
    String text = text(o, field, true);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new AlertFormatException(field + " must be an ISO-8601 instant: " + text, e);
    }
  }
}
