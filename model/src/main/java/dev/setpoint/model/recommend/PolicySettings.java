package dev.setpoint.model.recommend;

import java.time.Duration;

/**
 * The knobs of a {@link SetpointPolicy}; {@link #defaults()} documents the default of each.
 *
 * @param minC lowest candidate setpoint, °C (default 18)
 * @param maxC highest candidate setpoint, °C (default 27)
 * @param stepC spacing of candidates, °C (default 0.5: 19 candidates)
 * @param limitC the inlet temperature not to exceed, °C (default 27, ASHRAE's recommended maximum)
 * @param marginC kept below the limit for model error, °C (default 0.75: the smallest of 0.5, 0.75
 *     and 1 that kept the look-ahead recommender at 0 minutes above 27 °C on the tuning years of
 *     the training room and the dense room, model/README.md; the learnt bound widens it per room)
 * @param maxRaiseC largest rise of the setpoint in one decision, °C (default 1)
 * @param raiseHysteresisC a rise needs the higher candidate predicted this far below the threshold,
 *     °C (default 0.3), so sensor noise does not flip the setpoint between neighbours every
 *     decision
 * @param maxLowerC largest fall in one decision, °C (default: unbounded, since a bounded fall would
 *     knowingly leave the room above the limit)
 * @param fallbackC the setpoint when the window or the model cannot be trusted, °C (default 18: the
 *     fixed setpoint the room ran at before, which the evaluation shows keeps it inside the
 *     envelope)
 * @param maxSampleAge how old the newest sample may be before the window is stale (default 3 min)
 * @param fallbackStepC largest change of the setpoint in one decision while falling back, °C
 *     (default 1): a data gap or a missing prediction holds the last setpoint and walks it toward
 *     {@code fallbackC} this far per decision, instead of jumping there (a 24 → 18 °C step makes
 *     the inlet fall faster than ASHRAE's 20 °C/h)
 */
public record PolicySettings(
    double minC,
    double maxC,
    double stepC,
    double limitC,
    double marginC,
    double maxRaiseC,
    double raiseHysteresisC,
    double maxLowerC,
    double fallbackC,
    Duration maxSampleAge,
    double fallbackStepC,
    Duration minDwell) {

  public PolicySettings {
    if (!(minC <= maxC)
        || !(stepC > 0)
        || !(maxRaiseC > 0)
        || !(maxLowerC > 0)
        || !(fallbackStepC > 0)
        || minDwell.isNegative()
        || !(raiseHysteresisC >= 0)) {
      throw new IllegalArgumentException(
          "need minC ≤ maxC and positive step and bounds: " + minC + ", " + maxC + ", " + stepC);
    }
  }

  public static PolicySettings defaults() {
    return new PolicySettings(
        18.0,
        27.0,
        0.5,
        27.0,
        0.75,
        1.0,
        0.3,
        Double.POSITIVE_INFINITY,
        18.0,
        Duration.ofMinutes(3),
        1.0,
        Duration.ofMinutes(15));
  }

  /** These settings with another fixed margin, °C. */
  public PolicySettings withMarginC(double marginC) {
    return new PolicySettings(
        minC,
        maxC,
        stepC,
        limitC,
        marginC,
        maxRaiseC,
        raiseHysteresisC,
        maxLowerC,
        fallbackC,
        maxSampleAge,
        fallbackStepC,
        minDwell);
  }

  /** The candidate setpoints, ascending: min, min + step, …, max. */
  public double[] candidates() {
    int n = (int) Math.floor((maxC - minC) / stepC + 1e-9) + 1;
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = Math.round((minC + i * stepC) * 1e6) / 1e6;
    }
    return c;
  }

  /** The highest inlet temperature a chosen candidate may be predicted to reach. */
  public double thresholdC() {
    return limitC - marginC;
  }
}
