package dev.setpoint.model.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

  /**
   * Singapore, Changi (hot-humid): 1991–2020 means of the Meteorological Service Singapore's
   * monthly series (model/README.md).
   */
  public static final SiteClimate SINGAPORE =
      new SiteClimate(
          "Singapore",
          ZoneId.of("Asia/Singapore"),
          new double[] {30.6, 31.5, 32.2, 32.4, 32.3, 31.9, 31.4, 31.4, 31.6, 31.8, 31.2, 30.5},
          new double[] {24.3, 24.6, 24.9, 25.3, 25.7, 25.7, 25.4, 25.3, 25.2, 25.0, 24.6, 24.3},
          new double[] {83.5, 81.2, 81.7, 82.6, 82.3, 80.9, 80.9, 80.7, 80.7, 81.5, 84.9, 85.5},
          new double[] {13.4, 8.5, 12.1, 14.9, 14.5, 13.2, 13.6, 13.8, 12.5, 15.0, 19.0, 19.3});

  /**
   * Phoenix, Sky Harbor (hot-dry): temperatures from NOAA's normals as charted in "Climate of
   * Phoenix"; humidity and wet days are estimates (model/README.md).
   */
  public static final SiteClimate PHOENIX =
      new SiteClimate(
          "Phoenix",
          ZoneId.of("America/Phoenix"),
          new double[] {20.0, 21.7, 25.6, 30.0, 35.0, 40.0, 41.7, 40.6, 37.8, 31.7, 25.0, 18.9},
          new double[] {7.8, 9.4, 12.8, 16.1, 21.1, 26.1, 29.4, 28.9, 25.6, 18.9, 12.2, 7.2},
          new double[] {50, 44, 39, 28, 21, 19, 29, 33, 33, 35, 43, 51},
          new double[] {4.0, 4.1, 3.5, 1.6, 0.9, 0.5, 3.9, 4.3, 2.8, 2.4, 2.4, 3.9});

  /** Helsinki, Kaisaniemi (cold): every value an unverified estimate (model/README.md). */
  public static final SiteClimate HELSINKI =
      new SiteClimate(
          "Helsinki",
          ZoneId.of("Europe/Helsinki"),
          new double[] {-0.9, -1.2, 2.5, 8.6, 15.0, 19.3, 22.6, 21.0, 15.9, 9.4, 4.4, 1.2},
          new double[] {-5.6, -6.4, -3.4, 1.4, 6.4, 11.0, 14.1, 13.4, 9.2, 4.4, 0.8, -2.8},
          new double[] {87, 85, 79, 70, 65, 67, 69, 74, 79, 84, 88, 88},
          new double[] {10, 8, 8, 6, 6, 8, 8, 10, 9, 11, 12, 12});

  /**
   * London, Heathrow (temperate): 1991–2020 means of the Met Office's station record; humidity and
   * wet days are estimates (model/README.md).
   */
  public static final SiteClimate LONDON =
      new SiteClimate(
          "London",
          ZoneId.of("Europe/London"),
          new double[] {8.4, 9.0, 11.7, 15.0, 18.4, 21.6, 23.9, 23.4, 20.2, 15.8, 11.5, 8.8},
          new double[] {2.7, 2.6, 4.1, 6.0, 9.1, 12.0, 14.2, 14.1, 11.6, 8.8, 5.3, 3.1},
          new double[] {84, 80, 75, 70, 69, 68, 68, 71, 75, 80, 84, 85},
          new double[] {11.1, 9.3, 8.7, 8.8, 8.1, 8.0, 7.6, 8.3, 8.2, 10.6, 11.0, 10.9});

  /** The built-in sites, by name. */
  public static List<SiteClimate> builtIn() {
    return List.of(GWANGJU, SINGAPORE, PHOENIX, HELSINKI, LONDON);
  }

  /**
   * A built-in site by name (case-insensitive), or the monthly normals in a CSV file when {@code
   * nameOrCsv} ends in {@code .csv} ({@link #fromCsv}).
   */
  public static SiteClimate named(String nameOrCsv) throws IOException {
    if (nameOrCsv.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return fromCsv(Path.of(nameOrCsv));
    }
    return builtIn().stream()
        .filter(c -> c.name().equalsIgnoreCase(nameOrCsv))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no built-in climate '"
                        + nameOrCsv
                        + "'; known: "
                        + builtIn().stream().map(SiteClimate::name).toList()
                        + ", or a monthly-normals .csv file"));
  }

  /** The header of a monthly-normals CSV file. */
  public static final String CSV_HEADER =
      "site,zone,month,mean_max_c,mean_min_c,mean_rh_pct,wet_days";

  /**
   * Reads a site's monthly normals from a CSV file: the header {@link #CSV_HEADER}, then one row
   * per month 1–12 (each once, any order), the same site and IANA zone in every row. Lines starting
   * with {@code #} and blank lines are skipped.
   *
   * @throws IllegalArgumentException naming the line when the file does not have that form
   */
  public static SiteClimate fromCsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    double[][] values = new double[4][12];
    boolean[] seen = new boolean[12];
    String site = null;
    ZoneId zone = null;
    boolean header = false;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + " line " + (n + 1) + ": ";
      if (!header) {
        if (!line.replace(" ", "").equalsIgnoreCase(CSV_HEADER)) {
          throw new IllegalArgumentException(where + "expected the header " + CSV_HEADER);
        }
        header = true;
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != 7) {
        throw new IllegalArgumentException(where + "expected 7 cells, got " + cells.length);
      }
      String rowSite = cells[0].strip();
      if (site == null) {
        site = rowSite;
        try {
          zone = ZoneId.of(cells[1].strip());
        } catch (java.time.DateTimeException e) {
          throw new IllegalArgumentException(where + "unknown time zone '" + cells[1] + "'");
        }
      } else if (!site.equals(rowSite) || !zone.getId().equals(cells[1].strip())) {
        throw new IllegalArgumentException(where + "every row must name the same site and zone");
      }
      int month;
      try {
        month = Integer.parseInt(cells[2].strip());
        for (int k = 0; k < 4; k++) {
          values[k][month - 1] = Double.parseDouble(cells[3 + k].strip());
        }
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new IllegalArgumentException(where + "month must be 1–12 and values numbers");
      }
      if (seen[month - 1]) {
        throw new IllegalArgumentException(where + "month " + month + " appears twice");
      }
      seen[month - 1] = true;
      double max = values[0][month - 1];
      double min = values[1][month - 1];
      double rh = values[2][month - 1];
      double wet = values[3][month - 1];
      if (!(min <= max) || min < -60 || max > 60) {
        throw new IllegalArgumentException(where + "needs −60 ≤ mean_min_c ≤ mean_max_c ≤ 60");
      }
      if (!(rh > 0 && rh <= 100) || !(wet >= 0 && wet <= daysInMonth(month - 1))) {
        throw new IllegalArgumentException(
            where + "mean_rh_pct must be in (0, 100] and wet_days in 0…days of the month");
      }
    }
    for (int m = 0; m < 12; m++) {
      if (!seen[m]) {
        throw new IllegalArgumentException(file + ": month " + (m + 1) + " is missing");
      }
    }
    return new SiteClimate(site, zone, values[0], values[1], values[2], values[3]);
  }

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
