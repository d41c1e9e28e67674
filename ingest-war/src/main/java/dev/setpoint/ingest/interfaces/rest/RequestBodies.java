package dev.setpoint.ingest.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads request bodies for the metadata and command endpoints: at most the configured number of
 * bytes (413 beyond), strict UTF-8, and strict JSON (a key given twice is refused rather than one
 * copy silently winning).
 */
final class RequestBodies {
  private static final JsonReaderFactory JSON =
      Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  private RequestBodies() {}

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
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw new BadRequestBodyException(400, "request body is not valid JSON: " + e.getMessage());
    }
  }
}
