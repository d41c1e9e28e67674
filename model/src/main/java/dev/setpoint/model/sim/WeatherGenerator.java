package dev.setpoint.model.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hourly outdoor weather for a site, drawn day by day from its monthly normals and a seed; values
 * between hours are interpolated linearly. Day 0 is 1 January (local time); after day 364 the
 * normals repeat. The equations are in model/README.md ("Weather generator").
 *
 * <p>Not thread-safe: days are generated on demand, in order, so a seed gives one year. Only the
 * last {@value #DAYS_KEPT} days are kept (a simulated room holds one generator, and a fleet holds a
 * thousand rooms); asking for an earlier day generates the year again from its seed.
 */
public final class WeatherGenerator {
  /** Hourly persistence of the synoptic temperature anomaly (e-folding time of two days). */
  private static final double ANOMALY_PHI = Math.exp(-1.0 / 48.0);

  private static final double ANOMALY_SD_C = 2.5;
  private static final double DEW_PHI = Math.exp(-1.0 / 24.0);
  private static final double DEW_SD_C = 1.5;
  private static final double PEAK_HOUR = 15.0;

  /** Days kept: an hour and the next one may fall on two days, and one more spares a restart. */
  static final int DAYS_KEPT = 3;

  private final SiteClimate site;
  private final long seed;
  private SplittableRandom random;
  // the kept days, firstDay first; nextDay is the next one to generate
  private final List<double[]> temperature = new ArrayList<>();
  private final List<double[]> humidity = new ArrayList<>();
  private final List<int[]> category = new ArrayList<>();
  private int firstDay;
  private int nextDay;
  private double anomaly;
  private double dewAnomaly;
  private boolean wet;

  public WeatherGenerator(SiteClimate site, long seed) {
    this.site = site;
    this.seed = seed;
    restart();
  }

  /** Back to day 0 and the seed's first draw. */
  private void restart() {
    random = new SplittableRandom(seed);
    anomaly = ANOMALY_SD_C * random.nextGaussian();
    dewAnomaly = 0;
    wet = false;
    temperature.clear();
    humidity.clear();
    category.clear();
    firstDay = 0;
    nextDay = 0;
  }

  public SiteClimate site() {
    return site;
  }

  /** The weather at {@code sinceNewYear} after local midnight of 1 January. */
  public Weather at(Duration sinceNewYear) {
    double hours = sinceNewYear.toMillis() / 3_600_000.0;
    if (hours < 0) {
      throw new IllegalArgumentException("the weather starts at day 0: " + sinceNewYear);
    }
    long h0 = (long) Math.floor(hours);
    double f = hours - h0;
    double t = lerp(value(temperature, h0), value(temperature, h0 + 1), f);
    double rh = lerp(value(humidity, h0), value(humidity, h0 + 1), f);
    int day = (int) (h0 / 24);
    ensureDay(day);
    return new Weather(t, rh, category.get(day - firstDay)[(int) (h0 % 24)]);
  }

  private double value(List<double[]> hourly, long hour) {
    int day = (int) (hour / 24);
    ensureDay(day);
    return hourly.get(day - firstDay)[(int) (hour % 24)];
  }

  private static double lerp(double a, double b, double f) {
    return a + f * (b - a);
  }

  private void ensureDay(int day) {
    if (day < firstDay) {
      restart();
    }
    while (nextDay <= day) {
      generateDay(nextDay++);
      if (temperature.size() > DAYS_KEPT) {
        temperature.remove(0);
        humidity.remove(0);
        category.remove(0);
        firstDay++;
      }
    }
  }

  private void generateDay(int day) {
    int dayOfYear = day % 365;
    int month = SiteClimate.monthOf(dayOfYear);
    double mid = dayOfYear + 0.5;
    double max = SiteClimate.interpolate(site.meanMaxC(), mid);
    double min = SiteClimate.interpolate(site.meanMinC(), mid);
    double meanRh = SiteClimate.interpolate(site.relativeHumidityPct(), mid);
    double wetShare = Math.min(0.95, site.wetDays()[month] / SiteClimate.daysInMonth(month));

    // Wet and dry days as a two-state Markov chain whose stationary share of wet days is the
    // month's normal; wet days follow wet days more often than the share alone would say.
    double stayWet = Math.min(0.9, wetShare + 0.25);
    double turnWet = wetShare * (1 - stayWet) / (1 - wetShare);
    wet = random.nextDouble() < (wet ? stayWet : turnWet);
    double mean = (max + min) / 2;
    int sky; // the category of the day's dry hours
    double amplitudeFactor;
    if (wet) {
      sky = 4;
      amplitudeFactor = 0.5;
    } else {
      double u = random.nextDouble();
      sky = u < 0.35 ? 1 : u < 0.55 ? 2 : u < 0.85 ? 3 : 4;
      amplitudeFactor = sky == 1 ? 1.15 : sky == 4 ? 0.7 : 1.0;
    }
    int precipitation;
    if (mean + anomaly < 1.0) {
      precipitation = 9;
    } else if (month >= 5 && month <= 8 && random.nextDouble() < 0.15) {
      precipitation = 8;
    } else {
      precipitation = random.nextDouble() < 0.35 ? 6 : 7;
    }
    double amplitude = (max - min) / 2 * amplitudeFactor;
    double dewPointMean = Psychrometrics.dewPoint(mean, meanRh) + (wet ? 2.0 : 0.0);

    double[] t = new double[24];
    double[] rh = new double[24];
    int[] c = new int[24];
    for (int h = 0; h < 24; h++) {
      anomaly =
          ANOMALY_PHI * anomaly
              + ANOMALY_SD_C * Math.sqrt(1 - ANOMALY_PHI * ANOMALY_PHI) * random.nextGaussian();
      dewAnomaly =
          DEW_PHI * dewAnomaly
              + DEW_SD_C * Math.sqrt(1 - DEW_PHI * DEW_PHI) * random.nextGaussian();
      t[h] = mean + anomaly + amplitude * Math.cos(2 * Math.PI * (h - PEAK_HOUR) / 24);
      // The dew point follows the day's mean temperature (and its anomaly), not the daily
      // cycle, so relative humidity peaks at dawn and dips in the afternoon, as observed.
      double dew = Math.min(t[h], dewPointMean + anomaly + dewAnomaly);
      rh[h] =
          Math.min(
              100.0,
              Math.max(
                  15.0,
                  100.0
                      * Psychrometrics.saturationPressureKpa(dew)
                      / Psychrometrics.saturationPressureKpa(t[h])));
      if (wet && random.nextDouble() < 0.6) {
        c[h] = precipitation;
      } else if (!wet && h >= 4 && h <= 8 && rh[h] >= 92) {
        c[h] = 5;
      } else {
        c[h] = sky;
      }
    }
    temperature.add(t);
    humidity.add(rh);
    category.add(c);
  }
}
