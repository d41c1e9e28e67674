package dev.setpoint.device.sim;

import dev.setpoint.contracts.weather.SiteWeather;
import dev.setpoint.model.sim.OutdoorSource;
import dev.setpoint.model.sim.Weather;
import java.time.Duration;
import java.time.Instant;

/**
 * The outdoor weather a simulated room feels: its site's, contracts' {@link SiteWeather}, which the
 * relay's simulated provider attaches to the site's telemetry, at the instant the room has reached
 * ({@code start} plus its simulated time). Every room of a site feels the same weather at the same
 * instant, and at speed 1 (the room's instant is the wall clock) the weather the relay reports.
 *
 * @param site the site's name as the relay knows it ({@link #relaySiteName})
 * @param latitude the site's, as the relay's {@code setpoint.relay.weather.sites} gives it
 * @param longitude likewise
 * @param start the wall-clock instant the room started at
 */
public record SiteOutdoor(String site, double latitude, double longitude, Instant start)
    implements OutdoorSource {
  /** The relay's default site's name unless {@code setpoint.relay.weather.sites} renames it. */
  public static final String RELAY_DEFAULT_SITE = "default";

  /**
   * The name the relay gives the site of a device labelled {@code site:<deviceSite>}: that name, or
   * for a device without a site (empty), or with a name the relay cannot configure (blank, padded,
   * with ':' or ','), its default site, {@value #RELAY_DEFAULT_SITE}. The relay also takes its
   * default site for a name it has not configured, which the agent cannot see: configure the site
   * in the relay.
   */
  public static String relaySiteName(String deviceSite) {
    boolean configurable =
        !deviceSite.isBlank()
            && deviceSite.equals(deviceSite.strip())
            && !deviceSite.contains(":")
            && !deviceSite.contains(",");
    return configurable ? deviceSite : RELAY_DEFAULT_SITE;
  }

  @Override
  public Weather at(Duration elapsed) {
    SiteWeather.Conditions now = SiteWeather.at(site, latitude, longitude, start.plus(elapsed));
    return new Weather(now.temperatureC(), now.humidityPercent(), now.category());
  }
}
