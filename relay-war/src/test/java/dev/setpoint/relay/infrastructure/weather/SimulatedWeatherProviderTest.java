package dev.setpoint.relay.infrastructure.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.weather.SiteWeather;
import dev.setpoint.relay.domain.OutdoorWeather;
import dev.setpoint.relay.domain.Site;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedWeatherProviderTest {
  private static final Site GWANGJU = new Site("gwangju", 35.1595, 126.8526);
  private final SimulatedWeatherProvider provider = new SimulatedWeatherProvider();

  @Test
  void theSameSiteAndMinuteGiveTheSameWeatherFromAnyInstance() {
    Instant at = Instant.parse("2026-07-28T06:30:15Z");
    OutdoorWeather first = provider.weatherAt(GWANGJU, at);
    OutdoorWeather again = new SimulatedWeatherProvider().weatherAt(GWANGJU, at.plusSeconds(30));

    assertEquals(first.temperatureC(), again.temperatureC());
    assertEquals(first.humidityPercent(), again.humidityPercent());
    assertEquals(first.category(), again.category());
    assertEquals(Instant.parse("2026-07-28T06:30:00Z"), first.observedAt());
    assertEquals(Duration.ofSeconds(15), first.age());
  }

  @Test
  void isContractsSiteWeatherTheDevicesSimulatedRoomsFeel() {
    Site sydney = new Site("sydney", -33.87, 151.21);
    for (Site site : new Site[] {GWANGJU, sydney, new Site("default", 35.1595, 126.8526)}) {
      for (Instant at = Instant.parse("2026-02-27T22:13:41Z");
          at.isBefore(Instant.parse("2026-03-02T00:00:00Z"));
          at = at.plusSeconds(3_607)) {
        OutdoorWeather weather = provider.weatherAt(site, at);
        SiteWeather.Conditions shared =
            SiteWeather.at(site.name(), site.latitude(), site.longitude(), at);
        assertEquals(shared.temperatureC(), weather.temperatureC());
        assertEquals(shared.humidityPercent(), weather.humidityPercent());
        assertEquals(shared.category(), weather.category());
        assertEquals(shared.minute(), weather.observedAt());
      }
    }
    // As the provider computed it before the function moved to contracts.
    OutdoorWeather pinned = provider.weatherAt(GWANGJU, Instant.parse("2026-07-28T06:30:15Z"));
    assertEquals(31.35, pinned.temperatureC());
    assertEquals(67.8, pinned.humidityPercent());
    assertEquals(3, pinned.category());
  }

  @Test
  void currentIsTheWeatherAtTheClocksTime() {
    Instant at = Instant.parse("2026-01-15T00:00:00Z");
    SimulatedWeatherProvider clocked =
        new SimulatedWeatherProvider(Clock.fixed(at, ZoneOffset.UTC));
    assertEquals(provider.weatherAt(GWANGJU, at), clocked.current(GWANGJU));
  }

  @Test
  void everyValueIsFlaggedSimulated() {
    OutdoorWeather weather = provider.weatherAt(GWANGJU, Instant.parse("2026-03-01T00:00:00Z"));
    assertTrue(weather.simulated());
    assertEquals("simulated", weather.source());
    assertFalse(weather.stale());
    assertEquals("gwangju", weather.site());
  }

  @Test
  void summerIsHotterThanWinterAndAfternoonsWarmerThanNights() {
    // 15:00 local solar time in Gwangju is about 06:30 UTC; 05:00 about 20:30 UTC the day before.
    double august = averageTemperature("2026-08-01T06:30:00Z");
    double january = averageTemperature("2026-01-20T06:30:00Z");
    assertTrue(august > 26 && august < 38, "August afternoon " + august);
    assertTrue(january > -6 && january < 9, "January afternoon " + january);
    double julyNight = averageTemperature("2026-07-20T20:30:00Z");
    assertTrue(averageTemperature("2026-07-21T06:30:00Z") - julyNight > 5, "daily swing");
  }

  @Test
  void theSouthernHemisphereHasTheSeasonsTheOtherWayRound() {
    Site sydney = new Site("sydney", -33.87, 151.21);
    double january =
        provider.weatherAt(sydney, Instant.parse("2026-01-20T04:00:00Z")).temperatureC();
    double july = provider.weatherAt(sydney, Instant.parse("2026-07-20T04:00:00Z")).temperatureC();
    assertTrue(january - july > 15, "January " + january + ", July " + july);
  }

  @Test
  void valuesStayInRangeChangeSmoothlyAndVaryAcrossSitesAndTime() {
    Set<Integer> categories = new HashSet<>();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    OutdoorWeather previous = provider.weatherAt(GWANGJU, start);
    for (int minutes = 1; minutes < 365 * 24 * 60; minutes += 10) {
      OutdoorWeather weather = provider.weatherAt(GWANGJU, start.plusSeconds(minutes * 60L));
      assertTrue(weather.humidityPercent() >= 15 && weather.humidityPercent() <= 100);
      assertTrue(weather.temperatureC() > -20 && weather.temperatureC() < 45);
      assertTrue(
          Math.abs(weather.temperatureC() - previous.temperatureC()) < 2,
          "10 minutes apart: " + previous + " → " + weather);
      categories.add(weather.category());
      previous = weather;
    }
    assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9), categories, "a year has every category");

    Site elsewhere = new Site("other", 35.1595, 126.8526);
    Instant at = Instant.parse("2026-05-05T05:05:00Z");
    assertNotEquals(
        provider.weatherAt(GWANGJU, at).temperatureC(),
        provider.weatherAt(elsewhere, at).temperatureC(),
        "each site has its own noise");
  }

  private double averageTemperature(String around) {
    Instant at = Instant.parse(around);
    double sum = 0;
    for (int day = -3; day <= 3; day++) {
      sum += provider.weatherAt(GWANGJU, at.plus(Duration.ofDays(day))).temperatureC();
    }
    return sum / 7;
  }
}
