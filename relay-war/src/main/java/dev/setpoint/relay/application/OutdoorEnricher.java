package dev.setpoint.relay.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.relay.domain.OutdoorWeather;
import dev.setpoint.relay.domain.Site;
import dev.setpoint.relay.domain.Sites;
import dev.setpoint.relay.domain.WeatherProvider;
import dev.setpoint.relay.domain.WeatherUnavailableException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The site and outdoor weather attached to each telemetry message. The weather never holds an event
 * back: with none to be had, the message goes without it ({@code outdoor} null) and analytics
 * records the indoor readings alone. One instance serves one forwarding round, so a site's weather
 * is asked for once per round, not once per event.
 */
final class OutdoorEnricher {
  private static final Logger LOG = Logger.getLogger(OutdoorEnricher.class.getName());

  private final WeatherProvider weather;
  private final Sites sites;
  private final Map<String, Optional<OutdoorConditions>> perSite = new HashMap<>();

  OutdoorEnricher(WeatherProvider weather, Sites sites) {
    this.weather = weather;
    this.sites = sites;
  }

  /**
   * The event's site, as ingest stored it from the device's {@code site:<name>} label; the default
   * site for an event without one.
   */
  Site site(BufferedEvent event) {
    return sites.forName(event.site());
  }

  /** The site's weather for this round, or empty when none can be had. */
  Optional<OutdoorConditions> outdoor(Site site) {
    return perSite.computeIfAbsent(site.name(), name -> fetch(site));
  }

  /**
   * The site's weather at {@code time} (the reading's), where the provider knows it for that moment
   * (a simulated site: the weather the simulated rooms of the site felt then); else this round's,
   * as {@link #outdoor(Site)}.
   */
  Optional<OutdoorConditions> outdoor(Site site, Instant time) {
    try {
      Optional<OutdoorWeather> then = weather.at(site, time);
      if (then.isPresent()) {
        return Optional.of(conditions(then.get()));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the weather provider failed for site " + site.name(), e);
    }
    return outdoor(site);
  }

  private Optional<OutdoorConditions> fetch(Site site) {
    try {
      return Optional.of(conditions(weather.current(site)));
    } catch (WeatherUnavailableException e) {
      LOG.log(Level.FINE, "no weather yet for site " + site.name(), e);
      return Optional.empty();
    } catch (RuntimeException e) {
      // A provider bug must not stop the edge from forwarding.
      LOG.log(Level.WARNING, "the weather provider failed for site " + site.name(), e);
      return Optional.empty();
    }
  }

  static OutdoorConditions conditions(OutdoorWeather w) {
    return new OutdoorConditions(
        w.temperatureC(),
        w.humidityPercent(),
        w.category(),
        w.observedAt().toEpochMilli(),
        w.source(),
        w.stale(),
        w.age().toSeconds(),
        w.simulated());
  }
}
