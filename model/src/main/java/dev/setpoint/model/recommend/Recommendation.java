package dev.setpoint.model.recommend;

/**
 * One decision of the {@link SetpointPolicy}.
 *
 * @param setpointC the recommended setpoint, °C
 * @param predictedInletC the model's predicted inlet temperature for it, °C (a look-ahead model's
 *     hottest over its horizons); NaN for a fallback
 * @param reason why
 * @param predictedAtCurrentC the model's predicted inlet temperature if the current setpoint were
 *     kept (at the candidate nearest to it), °C: beside {@code predictedInletC} it says why the
 *     setpoint moves; NaN for a fallback, or when the current setpoint is off the candidates' range
 * @param predictedPowerKw the model's predicted mean power a setpoint can change (cooling plus
 *     server fans above idle) over its look-ahead with the recommended setpoint held, kW; NaN for a
 *     fallback or a model without a power head
 * @param predictedPowerAtCurrentKw the same with the current setpoint kept, kW; NaN as {@code
 *     predictedAtCurrentC} is, or without a power head
 */
public record Recommendation(
    double setpointC,
    double predictedInletC,
    Reason reason,
    double predictedAtCurrentC,
    double predictedPowerKw,
    double predictedPowerAtCurrentKw) {

  /** A decision without power predictions. */
  public Recommendation(
      double setpointC, double predictedInletC, Reason reason, double predictedAtCurrentC) {
    this(setpointC, predictedInletC, reason, predictedAtCurrentC, Double.NaN, Double.NaN);
  }

  /** A decision without a prediction for the current setpoint. */
  public Recommendation(double setpointC, double predictedInletC, Reason reason) {
    this(setpointC, predictedInletC, reason, Double.NaN);
  }

  /** This decision with another setpoint and reason, the predictions for the current kept. */
  public Recommendation moved(double setpointC, double predictedInletC, Reason reason) {
    return new Recommendation(
        setpointC,
        predictedInletC,
        reason,
        predictedAtCurrentC,
        Double.NaN,
        predictedPowerAtCurrentKw);
  }
}
