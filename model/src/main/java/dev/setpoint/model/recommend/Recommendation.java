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
 */
public record Recommendation(
    double setpointC, double predictedInletC, Reason reason, double predictedAtCurrentC) {

  /** A decision without a prediction for the current setpoint. */
  public Recommendation(double setpointC, double predictedInletC, Reason reason) {
    this(setpointC, predictedInletC, reason, Double.NaN);
  }
}
