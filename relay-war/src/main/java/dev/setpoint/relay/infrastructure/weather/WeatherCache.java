package dev.setpoint.relay.infrastructure.weather;

import dev.setpoint.relay.domain.OutdoorWeather;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last good weather per site and when it was fetched. Fresh for {@code ttl} after the fetch
 * (not after OpenWeatherMap's observation time, which lags by minutes and would make every call a
 * fetch); after that, and for ever, it is still the last known value a fallback may serve as stale.
 */
public final class WeatherCache {
  private record Entry(OutdoorWeather weather, Instant fetchedAt) {}

  private final Duration ttl;
  private final Map<String, Entry> bySite = new ConcurrentHashMap<>();

  public WeatherCache(Duration ttl) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("cache TTL must not be negative: " + ttl);
    }
    this.ttl = ttl;
  }

  /** The site's weather if fetched less than the TTL before {@code now}, its age updated. */
  public Optional<OutdoorWeather> fresh(String site, Instant now) {
    Entry entry = bySite.get(site);
    if (entry == null || !now.isBefore(entry.fetchedAt().plus(ttl))) {
      return Optional.empty();
    }
    return Optional.of(entry.weather().at(now));
  }

  /** Keeps a good answer as the site's last known weather. */
  public void put(OutdoorWeather weather, Instant fetchedAt) {
    bySite.put(weather.site(), new Entry(weather, fetchedAt));
  }

  /** The site's last known weather, flagged stale with its age at {@code now}. */
  public Optional<OutdoorWeather> lastKnown(String site, Instant now) {
    Entry entry = bySite.get(site);
    return entry == null ? Optional.empty() : Optional.of(entry.weather().staleAt(now));
  }
}
