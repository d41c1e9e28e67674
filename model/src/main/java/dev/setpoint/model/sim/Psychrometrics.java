package dev.setpoint.model.sim;

/** Moist-air relations (Magnus formula over water, sea-level pressure), good to ~1 % here. */
final class Psychrometrics {
  static final double PRESSURE_KPA = 101.325;

  private Psychrometrics() {}

  /** Saturation vapour pressure, kPa, at {@code tC} °C. */
  static double saturationPressureKpa(double tC) {
    return 0.61094 * Math.exp(17.625 * tC / (tC + 243.04));
  }

  /** Humidity ratio, kg water per kg dry air, of air at {@code tC} and {@code rhPct}. */
  static double humidityRatio(double tC, double rhPct) {
    double pv = saturationPressureKpa(tC) * rhPct / 100.0;
    return 0.622 * pv / (PRESSURE_KPA - pv);
  }

  /** Relative humidity, % (capped at 100), of air of humidity ratio {@code w} at {@code tC}. */
  static double relativeHumidity(double tC, double w) {
    double pv = w * PRESSURE_KPA / (0.622 + w);
    return Math.min(100.0, 100.0 * pv / saturationPressureKpa(tC));
  }

  /** Dew point, °C, of air at {@code tC} and {@code rhPct}. */
  static double dewPoint(double tC, double rhPct) {
    double g = Math.log(Math.max(rhPct, 1e-3) / 100.0) + 17.625 * tC / (243.04 + tC);
    return 243.04 * g / (17.625 - g);
  }
}
