package dev.setpoint.relay.infrastructure.weather;

import dev.setpoint.relay.domain.OutdoorWeather;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/**
 * Reads OpenWeatherMap's current-weather JSON strictly: {@code main.temp}, {@code main.humidity},
 * {@code weather[0].id} (with {@code weather[0].main}, optional) and {@code dt} must be there with
 * the right types and ranges; anything else is a {@link WeatherRequestRejectedException}, never a
 * zero.
 */
public final class OpenWeatherMapParser {
  private final WeatherCategories categories;

  public OpenWeatherMapParser(WeatherCategories categories) {
    this.categories = categories;
  }

  /** The weather in {@code body} for {@code site}, its age measured at {@code now}. */
  public OutdoorWeather parse(String site, String body, Instant now) {
    JsonObject root;
    try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      root = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw malformed("not a JSON object: " + e.getMessage(), e);
    }
    JsonObject main = object(root, "main", "main");
    double temperature = number(main, "temp", "main.temp").doubleValue();
    double humidity = number(main, "humidity", "main.humidity").doubleValue();
    if (!Double.isFinite(temperature) || temperature < -100 || temperature > 70) {
      throw malformed("main.temp out of range: " + temperature, null);
    }
    if (!(humidity >= 0 && humidity <= 100)) {
      throw malformed("main.humidity out of 0…100: " + humidity, null);
    }
    JsonValue weatherValue = root.get("weather");
    if (!(weatherValue instanceof JsonArray weather) || weather.isEmpty()) {
      throw malformed("weather: missing or not a non-empty array", null);
    }
    if (!(weather.get(0) instanceof JsonObject condition)) {
      throw malformed("weather[0]: not an object", null);
    }
    long code = integral(condition, "id", "weather[0].id");
    if (code < 0 || code > Integer.MAX_VALUE) {
      throw malformed("weather[0].id out of range: " + code, null);
    }
    int id = (int) code;
    String group = null;
    JsonValue groupValue = condition.get("main");
    if (groupValue instanceof JsonString s) {
      group = s.getString();
    } else if (groupValue != null && groupValue != JsonValue.NULL) {
      throw malformed("weather[0].main: not a string", null);
    }
    long dt = integral(root, "dt", "dt");
    if (dt <= 0) {
      throw malformed("dt: not a positive epoch second: " + dt, null);
    }
    return OutdoorWeather.observed(
        site,
        temperature,
        humidity,
        categories.category(id, group),
        Instant.ofEpochSecond(dt),
        OutdoorWeather.OPENWEATHERMAP,
        false,
        now);
  }

  private static JsonObject object(JsonObject parent, String key, String path) {
    if (parent.get(key) instanceof JsonObject object) {
      return object;
    }
    throw malformed(path + ": missing or not an object", null);
  }

  private static JsonNumber number(JsonObject parent, String key, String path) {
    if (parent.get(key) instanceof JsonNumber number) {
      return number;
    }
    throw malformed(path + ": missing or not a number", null);
  }

  private static long integral(JsonObject parent, String key, String path) {
    JsonNumber number = number(parent, key, path);
    try {
      return number.longValueExact();
    } catch (ArithmeticException e) {
      throw malformed(path + ": not an integer: " + number, e);
    }
  }

  private static WeatherRequestRejectedException malformed(String what, Throwable cause) {
    return new WeatherRequestRejectedException("malformed OpenWeatherMap answer: " + what, cause);
  }
}
