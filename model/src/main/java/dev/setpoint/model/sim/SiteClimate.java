package dev.setpoint.model.sim;

import java.time.ZoneId;
import java.util.Arrays;

/**
 * The monthly climate normals of a site, January first: what the weather generator draws a year
 * from.
 *
 * @param name the site, e.g. {@code Gwangju}
 * @param zone the site's time zone (the weather's daily cycle follows local time)
 * @param meanMaxC mean daily maximum temperature per month, °C
 * @param meanMinC mean daily minimum temperature per month, °C
 * @param relativeHumidityPct mean relative humidity per month, %
 * @param wetDays mean number of days with precipitation (≥ 0.1 mm) per month
 */
public record SiteClimate(
    String name,
    ZoneId zone,
    double[] meanMaxC,
    double[] meanMinC,
    double[] relativeHumidityPct,
    double[] wetDays) {

  /**
   * Gwangju, Korea (KMA station 156): 1991–2020 normals of the Korea Meteorological Administration,
   * as tabulated in model/README.md with their source.
   */
  public static final SiteClimate GWANGJU =
      new SiteClimate(
          "Gwangju",
          ZoneId.of("Asia/Seoul"),
          new double[] {5.8, 8.4, 13.5, 19.7, 24.9, 27.9, 30.1, 31.1, 27.6, 22.4, 15.1, 8.0},
          new double[] {-2.9, -1.6, 2.2, 7.5, 13.1, 18.5, 22.8, 23.3, 18.6, 11.5, 5.0, -0.8},
          new double[] {68.8, 65.6, 62.6, 61.0, 65.6, 72.4, 80.6, 78.3, 75.1, 69.9, 69.7, 69.6},
          new double[] {12.9, 9.1, 10.1, 9.4, 9.3, 10.9, 15.7, 14.2, 9.5, 5.5, 8.9, 13.0});

  public SiteClimate {
    for (double[] monthly : new double[][] {meanMaxC, meanMinC, relativeHumidityPct, wetDays}) {
      if (monthly.length != 12) {
        throw new IllegalArgumentException("monthly normals need 12 values, got " + monthly.length);
      }
    }
    meanMaxC = meanMaxC.clone();
    meanMinC = meanMinC.clone();
    relativeHumidityPct = relativeHumidityPct.clone();
    wetDays = wetDays.clone();
  }

  @Override
  public double[] meanMaxC() {
    return meanMaxC.clone();
  }

  @Override
  public double[] meanMinC() {
    return meanMinC.clone();
  }

  @Override
  public double[] relativeHumidityPct() {
    return relativeHumidityPct.clone();
  }

  @Override
  public double[] wetDays() {
    return wetDays.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SiteClimate s
        && name.equals(s.name)
        && zone.equals(s.zone)
        && Arrays.equals(meanMaxC, s.meanMaxC)
        && Arrays.equals(meanMinC, s.meanMinC)
        && Arrays.equals(relativeHumidityPct, s.relativeHumidityPct)
        && Arrays.equals(wetDays, s.wetDays);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "SiteClimate[" + name + ", " + zone + "]";
  }

  private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  private static final double[] MID_MONTH_DAY = new double[12];

  static {
    double start = 0;
    for (int m = 0; m < 12; m++) {
      MID_MONTH_DAY[m] = start + DAYS_IN_MONTH[m] / 2.0;
      start += DAYS_IN_MONTH[m];
    }
  }

  /** The month (0–11) of a day of a 365-day year (0–364). */
  static int monthOf(int dayOfYear) {
    int d = Math.floorMod(dayOfYear, 365);
    for (int m = 0; m < 12; m++) {
      if (d < DAYS_IN_MONTH[m]) {
        return m;
      }
      d -= DAYS_IN_MONTH[m];
    }
    return 11;
  }

  static int daysInMonth(int month) {
    return DAYS_IN_MONTH[month];
  }

  /**
   * A monthly value interpolated linearly between mid-month days, wrapping December to January, so
   * the year has no steps at month boundaries.
   */
  static double interpolate(double[] monthly, double dayOfYear) {
    double d = ((dayOfYear % 365) + 365) % 365;
    int after = 0;
    while (after < 12 && MID_MONTH_DAY[after] <= d) {
      after++;
    }
    int before = after - 1;
    double dayBefore;
    double dayAfter;
    if (before < 0) {
      before = 11;
      dayBefore = MID_MONTH_DAY[11] - 365;
    } else {
      dayBefore = MID_MONTH_DAY[before];
    }
    if (after > 11) {
      after = 0;
      dayAfter = MID_MONTH_DAY[0] + 365;
    } else {
      dayAfter = MID_MONTH_DAY[after];
    }
    double f = (d - dayBefore) / (dayAfter - dayBefore);
    return monthly[before] + f * (monthly[after] - monthly[before]);
  }
}
