package dev.setpoint.model.mv;

import java.time.Instant;

/**
 * One metering interval of a room (an hour in this package's uses): its energies and the variables
 * the controller does not influence.
 *
 * @param time the interval's start
 * @param coolingKwh the cooling's electric energy (compressors, indoor fans, economiser), kWh
 * @param totalKwh cooling plus IT energy, kWh, where IT power is metered; NaN where it is not
 * @param outdoorC the mean outdoor temperature, °C
 * @param outdoorDewPointC the mean outdoor dew point, °C
 * @param computeKw the servers' mean compute load, kW: IT power less the server fans' power above
 *     idle (a warmer room speeds the fans, so fan power is the controller's doing, not a driver)
 */
public record Observation(
    Instant time,
    double coolingKwh,
    double totalKwh,
    double outdoorC,
    double outdoorDewPointC,
    double computeKw) {

  /** Which meter a baseline models. */
  public enum Meter {
    /** The cooling alone. */
    COOLING("cooling"),
    /**
     * Cooling plus IT: the server fans' extra power in a warmer room is counted, not hidden.
     * Compute load stays a driver, so the model carries it and the savings are the controllable
     * part.
     */
    COOLING_AND_IT("cooling + IT");

    private final String label;

    Meter(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** This meter's energy in {@code o}, kWh (NaN when the meter is missing). */
    public double energy(Observation o) {
      return this == COOLING ? o.coolingKwh() : o.totalKwh();
    }
  }

  /**
   * The dew point of air at {@code tC} and {@code rhPct} (Magnus formula over water, b = 17.62, c =
   * 243.12 °C, the WMO's coefficients), °C.
   */
  public static double dewPointC(double tC, double rhPct) {
    double g = Math.log(Math.max(rhPct, 1e-3) / 100.0) + 17.62 * tC / (243.12 + tC);
    return 243.12 * g / (17.62 - g);
  }
}
