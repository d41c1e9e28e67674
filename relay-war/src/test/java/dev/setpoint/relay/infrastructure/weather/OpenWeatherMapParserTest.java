package dev.setpoint.relay.infrastructure.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.relay.domain.OutdoorWeather;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenWeatherMapParserTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_764_316_900L);
  private final OpenWeatherMapParser parser = new OpenWeatherMapParser(new WeatherCategories());

  /** An answer as OpenWeatherMap sends it (Gwangju, 2025-11-28), trimmed of unused fields. */
  static final String GWANGJU =
      """
      {"coord":{"lon":126.8526,"lat":35.1595},
       "weather":[{"id":500,"main":"Rain","description":"light rain","icon":"10d"}],
       "base":"stations",
       "main":{"temp":8.72,"feels_like":6.9,"temp_min":8.72,"temp_max":8.72,"pressure":1021,"humidity":87},
       "visibility":10000,"wind":{"speed":3.09,"deg":290},"clouds":{"all":100},
       "dt":1764316800,"sys":{"country":"KR","sunrise":1764281632,"sunset":1764317690},
       "timezone":32400,"id":1841811,"name":"Gwangju","cod":200}
      """;

  @Test
  void readsTemperatureHumidityCategoryAndObservationTime() {
    OutdoorWeather weather = parser.parse("gwangju", GWANGJU, NOW);

    assertEquals("gwangju", weather.site());
    assertEquals(8.72, weather.temperatureC());
    assertEquals(87.0, weather.humidityPercent());
    assertEquals(7, weather.category());
    assertEquals(Instant.ofEpochSecond(1_764_316_800L), weather.observedAt());
    assertEquals(Duration.ofSeconds(100), weather.age());
    assertEquals("openweathermap", weather.source());
    assertFalse(weather.stale());
    assertFalse(weather.simulated());
  }

  @Test
  void negativeTemperaturesAndIntegralValuesAreKept() {
    String body =
        """
        {"weather":[{"id":600}],"main":{"temp":-3,"humidity":0},"dt":1764316800}""";
    OutdoorWeather weather = parser.parse("x", body, NOW);
    assertEquals(-3.0, weather.temperatureC());
    assertEquals(0.0, weather.humidityPercent());
    assertEquals(9, weather.category());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{\"main\":{\"temp\":8.7,\"humidity\":87},\"weather\":[{\"id\":500}],\"dt\":17643",
        "<html>502 Bad Gateway</html>",
        "null",
      })
  void malformedAnswersAreFailuresNotZeros(String body) {
    assertThrows(WeatherRequestRejectedException.class, () -> parser.parse("x", body, NOW));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"weather\":[{\"id\":500}],\"dt\":1764316800}",
        "{\"main\":{\"humidity\":87},\"weather\":[{\"id\":500}],\"dt\":1764316800}",
        "{\"main\":{\"temp\":8.7},\"weather\":[{\"id\":500}],\"dt\":1764316800}",
        "{\"main\":{\"temp\":null,\"humidity\":87},\"weather\":[{\"id\":500}],\"dt\":1764316800}",
        "{\"main\":{\"temp\":\"8.7\",\"humidity\":87},\"weather\":[{\"id\":500}],\"dt\":1764316800}",
        "{\"main\":{\"temp\":8.7,\"humidity\":87},\"dt\":1764316800}",
        "{\"main\":{\"temp\":8.7,\"humidity\":87},\"weather\":[],\"dt\":1764316800}",
        "{\"main\":{\"temp\":8.7,\"humidity\":87},\"weather\":[{\"main\":\"Rain\"}],\"dt\":1764316800}",
        "{\"main\":{\"temp\":8.7,\"humidity\":87},\"weather\":[{\"id\":500.5}],\"dt\":1764316800}",
        "{\"main\":{\"temp\":8.7,\"humidity\":87},\"weather\":[\"Rain\"],\"dt\":1764316800}",
        "{\"main\":{\"temp\":8.7,\"humidity\":87},\"weather\":[{\"id\":500,\"main\":7}],\"dt\":1}",
        "{\"main\":{\"temp\":8.7,\"humidity\":87},\"weather\":[{\"id\":500}]}",
        "{\"main\":{\"temp\":8.7,\"humidity\":87},\"weather\":[{\"id\":500}],\"dt\":0}",
        "{\"main\":{\"temp\":8.7,\"humidity\":187},\"weather\":[{\"id\":500}],\"dt\":1764316800}",
        "{\"main\":{\"temp\":-300,\"humidity\":87},\"weather\":[{\"id\":500}],\"dt\":1764316800}",
        "{\"main\":[8.7,87],\"weather\":[{\"id\":500}],\"dt\":1764316800}",
      })
  void incompleteOrWrongTypedAnswersAreFailures(String body) {
    WeatherRequestRejectedException e =
        assertThrows(WeatherRequestRejectedException.class, () -> parser.parse("x", body, NOW));
    assertTrue(e.getMessage().startsWith("malformed OpenWeatherMap answer: "), e.getMessage());
  }

  @Test
  void theFailureNamesTheFieldAtFault() {
    String body = "{\"main\":{\"temp\":8.7},\"weather\":[{\"id\":500}],\"dt\":1764316800}";
    WeatherRequestRejectedException e =
        assertThrows(WeatherRequestRejectedException.class, () -> parser.parse("x", body, NOW));
    assertTrue(e.getMessage().contains("main.humidity"), e.getMessage());
  }
}
