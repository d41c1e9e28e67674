package dev.setpoint.model.eval;

import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.recommend.InletPredictor;
import java.util.Locale;

/**
 * What the learned model does, in a facility engineer's terms: the predicted hottest inlet 10
 * minutes ahead for a steady room, and how much it moves per unit of each input, read off the model
 * by perturbing one input at a time (exact for a linear model, a local slope otherwise).
 *
 * @param baseC the prediction for the reference room (inlet 25 °C, 50 % RH, outdoor 20 °C, 60 %,
 *     clear sky, setpoint and candidate 23 °C, all six samples alike)
 * @param perCandidateK change per K of the candidate setpoint
 * @param perInletK change per K of the current inlet (all six samples)
 * @param perOutdoorK change per K of the outdoor temperature (all six samples)
 * @param perHumidityPct change per % of indoor humidity (all six samples)
 * @param perTrendK change per K the inlet rose over the last five minutes (newest sample only)
 */
public record EffectiveRule(
    double baseC,
    double perCandidateK,
    double perInletK,
    double perOutdoorK,
    double perHumidityPct,
    double perTrendK) {

  private static final float[] REFERENCE = {25, 50, 20, 60, 1, 23};
  private static final float CANDIDATE = 23;

  /** Reads the rule off {@code predictor}. */
  public static EffectiveRule of(InletPredictor predictor) throws Exception {
    float[] rows = new float[6 * FeatureLayout.FEATURES];
    for (int r = 0; r < 6; r++) {
      for (int s = 0; s < FeatureLayout.WINDOW; s++) {
        System.arraycopy(
            REFERENCE, 0, rows, r * FeatureLayout.FEATURES + s * FeatureLayout.PER_SAMPLE, 6);
      }
      rows[r * FeatureLayout.FEATURES + FeatureLayout.CANDIDATE_INDEX] = CANDIDATE;
    }
    rows[FeatureLayout.FEATURES + FeatureLayout.CANDIDATE_INDEX] += 1;
    for (int s = 0; s < FeatureLayout.WINDOW; s++) {
      rows[
              2 * FeatureLayout.FEATURES
                  + s * FeatureLayout.PER_SAMPLE
                  + FeatureLayout.INDOOR_TEMPERATURE_OFFSET] +=
          1;
      rows[
              3 * FeatureLayout.FEATURES
                  + s * FeatureLayout.PER_SAMPLE
                  + FeatureLayout.OUTDOOR_TEMPERATURE_OFFSET] +=
          1;
      rows[
              4 * FeatureLayout.FEATURES
                  + s * FeatureLayout.PER_SAMPLE
                  + FeatureLayout.INDOOR_HUMIDITY_OFFSET] +=
          1;
    }
    int newest = (FeatureLayout.WINDOW - 1) * FeatureLayout.PER_SAMPLE;
    rows[5 * FeatureLayout.FEATURES + newest + FeatureLayout.INDOOR_TEMPERATURE_OFFSET] += 1;
    float[] p = predictor.predict(rows, 6);
    return new EffectiveRule(p[0], p[1] - p[0], p[2] - p[0], p[3] - p[0], p[4] - p[0], p[5] - p[0]);
  }

  /** The rule in words. */
  public String inWords() {
    return String.format(
        Locale.ROOT,
        "For a steady room (inlet 25 °C, setpoint 23 °C, outdoor 20 °C) the model predicts the"
            + " hottest inlet 10 minutes ahead at %.2f °C if 23 °C is kept. Each 1 °C on the"
            + " candidate setpoint moves that prediction by %+.2f °C; each 1 °C on today's inlet"
            + " by %+.2f °C; each 1 °C outdoors by %+.3f °C; each 1 %% of indoor humidity by"
            + " %+.3f °C; a last-minute rise of 1 °C in the newest sample by %+.2f °C. In words:"
            + " the inlet follows the setpoint with an offset, the outdoor weather %s, and the"
            + " model knows nothing of energy: it says where the inlet goes, not what it costs.",
        baseC,
        perCandidateK,
        perInletK,
        perOutdoorK,
        perHumidityPct,
        perTrendK,
        Math.abs(perOutdoorK) < 0.02 ? "barely enters" : "enters");
  }
}
