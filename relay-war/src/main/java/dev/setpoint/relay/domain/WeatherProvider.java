package dev.setpoint.relay.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The current outdoor weather at a site. Implementations answer quickly (bounded by their own
 * timeouts) and never block the caller for long: forwarding must not wait on the weather.
 */
public interface WeatherProvider {

  /**
   * The current weather at {@code site}: fresh, or the last known value flagged {@link
   * OutdoorWeather#stale() stale} with its age when a fresh one cannot be had.
   *
   * @throws WeatherUnavailableException when there is no weather at all for the site (none was ever
   *     fetched and the source fails now); the caller forwards without weather
   */
  OutdoorWeather current(Site site);

  /**
   * The weather at {@code site} at {@code time}, where the source can say it for a moment gone by
   * (a simulated site's weather is a function of time, so a reading forwarded late still travels
   * with the weather of its own minute); empty for a live source, which knows only now.
   */
  default Optional<OutdoorWeather> at(Site site, Instant time) {
    return Optional.empty();
  }
}
