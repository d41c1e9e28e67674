package dev.setpoint.contracts.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteWeatherTest {
  /**
   * Values the relay's SimulatedWeatherProvider gave before the function moved here: a change of
   * any of them changes the weather of every recorded simulated run.
   */
  @ParameterizedTest
  @CsvSource({
    "default, 35.1595, 126.8526, 2026-07-28T06:30:15Z, 29.86, 63.8, 6",
    "default, 35.1595, 126.8526, 2026-01-15T00:00:00Z, -0.14, 66.3, 3",
    "default, 35.1595, 126.8526, 2026-03-01T12:59:59.999Z, 2.46, 69.5, 3",
    "default, 35.1595, 126.8526, 1969-12-31T23:59:30Z, -0.53, 70.1, 2",
    "default, 35.1595, 126.8526, 2027-11-05T21:07:00Z, 8.66, 80.1, 3",
    "gwangju, 35.1595, 126.8526, 2026-07-28T06:30:15Z, 31.35, 67.8, 3",
    "gwangju, 35.1595, 126.8526, 2026-01-15T00:00:00Z, 0.79, 67.4, 4",
    "gwangju, 35.1595, 126.8526, 2027-11-05T21:07:00Z, 9.47, 71.8, 1",
    "sydney, -33.87, 151.21, 2026-07-28T06:30:15Z, 5.41, 52.2, 6",
    "sydney, -33.87, 151.21, 2026-01-15T00:00:00Z, 25.1, 78.6, 8",
    "sydney, -33.87, 151.21, 2026-03-01T12:59:59.999Z, 22.98, 80.1, 7",
    "lab, 0, -0.5, 2026-03-01T12:59:59.999Z, 9.54, 54.0, 2",
    "lab, 0, -0.5, 2027-11-05T21:07:00Z, 10.7, 67.9, 4",
  })
  void givesTheRelaysRecordedValues(
      String site,
      double latitude,
      double longitude,
      String at,
      double temperatureC,
      double humidityPercent,
      int category) {
    SiteWeather.Conditions weather = SiteWeather.at(site, latitude, longitude, Instant.parse(at));
    assertEquals(temperatureC, weather.temperatureC());
    assertEquals(humidityPercent, weather.humidityPercent());
    assertEquals(category, weather.category());
  }

  @Test
  void holdsForTheWholeMinute() {
    SiteWeather.Conditions start =
        SiteWeather.at("default", 35.1595, 126.8526, Instant.parse("2026-07-28T06:30:00Z"));
    SiteWeather.Conditions end =
        SiteWeather.at("default", 35.1595, 126.8526, Instant.parse("2026-07-28T06:30:59.999Z"));
    assertEquals(start, end);
    assertEquals(Instant.parse("2026-07-28T06:30:00Z"), end.minute());
  }

  @Test
  void eachSiteHasItsOwnNoiseAndAYearHasEveryCategory() {
    Instant at = Instant.parse("2026-05-05T05:05:00Z");
    assertNotEquals(
        SiteWeather.at("default", 35.1595, 126.8526, at).temperatureC(),
        SiteWeather.at("other", 35.1595, 126.8526, at).temperatureC());
    Set<Integer> categories = new HashSet<>();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int minutes = 1; minutes < 365 * 24 * 60; minutes += 10) {
      SiteWeather.Conditions w =
          SiteWeather.at("gwangju", 35.1595, 126.8526, start.plusSeconds(minutes * 60L));
      assertTrue(w.humidityPercent() >= 15 && w.humidityPercent() <= 100, w.toString());
      categories.add(w.category());
    }
    assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9), categories);
  }
}
