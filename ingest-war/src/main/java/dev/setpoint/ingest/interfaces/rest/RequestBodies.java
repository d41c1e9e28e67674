package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.ingest.config.LimitsConfig;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Reads request bodies for the request readers and the v1 and upload endpoints: at most the
 * configured number of bytes (413 beyond), strict UTF-8, and strict JSON (a key given twice is
 * refused rather than one copy silently winning).
 */
final class RequestBodies {
  /** Deeper than this is no EdgeX body; refusing it keeps the recursion below shallow. */
  static final int MAX_DEPTH = 64;

  /**
   * Looked up once: each of {@code Json}'s static factory methods looks the provider up again
   * through the service loader, which in Liberty walks the application's and the features' class
   * loaders; on the event path that was about a tenth of the server's CPU (docs/benchmarks.md).
   */
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private static final JsonParserFactory JSON = PROVIDER.createParserFactory(Map.of());

  private RequestBodies() {}

  /**
   * {@code setpoint.ingest.limits.max-body-bytes} as configured, looked up on first use. The
   * request readers are JAX-RS providers, created by the runtime rather than by CDI, so they fetch
   * the typed configuration from CDI themselves, once a request runs in the application.
   */
  static IntSupplier configuredMaxBytes() {
    return new IntSupplier() {
      private volatile int maxBytes;

      @Override
      public int getAsInt() {
        int value = maxBytes;
        if (value == 0) {
          value = CDI.current().select(LimitsConfig.class).get().maxBodyBytes;
          maxBytes = value;
        }
        return value;
      }
    };
  }

  /** The body as text. */
  static String text(InputStream body, int maxBytes) {
    byte[] bytes;
    try {
      bytes = body.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new BadRequestBodyException(400, "request body could not be read: " + e.getMessage());
    }
    if (bytes.length > maxBytes) {
      throw new BadRequestBodyException(413, "request body exceeds " + maxBytes + " bytes");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadRequestBodyException(400, "request body is not valid UTF-8");
    }
  }

  /** The body as one JSON value. */
  static JsonValue json(InputStream body, int maxBytes) {
    return parse(text(body, maxBytes));
  }

  static JsonValue parse(String text) {
    if (text.isBlank()) {
      throw new BadRequestBodyException(400, "request body is empty; a JSON body is required");
    }
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      JsonValue value = value(parser, parser.next(), 1);
      // A reader stops after the first value; "{...}}" or "{...}{...}" is still not JSON.
      if (parser.hasNext()) {
        throw new BadRequestBodyException(
            400, "request body is not valid JSON: content follows the JSON value");
      }
      return value;
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      throw new BadRequestBodyException(400, "request body is not valid JSON: " + e.getMessage());
    }
  }

  /**
   * Builds the value from parser events, refusing a key given twice in one object (a reader keeps
   * the last copy silently, so {@code {"adminState":"LOCKED","adminState":"UNLOCKED"}} would mean
   * whatever the parser happens to do).
   */
  private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
    if (depth > MAX_DEPTH) {
      throw new BadRequestBodyException(
          400, "request body is not valid JSON: nested deeper than " + MAX_DEPTH + " levels");
    }
    return switch (event) {
      case START_OBJECT -> {
        JsonObjectBuilder object = PROVIDER.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        for (JsonParser.Event next = parser.next();
            next != JsonParser.Event.END_OBJECT;
            next = parser.next()) {
          String key = parser.getString();
          if (!keys.add(key)) {
            throw new BadRequestBodyException(
                400,
                "request body is not valid JSON: key '" + key + "' appears twice in an object");
          }
          object.add(key, value(parser, parser.next(), depth + 1));
        }
        yield object.build();
      }
      case START_ARRAY -> {
        JsonArrayBuilder array = PROVIDER.createArrayBuilder();
        for (JsonParser.Event next = parser.next();
            next != JsonParser.Event.END_ARRAY;
            next = parser.next()) {
          array.add(value(parser, next, depth + 1));
        }
        yield array.build();
      }
      case VALUE_STRING -> PROVIDER.createValue(parser.getString());
      case VALUE_NUMBER -> PROVIDER.createValue(parser.getBigDecimal());
      case VALUE_TRUE -> JsonValue.TRUE;
      case VALUE_FALSE -> JsonValue.FALSE;
      case VALUE_NULL -> JsonValue.NULL;
      default -> throw new BadRequestBodyException(400, "request body is not valid JSON");
    };
  }

  /**
   * The body as a JSON object with no other keys than {@code allowed}: 400 naming the first unknown
   * key, or saying it is not an object.
   */
  static JsonObject object(InputStream body, int maxBytes, Set<String> allowed) {
    JsonValue value = json(body, maxBytes);
    if (!(value instanceof JsonObject object)) {
      throw new BadRequestBodyException(400, "request body must be a JSON object");
    }
    for (String key : object.keySet()) {
      if (!allowed.contains(key)) {
        throw new BadRequestBodyException(
            400, key + ": unknown field (expected " + String.join(", ", allowed) + ")");
      }
    }
    return object;
  }

  /** The field's text, null when absent or null (the use case says whether it is required). */
  static String string(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString text)) {
      throw new BadRequestBodyException(400, field + ": must be a string");
    }
    return text.getString();
  }
}
