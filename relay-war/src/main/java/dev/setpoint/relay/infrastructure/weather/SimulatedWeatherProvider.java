package dev.setpoint.relay.infrastructure.weather;

import dev.setpoint.relay.domain.OutdoorWeather;
import dev.setpoint.relay.domain.Site;
import dev.setpoint.relay.domain.WeatherProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Random;

/**
 * Outdoor weather for offline use, a function of site and time only: the same site and minute give
 * the same weather on every run and machine. Every value is flagged {@code simulated} with source
 * {@value OutdoorWeather#SIMULATED}.
 *
 * <p>The climate is Gwangju's (35° N, humid subtropical): annual mean 14 °C, seasonal swing ±12.5
 * °C peaking in late July, daily swing ±4 °C peaking at 15:00 local solar time (from the site's
 * longitude), relative humidity around 71 % (wetter in summer, drier in the afternoon), rain more
 * likely in the summer monsoon, snow when it is below 1 °C. Southern-hemisphere sites get the
 * seasons the other way round. Noise comes from {@link Random} seeded by the site and the hour (or
 * three-hour block for the sky), interpolated between hours, so values change smoothly.
 */
@ApplicationScoped
@Typed(SimulatedWeatherProvider.class)
public class SimulatedWeatherProvider implements WeatherProvider {
  private static final double MEAN_C = 14.0;
  private static final double SEASONAL_C = 12.5;
  private static final double DAILY_C = 4.0;
  private static final double HOTTEST_DAY_OF_YEAR = 208;
  private static final double HOTTEST_HOUR = 15;
  private static final double DAYS_PER_YEAR = 365.2425;

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
  public OutdoorWeather weatherAt(Site site, Instant at) {
    Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
    double days = minute.getEpochSecond() / 86_400.0;
    // Day of the year from the epoch, good to a fraction of a day over centuries.
    double dayOfYear = ((days % DAYS_PER_YEAR) + DAYS_PER_YEAR) % DAYS_PER_YEAR;
    double season = Math.cos(2 * Math.PI * (dayOfYear - HOTTEST_DAY_OF_YEAR) / DAYS_PER_YEAR);
    if (site.latitude() < 0) {
      season = -season;
    }
    double solarHour = (((days % 1) * 24 + site.longitude() / 15) % 24 + 24) % 24;
    double daily = Math.cos(2 * Math.PI * (solarHour - HOTTEST_HOUR) / 24);

    long hour = Math.floorDiv(minute.getEpochSecond(), 3600);
    double withinHour = (minute.getEpochSecond() - hour * 3600) / 3600.0;
    double temperatureNoise = smoothNoise(site, hour, withinHour, 1) * 1.5;
    double humidityNoise = smoothNoise(site, hour, withinHour, 2) * 5;

    double temperature = MEAN_C + SEASONAL_C * season + DAILY_C * daily + temperatureNoise;
    double humidity = clamp(71 + 9 * season - 12 * daily + humidityNoise, 15, 100);

    Random sky = random(site, Math.floorDiv(hour, 3), 3);
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
    return new OutdoorWeather(
        site.name(),
        Math.round(temperature * 100) / 100.0,
        Math.round(humidity * 10) / 10.0,
        category,
        minute,
        OutdoorWeather.SIMULATED,
        false,
        Duration.between(minute, at),
        true);
  }

  /** Gaussian noise per hour, linearly interpolated to the minute. */
  private static double smoothNoise(Site site, long hour, double withinHour, int stream) {
    double from = random(site, hour, stream).nextGaussian();
    double to = random(site, hour + 1, stream).nextGaussian();
    return from + (to - from) * withinHour;
  }

  /** {@link Random}'s algorithm is fixed by its specification, so the sequence is too. */
  private static Random random(Site site, long block, int stream) {
    long seed = Objects.hash(site.name(), site.latitude(), site.longitude(), stream);
    return new Random(seed * 0x9E3779B97F4A7C15L + block);
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
