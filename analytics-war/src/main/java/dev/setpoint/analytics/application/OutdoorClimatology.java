package dev.setpoint.analytics.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The outdoor conditions a room usually has at each hour of the day, learnt from the conditions its
 * telemetry carried: what stands in for the weather feed once an outage outlasts the hold of the
 * last known value.
 *
 * <p>Twenty-four hourly buckets (by UTC hour, which is one fixed offset from the site's local
 * hour). Each reading is added to its hour's running sum; when the hour is over, its mean joins the
 * bucket's profile as an exponentially weighted mean with weight {@value #WEIGHT} (about the last
 * five days, so the profile follows the season). A bucket is usable once one whole hour was seen in
 * it; {@link #at} is then that bucket's profile, else empty. Not thread-safe: one per room, guarded
 * by its owner; 24 × 5 numbers of memory.
 */
final class OutdoorClimatology {
  /** The weight of a new day's hourly mean in the profile. */
  static final double WEIGHT = 0.2;

  private static final int HOURS = 24;
  private final double[] temperatureC = new double[HOURS];
  private final double[] humidityPct = new double[HOURS];
  private final boolean[] known = new boolean[HOURS];
  private long openHour = Long.MIN_VALUE;
  private double sumTemperature;
  private double sumHumidity;
  private int count;

  /** One reading of the outdoor conditions at {@code time}. */
  void observe(Instant time, double temperature, double humidity) {
    long hour = Math.floorDiv(time.getEpochSecond(), Duration.ofHours(1).toSeconds());
    if (hour != openHour) {
      close();
      openHour = hour;
    }
    sumTemperature += temperature;
    sumHumidity += humidity;
    count++;
  }

  /** Folds the hour being collected into its bucket. */
  private void close() {
    if (count == 0) {
      return;
    }
    int bucket = (int) Math.floorMod(openHour, HOURS);
    double t = sumTemperature / count;
    double h = sumHumidity / count;
    if (known[bucket]) {
      temperatureC[bucket] += WEIGHT * (t - temperatureC[bucket]);
      humidityPct[bucket] += WEIGHT * (h - humidityPct[bucket]);
    } else {
      temperatureC[bucket] = t;
      humidityPct[bucket] = h;
      known[bucket] = true;
    }
    sumTemperature = 0;
    sumHumidity = 0;
    count = 0;
  }

  /**
   * The usual conditions at {@code time}'s hour of the day: {@code [temperature °C, humidity %]},
   * or empty while no whole hour was seen at that hour.
   */
  Optional<double[]> at(Instant time) {
    long hour = Math.floorDiv(time.getEpochSecond(), Duration.ofHours(1).toSeconds());
    if (hour != openHour) {
      close();
      openHour = hour;
    }
    int bucket = (int) Math.floorMod(hour, HOURS);
    return known[bucket]
        ? Optional.of(new double[] {temperatureC[bucket], humidityPct[bucket]})
        : Optional.empty();
  }
}
