package dev.setpoint.relay.infrastructure.weather;

import dev.setpoint.contracts.weather.SiteWeather;
import dev.setpoint.relay.domain.OutdoorWeather;
import dev.setpoint.relay.domain.Site;
import dev.setpoint.relay.domain.WeatherProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Outdoor weather for offline use, a function of site and time only: the same site and minute give
 * the same weather on every run and machine. Every value is flagged {@code simulated} with source
 * {@value OutdoorWeather#SIMULATED}.
 *
 * <p>The weather is contracts' {@link SiteWeather} (its climate is described there), the one the
 * device agent's simulated rooms of the same site feel, so what a simulated room feels is what its
 * telemetry says.
 */
@ApplicationScoped
@Typed(SimulatedWeatherProvider.class)
public class SimulatedWeatherProvider implements WeatherProvider {
  private final Clock clock;

  public SimulatedWeatherProvider() {
    this(Clock.systemUTC());
  }

  SimulatedWeatherProvider(Clock clock) {
    this.clock = clock;
  }

  @Override
  public OutdoorWeather current(Site site) {
    return weatherAt(site, clock.instant());
  }

  /** The simulated weather at {@code site} in the minute of {@code at}, observed at that minute. */
  /** The weather of {@code time}'s minute: a simulated site's weather is known for any time. */
  @Override
  public Optional<OutdoorWeather> at(Site site, Instant time) {
    return Optional.of(weatherAt(site, time));
  }

  public OutdoorWeather weatherAt(Site site, Instant at) {
    SiteWeather.Conditions weather =
        SiteWeather.at(site.name(), site.latitude(), site.longitude(), at);
    return new OutdoorWeather(
        site.name(),
        weather.temperatureC(),
        weather.humidityPercent(),
        weather.category(),
        weather.minute(),
        OutdoorWeather.SIMULATED,
        false,
        Duration.between(weather.minute(), at),
        true);
  }
}
