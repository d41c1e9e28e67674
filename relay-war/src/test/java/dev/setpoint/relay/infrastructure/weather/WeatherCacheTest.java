package dev.setpoint.relay.infrastructure.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.relay.domain.OutdoorWeather;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WeatherCacheTest {
  private static final Instant OBSERVED = Instant.parse("2026-11-28T03:00:00Z");
  private static final Instant FETCHED = OBSERVED.plusSeconds(120);
  private final WeatherCache cache = new WeatherCache(Duration.ofMinutes(10));

  private static OutdoorWeather weather(String site) {
    return OutdoorWeather.observed(
        site, 8.5, 80, 4, OBSERVED, OutdoorWeather.OPENWEATHERMAP, false, FETCHED);
  }

  @Test
  void nothingIsKnownAtFirst() {
    assertTrue(cache.fresh("a", FETCHED).isEmpty());
    assertTrue(cache.lastKnown("a", FETCHED).isEmpty());
  }

  @Test
  void freshForTheTtlAfterTheFetchNotAfterTheObservation() {
    cache.put(weather("a"), FETCHED);

    OutdoorWeather fresh = cache.fresh("a", FETCHED.plusSeconds(599)).orElseThrow();
    assertFalse(fresh.stale());
    assertEquals(Duration.ofSeconds(120 + 599), fresh.age(), "age counts from the observation");
    assertTrue(cache.fresh("a", FETCHED.plusSeconds(600)).isEmpty());
  }

  @Test
  void theLastKnownValueIsServedStaleWithItsAgeForever() {
    cache.put(weather("a"), FETCHED);
    Instant muchLater = OBSERVED.plus(Duration.ofHours(5));

    OutdoorWeather stale = cache.lastKnown("a", muchLater).orElseThrow();
    assertTrue(stale.stale());
    assertEquals(Duration.ofHours(5), stale.age());
    assertEquals(8.5, stale.temperatureC());
    assertEquals(OBSERVED, stale.observedAt());
  }

  @Test
  void sitesAreKeptApartAndANewerFetchReplacesTheOld() {
    cache.put(weather("a"), FETCHED);
    assertTrue(cache.fresh("b", FETCHED).isEmpty());
    assertTrue(cache.lastKnown("b", FETCHED).isEmpty());

    OutdoorWeather newer =
        OutdoorWeather.observed(
            "a",
            9.5,
            70,
            1,
            OBSERVED.plusSeconds(600),
            OutdoorWeather.OPENWEATHERMAP,
            false,
            FETCHED.plusSeconds(700));
    cache.put(newer, FETCHED.plusSeconds(700));
    assertEquals(9.5, cache.lastKnown("a", FETCHED.plusSeconds(800)).orElseThrow().temperatureC());
    assertTrue(cache.fresh("a", FETCHED.plusSeconds(800)).isPresent());
  }

  @Test
  void aZeroTtlCachesNothingButStillRemembersTheLastValue() {
    WeatherCache none = new WeatherCache(Duration.ZERO);
    none.put(weather("a"), FETCHED);
    assertTrue(none.fresh("a", FETCHED).isEmpty());
    assertTrue(none.lastKnown("a", FETCHED).isPresent());
  }
}
