package dev.setpoint.relay.infrastructure.weather;

import dev.setpoint.relay.config.WeatherConfig;
import dev.setpoint.relay.domain.OutdoorWeather;
import dev.setpoint.relay.domain.Site;
import dev.setpoint.relay.domain.WeatherProvider;
import dev.setpoint.relay.domain.WeatherUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Current weather from OpenWeatherMap by a site's coordinates, cached per site, behind MicroProfile
 * Fault Tolerance. The API key comes only from configuration and is never logged; it travels in the
 * query string because that is the only place OpenWeatherMap reads it, so messages here never
 * include the request URL.
 *
 * <p>Fault tolerance, outermost first, each parameter overridable with MicroProfile Fault
 * Tolerance's key {@code dev.setpoint.relay.infrastructure.weather.OpenWeatherMapProvider/current/
 * <Annotation>/<parameter>}:
 *
 * <ul>
 *   <li>{@code Fallback}: the site's last known weather flagged stale with its age, or {@link
 *       WeatherUnavailableException} when there is none.
 *   <li>{@code Retry}: {@code maxRetries=2}, {@code delay=300} ms, {@code jitter=100} ms, {@code
 *       maxDuration=8000} ms; not on {@link WeatherRequestRejectedException} (401 and other 4xx
 *       except 429, malformed answers, no key).
 *   <li>{@code CircuitBreaker}: opens when 3 of the last 4 calls failed ({@code
 *       requestVolumeThreshold=4}, {@code failureRatio=0.75}), for {@code delay=60000} ms, closes
 *       after {@code successThreshold=1} good trial call.
 *   <li>{@code Timeout}: {@code value=2000} ms per attempt.
 * </ul>
 *
 * So a failing OpenWeatherMap costs a caller at most about 7 s (three attempts) before the fallback
 * answers, and nothing while the circuit is open.
 */
@ApplicationScoped
@Typed(OpenWeatherMapProvider.class)
public class OpenWeatherMapProvider implements WeatherProvider {
  private static final Logger LOG = Logger.getLogger(OpenWeatherMapProvider.class.getName());

  private final OpenWeatherMapClient client;
  private final Optional<String> apiKey;
  private final WeatherCache cache;
  private final OpenWeatherMapParser parser;
  private final Clock clock;

  @Inject
  public OpenWeatherMapProvider(WeatherConfig config) {
    this(
        RestClientBuilder.newBuilder()
            .baseUri(config.baseUrl)
            .connectTimeout(config.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(config.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            // Statuses are ours to sort into retried and not retried.
            .property("microprofile.rest.client.disable.default.mapper", true)
            .build(OpenWeatherMapClient.class),
        config.apiKey.map(String::strip).filter(k -> !k.isEmpty()),
        new WeatherCache(config.cacheTtl),
        new OpenWeatherMapParser(new WeatherCategories()),
        Clock.systemUTC());
    LOG.info(
        "OpenWeatherMap at "
            + config.baseUrl
            + ", API key "
            + (this.apiKey.isPresent() ? "configured" : "MISSING")
            + ", cache "
            + config.cacheTtl);
  }

  OpenWeatherMapProvider(
      OpenWeatherMapClient client,
      Optional<String> apiKey,
      WeatherCache cache,
      OpenWeatherMapParser parser,
      Clock clock) {
    this.client = client;
    this.apiKey = apiKey;
    this.cache = cache;
    this.parser = parser;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected OpenWeatherMapProvider() {
    this.client = null;
    this.apiKey = Optional.empty();
    this.cache = null;
    this.parser = null;
    this.clock = null;
  }

  @Override
  @Timeout(value = 2000, unit = ChronoUnit.MILLIS)
  @Retry(
      maxRetries = 2,
      delay = 300,
      jitter = 100,
      maxDuration = 8000,
      abortOn = WeatherRequestRejectedException.class)
  @CircuitBreaker(
      requestVolumeThreshold = 4,
      failureRatio = 0.75,
      delay = 60000,
      successThreshold = 1)
  @Fallback(fallbackMethod = "lastKnown")
  public OutdoorWeather current(Site site) {
    Instant now = clock.instant();
    Optional<OutdoorWeather> fresh = cache.fresh(site.name(), now);
    if (fresh.isPresent()) {
      return fresh.get();
    }
    OutdoorWeather fetched = fetch(site);
    cache.put(fetched, clock.instant());
    return fetched;
  }

  /** The fallback: the site's last known weather, stale, or no weather at all. */
  OutdoorWeather lastKnown(Site site) {
    return cache
        .lastKnown(site.name(), clock.instant())
        .orElseThrow(
            () ->
                new WeatherUnavailableException(
                    "no outdoor weather for site "
                        + site.name()
                        + ": OpenWeatherMap failed and nothing was fetched before",
                    null));
  }

  /** One request, its answer sorted into weather, a retried failure or a rejected request. */
  OutdoorWeather fetch(Site site) {
    String key =
        apiKey.orElseThrow(
            () ->
                new WeatherRequestRejectedException(
                    "no OpenWeatherMap API key configured (setpoint.relay.weather.openweathermap.api-key)"));
    int status;
    String body;
    try (Response response = client.current(site.latitude(), site.longitude(), "metric", key)) {
      status = response.getStatus();
      body = response.hasEntity() ? response.readEntity(String.class) : "";
    } catch (ProcessingException e) {
      // The cause's message may carry the request URL, hence the key: keep only its type.
      throw new WeatherSourceException(
          "OpenWeatherMap unreachable for site "
              + site.name()
              + ": "
              + (e.getCause() != null
                  ? e.getCause().getClass().getName()
                  : e.getClass().getName()));
    }
    if (status == 200) {
      return parser.parse(site.name(), body, clock.instant());
    }
    String what = "OpenWeatherMap answered " + status + " for site " + site.name();
    if (status == 429 || status >= 500) {
      throw new WeatherSourceException(what);
    }
    throw new WeatherRequestRejectedException(
        status == 401 ? what + ": the API key is missing, wrong or not yet active" : what);
  }
}
