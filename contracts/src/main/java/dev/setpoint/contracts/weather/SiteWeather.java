package dev.setpoint.contracts.weather;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Random;

/**
 * Simulated outdoor weather, a function of the site (its name and coordinates) and the minute only:
 * the same site and minute give the same weather on every run and machine, in the relay (which
 * attaches it to telemetry when it has no weather service) and in the device agent (whose simulated
 * rooms feel it), so what a simulated room feels is what its telemetry says.
 *
 * <p>The climate is Gwangju's (35° N, humid subtropical): annual mean 14 °C, seasonal swing ±12.5
 * °C peaking in late July, daily swing ±4 °C peaking at 15:00 local solar time (from the site's
 * longitude), relative humidity around 71 % (wetter in summer, drier in the afternoon), rain more
 * likely in the summer monsoon, snow when it is below 1 °C. Southern-hemisphere sites get the
 * seasons the other way round. Noise comes from {@link Random} seeded by the site and the hour (or
 * three-hour block for the sky), interpolated between hours, so values change smoothly.
 */
public final class SiteWeather {
  private static final double MEAN_C = 14.0;
  private static final double SEASONAL_C = 12.5;
  private static final double DAILY_C = 4.0;
  private static final double HOTTEST_DAY_OF_YEAR = 208;
  private static final double HOTTEST_HOUR = 15;
  private static final double DAYS_PER_YEAR = 365.2425;

  /**
   * The weather of one minute at one site.
   *
   * @param temperatureC air temperature, °C, to 0.01
   * @param humidityPercent relative humidity, 15–100 %, to 0.1
   * @param category 1 clear, 2 few clouds, 3 clouds, 4 overcast, 5 mist, 6 drizzle, 7 rain, 8
   *     thunderstorm, 9 snow
   * @param minute the start of the minute these values hold for
   */
  public record Conditions(
      double temperatureC, double humidityPercent, int category, Instant minute) {}

  private SiteWeather() {}

  /**
   * The simulated weather at a site in the minute of {@code at}.
   *
   * @param site the site's name, as the relay's {@code setpoint.relay.weather.sites} names it: the
   *     name seeds the noise, so two sites at the same place have weather of their own
   * @param latitude degrees north (south of the equator the seasons turn round)
   * @param longitude degrees east (it sets the local solar time of the daily swing)
   */
  public static Conditions at(String site, double latitude, double longitude, Instant at) {
    Objects.requireNonNull(site, "site");
    Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
    double days = minute.getEpochSecond() / 86_400.0;
    // Day of the year from the epoch, good to a fraction of a day over centuries.
    double dayOfYear = ((days % DAYS_PER_YEAR) + DAYS_PER_YEAR) % DAYS_PER_YEAR;
    double season = Math.cos(2 * Math.PI * (dayOfYear - HOTTEST_DAY_OF_YEAR) / DAYS_PER_YEAR);
    if (latitude < 0) {
      season = -season;
    }
    double solarHour = (((days % 1) * 24 + longitude / 15) % 24 + 24) % 24;
    double daily = Math.cos(2 * Math.PI * (solarHour - HOTTEST_HOUR) / 24);

    long hour = Math.floorDiv(minute.getEpochSecond(), 3600);
    double withinHour = (minute.getEpochSecond() - hour * 3600) / 3600.0;
    double temperatureNoise = smoothNoise(site, latitude, longitude, hour, withinHour, 1) * 1.5;
    double humidityNoise = smoothNoise(site, latitude, longitude, hour, withinHour, 2) * 5;

    double temperature = MEAN_C + SEASONAL_C * season + DAILY_C * daily + temperatureNoise;
    double humidity = clamp(71 + 9 * season - 12 * daily + humidityNoise, 15, 100);

    Random sky = random(site, latitude, longitude, Math.floorDiv(hour, 3), 3);
    double rainChance = 0.15 + 0.15 * Math.max(season, 0);
    double draw = sky.nextDouble();
    int category;
    if (draw < rainChance) {
      double kind = sky.nextDouble();
      if (temperature < 1) {
        category = 9; // snow
      } else if (temperature > 20 && kind < 0.2) {
        category = 8; // thunderstorm
      } else {
        category = kind < 0.5 ? 6 : 7; // drizzle or rain
      }
    } else if (humidity > 90 && daily < 0) {
      category = 5; // morning mist
    } else {
      category = 1 + sky.nextInt(4); // clear, few clouds, clouds, overcast
    }
    return new Conditions(
        Math.round(temperature * 100) / 100.0, Math.round(humidity * 10) / 10.0, category, minute);
  }

  /** Gaussian noise per hour, linearly interpolated to the minute. */
  private static double smoothNoise(
      String site, double latitude, double longitude, long hour, double withinHour, int stream) {
    double from = random(site, latitude, longitude, hour, stream).nextGaussian();
    double to = random(site, latitude, longitude, hour + 1, stream).nextGaussian();
    return from + (to - from) * withinHour;
  }

  /** {@link Random}'s algorithm is fixed by its specification, so the sequence is too. */
  private static Random random(
      String site, double latitude, double longitude, long block, int stream) {
    long seed = Objects.hash(site, latitude, longitude, stream);
    return new Random(seed * 0x9E3779B97F4A7C15L + block);
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
