package dev.setpoint.contracts.telemetry;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads the JSON of a {@link TelemetryMessage} with a streaming JSON-P parser, into the same record
 * JSON-B would bind (members by name, unknown members ignored, a missing member null, or 0/false
 * for a primitive). Analytics reads every message of every hub: JSON-B's reflective binding was 28
 * % of its CPU samples at 20,000 messages/s, this reader about 7 % (docs/benchmarks.md). A number
 * may also be written as a string of one, as JSON-B reads it. A member of the wrong kind is refused
 * naming the member; {@link TelemetryCodec#decode} then checks the values. Thread-safe.
 */
final class TelemetryJsonReader {
  private final JsonParserFactory parsers = JsonProvider.provider().createParserFactory(Map.of());

  /**
   * The message the payload holds.
   *
   * @throws TelemetryFormatException when it is empty, not JSON, null, or a member is of the wrong
   *     kind
   */
  TelemetryMessage read(String json) {
    if (json == null || json.isBlank()) {
      throw new TelemetryFormatException("empty telemetry payload");
    }
    try (JsonParser parser = parsers.createParser(new StringReader(json))) {
      Event first = parser.next();
      if (first == Event.VALUE_NULL) {
        throw new TelemetryFormatException("telemetry payload is null");
      }
      if (first != Event.START_OBJECT) {
        throw new TelemetryFormatException("telemetry payload is not a JSON object");
      }
      TelemetryMessage message = message(parser);
      if (parser.hasNext()) {
        throw new TelemetryFormatException("telemetry payload has content after its object");
      }
      return message;
    } catch (JsonException | NoSuchElementException | IllegalStateException e) {
      throw new TelemetryFormatException(
          "telemetry payload is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static TelemetryMessage message(JsonParser p) {
    int schemaVersion = 0;
    String eventId = null;
    String device = null;
    String profile = null;
    String source = null;
    long origin = 0;
    List<TelemetryReading> readings = null;
    String site = null;
    OutdoorConditions outdoor = null;
    Double setpoint = null;
    Long receivedAt = null;
    String room = null;
    while (member(p)) {
      String name = p.getString();
      Event value = p.next();
      switch (name) {
        case "schemaVersion" -> schemaVersion = small(integer(p, value, name, 0), name);
        case "eventId" -> eventId = string(p, value, name);
        case "device" -> device = string(p, value, name);
        case "profile" -> profile = string(p, value, name);
        case "source" -> source = string(p, value, name);
        case "origin" -> origin = integer(p, value, name, 0);
        case "readings" -> readings = readings(p, value);
        case "site" -> site = string(p, value, name);
        case "outdoor" -> outdoor = outdoor(p, value);
        case "setpoint" -> setpoint = number(p, value, name);
        case "receivedAt" ->
            receivedAt = value == Event.VALUE_NULL ? null : integer(p, value, name, 0);
        case "room" -> room = string(p, value, name);
        default -> skip(p, value);
      }
    }
    return new TelemetryMessage(
        schemaVersion,
        eventId,
        device,
        profile,
        source,
        origin,
        readings,
        site,
        outdoor,
        setpoint,
        receivedAt,
        room);
  }

  private static List<TelemetryReading> readings(JsonParser p, Event value) {
    if (value == Event.VALUE_NULL) {
      return null;
    }
    if (value != Event.START_ARRAY) {
      throw new TelemetryFormatException("readings must be an array");
    }
    List<TelemetryReading> readings = new ArrayList<>(4);
    for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
      if (e == Event.VALUE_NULL) {
        readings.add(null);
      } else if (e == Event.START_OBJECT) {
        readings.add(reading(p, readings.size()));
      } else {
        throw new TelemetryFormatException("readings[" + readings.size() + "] must be an object");
      }
    }
    return readings;
  }

  private static TelemetryReading reading(JsonParser p, int index) {
    String resource = null;
    Double value = null;
    String units = null;
    try {
      while (member(p)) {
        String name = p.getString();
        Event e = p.next();
        switch (name) {
          case "resource" -> resource = string(p, e, name);
          case "value" -> value = number(p, e, name);
          case "units" -> units = string(p, e, name);
          default -> skip(p, e);
        }
      }
    } catch (MemberException e) {
      throw new TelemetryFormatException("readings[" + index + "]." + e.getMessage(), e);
    }
    return new TelemetryReading(resource, value, units);
  }

  private static OutdoorConditions outdoor(JsonParser p, Event value) {
    if (value == Event.VALUE_NULL) {
      return null;
    }
    if (value != Event.START_OBJECT) {
      throw new TelemetryFormatException("outdoor must be an object");
    }
    Double temperature = null;
    Double humidity = null;
    Integer category = null;
    long observedAt = 0;
    String source = null;
    boolean stale = false;
    long ageSeconds = 0;
    boolean simulated = false;
    try {
      while (member(p)) {
        String name = p.getString();
        Event e = p.next();
        switch (name) {
          case "temperature" -> temperature = number(p, e, name);
          case "humidity" -> humidity = number(p, e, name);
          case "category" ->
              category = e == Event.VALUE_NULL ? null : small(integer(p, e, name, 0), name);
          case "observedAt" -> observedAt = integer(p, e, name, 0);
          case "source" -> source = string(p, e, name);
          case "stale" -> stale = bool(p, e, name);
          case "ageSeconds" -> ageSeconds = integer(p, e, name, 0);
          case "simulated" -> simulated = bool(p, e, name);
          default -> skip(p, e);
        }
      }
    } catch (MemberException e) {
      throw new TelemetryFormatException("outdoor." + e.getMessage(), e);
    }
    return new OutdoorConditions(
        temperature, humidity, category, observedAt, source, stale, ageSeconds, simulated);
  }

  /** Advances to the next member's name; false at the end of the object. */
  private static boolean member(JsonParser p) {
    Event e = p.next();
    if (e == Event.KEY_NAME) {
      return true;
    }
    if (e == Event.END_OBJECT) {
      return false;
    }
    throw new TelemetryFormatException("telemetry payload is not valid JSON: unexpected " + e);
  }

  private static void skip(JsonParser p, Event value) {
    if (value == Event.START_OBJECT) {
      p.skipObject();
    } else if (value == Event.START_ARRAY) {
      p.skipArray();
    }
  }

  private static String string(JsonParser p, Event value, String field) {
    return switch (value) {
      case VALUE_NULL -> null;
      case VALUE_STRING -> p.getString();
      default -> throw new MemberException(field + " must be a string");
    };
  }

  private static Double number(JsonParser p, Event value, String field) {
    return switch (value) {
      case VALUE_NULL -> null;
      case VALUE_NUMBER -> Double.parseDouble(p.getString());
      case VALUE_STRING -> parseDouble(p.getString(), field);
      default -> throw new MemberException(field + " must be a number");
    };
  }

  private static long integer(JsonParser p, Event value, String field, long ifNull) {
    try {
      return switch (value) {
        case VALUE_NULL -> ifNull;
        case VALUE_NUMBER -> {
          if (!p.isIntegralNumber()) {
            throw new MemberException(field + " must be a whole number");
          }
          yield Long.parseLong(p.getString());
        }
        case VALUE_STRING -> Long.parseLong(p.getString().strip());
        default -> throw new MemberException(field + " must be a whole number");
      };
    } catch (NumberFormatException e) {
      throw new MemberException(field + " must be a whole number");
    }
  }

  private static boolean bool(JsonParser p, Event value, String field) {
    return switch (value) {
      case VALUE_NULL, VALUE_FALSE -> false;
      case VALUE_TRUE -> true;
      case VALUE_STRING -> Boolean.parseBoolean(p.getString());
      default -> throw new MemberException(field + " must be true or false");
    };
  }

  private static Double parseDouble(String text, String field) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new MemberException(field + " must be a number");
    }
  }

  private static int small(long value, String field) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new MemberException(field + " must be a whole number");
    }
    return (int) value;
  }

  /**
   * A member of the wrong kind, named by its own name; a nested object's reader adds its path
   * ({@code outdoor.}, {@code readings[i].}).
   */
  private static final class MemberException extends TelemetryFormatException {
    MemberException(String message) {
      super(message);
    }
  }
}
