package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;

/**
 * A request's JSON object body, strictly read: at most {@code maxLength} characters, an object,
 * only the fields allowed; each field's value read as the type asked for. Every refusal is an
 * {@link InvalidHistoryRequestException} naming the field (400).
 */
final class JsonBody {
  private final JsonObject json;

  private JsonBody(JsonObject json) {
    this.json = json;
  }

  static JsonBody parse(String body, int maxLength, Set<String> allowed) {
    if (body == null || body.isBlank()) {
      throw new InvalidHistoryRequestException("body", "a JSON object body is required");
    }
    if (body.length() > maxLength) {
      throw new InvalidHistoryRequestException(
          "body", "the body is larger than " + maxLength + " characters");
    }
    JsonObject json;
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidHistoryRequestException("body", "the body must be a JSON object");
      }
      json = value.asJsonObject();
    } catch (JsonException e) {
      throw new InvalidHistoryRequestException(
          "body", "the body is not valid JSON: " + e.getMessage());
    }
    for (String field : json.keySet()) {
      if (!allowed.contains(field)) {
        throw new InvalidHistoryRequestException(
            field, "is not a field of this body (allowed: " + String.join(", ", allowed) + ")");
      }
    }
    return new JsonBody(json);
  }

  Optional<String> string(String field) {
    JsonValue v = json.get(field);
    if (v == null || v == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(v instanceof JsonString s)) {
      throw new InvalidHistoryRequestException(field, "must be a string");
    }
    return Optional.of(s.getString());
  }

  String requiredString(String field) {
    return string(field)
        .orElseThrow(() -> new InvalidHistoryRequestException(field, "is required"));
  }

  Optional<JsonNumber> number(String field) {
    JsonValue v = json.get(field);
    if (v == null || v == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(v instanceof JsonNumber n)) {
      throw new InvalidHistoryRequestException(field, "must be a number");
    }
    return Optional.of(n);
  }

  /** An integer field within {@code [min, max]}, or {@code fallback} when absent. */
  int integer(String field, int min, int max, int fallback) {
    Optional<JsonNumber> n = number(field);
    if (n.isEmpty()) {
      return fallback;
    }
    if (!n.get().isIntegral() || n.get().doubleValue() < min || n.get().doubleValue() > max) {
      throw new InvalidHistoryRequestException(
          field, "must be a whole number from " + min + " to " + max);
    }
    return n.get().intValue();
  }
}
