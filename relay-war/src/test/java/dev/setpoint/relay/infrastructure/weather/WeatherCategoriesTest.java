package dev.setpoint.relay.infrastructure.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeatherCategoriesTest {
  private final WeatherCategories categories = new WeatherCategories();

  @ParameterizedTest(name = "{0} ({1}) → {2}")
  @CsvSource({
    "800, Clear, 1",
    "801, Clouds, 2",
    "802, Clouds, 3",
    "803, Clouds, 3",
    "804, Clouds, 4",
    "701, Mist, 5",
    "711, Smoke, 5",
    "721, Haze, 5",
    "741, Fog, 5",
    "762, Ash, 5",
    "300, Drizzle, 6",
    "321, Drizzle, 6",
    "500, Rain, 7",
    "504, Rain, 7",
    "531, Rain, 7",
    "511, Rain, 9",
    "200, Thunderstorm, 8",
    "232, Thunderstorm, 8",
    "771, Squall, 8",
    "781, Tornado, 8",
    "600, Snow, 9",
    "622, Snow, 9",
  })
  void everyDocumentedCodeHasItsCategory(int id, String group, int expected) {
    assertEquals(expected, categories.category(id, group));
  }

  @ParameterizedTest(name = "unknown {0} in group {1} → {2}")
  @CsvSource({"599, Rain, 7", "699, snow, 9", "250, THUNDERSTORM, 8", "805, Clouds, 3"})
  void anUnknownCodeIsMappedByItsGroup(int id, String group, int expected) {
    assertEquals(expected, categories.category(id, group));
  }

  @ParameterizedTest(name = "unknown {0} in group {1} → unmapped")
  @CsvSource(
      value = {"999, Aurora", "0, null", "905, ''"},
      nullValues = "null")
  void anUnknownCodeAndGroupGetTheDefinedValueEveryTime(int id, String group) {
    assertEquals(WeatherCategories.UNMAPPED, categories.category(id, group));
    assertEquals(WeatherCategories.UNMAPPED, categories.category(id, group), "also when logged");
  }
}
