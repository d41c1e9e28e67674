package dev.setpoint.relay.infrastructure.weather;

import dev.setpoint.relay.config.WeatherConfig;
import dev.setpoint.relay.domain.Sites;
import dev.setpoint.relay.domain.WeatherProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Chooses the {@link WeatherProvider} by configuration only: {@code
 * setpoint.relay.weather.provider} is {@code simulated} or {@code openweathermap}; when unset,
 * OpenWeatherMap if an API key is configured, else simulated. Also makes the configured {@link
 * Sites}. Logs both at startup and fails the deployment on a value it does not know, rather than
 * guess.
 */
@ApplicationScoped
public class WeatherProviderSelector {
  private static final Logger LOG = Logger.getLogger(WeatherProviderSelector.class.getName());

  /** The providers there are. */
  public enum Choice {
    SIMULATED,
    OPENWEATHERMAP
  }

  private final Choice choice;
  private final Sites sites;

  @Inject
  public WeatherProviderSelector(WeatherConfig config) {
    this(config.provider, config.apiKey, config.sites);
  }

  WeatherProviderSelector(Optional<String> provider, Optional<String> apiKey, String sites) {
    this.choice = choose(provider, apiKey.filter(k -> !k.isBlank()).isPresent());
    this.sites = Sites.parse(sites);
  }

  /** For CDI's proxy only. */
  protected WeatherProviderSelector() {
    this.choice = null;
    this.sites = null;
  }

  /** The provider named, or by whether there is a key. */
  public static Choice choose(Optional<String> provider, boolean keyConfigured) {
    if (provider.isEmpty() || provider.get().isBlank()) {
      return keyConfigured ? Choice.OPENWEATHERMAP : Choice.SIMULATED;
    }
    return switch (provider.get().strip().toLowerCase(Locale.ROOT)) {
      case "simulated" -> Choice.SIMULATED;
      case "openweathermap" -> Choice.OPENWEATHERMAP;
      default ->
          throw new IllegalArgumentException(
              "setpoint.relay.weather.provider must be simulated or openweathermap, not '"
                  + provider.get()
                  + "'");
    };
  }

  @Produces
  @ApplicationScoped
  WeatherProvider weatherProvider(
      Instance<OpenWeatherMapProvider> openWeatherMap,
      Instance<SimulatedWeatherProvider> simulated) {
    return choice == Choice.OPENWEATHERMAP ? openWeatherMap.get() : simulated.get();
  }

  // Dependent, not application scoped: Sites is a final, immutable class that CDI cannot proxy,
  // and every injection point gets the same instance anyway.
  @Produces
  Sites sites() {
    return sites;
  }

  /** Which provider this relay uses. */
  public Choice choice() {
    return choice;
  }

  void announce(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    LOG.info(
        "outdoor weather: "
            + (choice == Choice.OPENWEATHERMAP
                ? "OpenWeatherMap"
                : "SIMULATED (flagged simulated in every value; set an API key for real weather)")
            + " for sites "
            + sites.all());
  }
}
