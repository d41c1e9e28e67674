package dev.setpoint.contracts.alert;

/**
 * The dew point of air, by the Magnus formula with Sonntag's constants (over water, −45 to 60 °C,
 * within 0.35 K): the one formula the edge and the cloud judge a room's dew point with. The model's
 * features compute the same ({@code dev.setpoint.model.mv.Observation#dewPointC}); contracts may
 * not depend on the model, so the formula is written here too.
 */
public final class DewPoint {
  private DewPoint() {}

  /**
   * The dew point, °C.
   *
   * @param temperatureC the air's temperature, °C
   * @param humidityPct its relative humidity, % (below 0.001 % counts as 0.001 %)
   */
  public static double celsius(double temperatureC, double humidityPct) {
    double g =
        Math.log(Math.max(humidityPct, 1e-3) / 100.0)
            + 17.62 * temperatureC / (243.12 + temperatureC);
    return 243.12 * g / (17.62 - g);
  }
}
