package dev.setpoint.relay.config;

import dev.setpoint.relay.domain.Sites;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Outdoor weather (README, "Outdoor weather"): which provider, OpenWeatherMap's address, key and
 * timeouts, the cache, and the sites. The fault tolerance of the OpenWeatherMap call has
 * MicroProfile Fault Tolerance's own keys ({@code
 * dev.setpoint.relay.infrastructure.weather.OpenWeatherMapProvider/current/<Annotation>/<param>}).
 */
@Dependent
public class WeatherConfig {

  /**
   * {@code simulated} or {@code openweathermap}; unset means openweathermap when an API key is
   * configured, else simulated (flagged in every value).
   */
  @Inject
  @ConfigProperty(name = "setpoint.relay.weather.provider")
  public Optional<String> provider;

  /**
   * No default, never in a file of the repository: {@code
   * SETPOINT_RELAY_WEATHER_OPENWEATHERMAP_API_KEY} (a Kubernetes Secret in the cluster). Never
   * logged.
   */
  @Inject
  @ConfigProperty(name = "setpoint.relay.weather.openweathermap.api-key")
  public Optional<String> apiKey;

  @Inject
  @ConfigProperty(
      name = "setpoint.relay.weather.openweathermap.base-url",
      defaultValue = "https://api.openweathermap.org")
  public URI baseUrl;

  @Inject
  @ConfigProperty(
      name = "setpoint.relay.weather.openweathermap.connect-timeout",
      defaultValue = "PT2S")
  public Duration connectTimeout;

  @Inject
  @ConfigProperty(
      name = "setpoint.relay.weather.openweathermap.read-timeout",
      defaultValue = "PT2.5S")
  public Duration readTimeout;

  /** A site's weather is fetched at most once per TTL (10 min, OpenWeatherMap's update rate). */
  @Inject
  @ConfigProperty(name = "setpoint.relay.weather.cache-ttl", defaultValue = "PT10M")
  public Duration cacheTtl;

  /** Sites as {@code name:latitude:longitude}, comma separated; the first is the default. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.weather.sites", defaultValue = Sites.DEFAULT_SPEC)
  public String sites;
}
