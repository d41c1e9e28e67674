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
 * @param powerKw the power head's prediction for the reference room, {@code [outdoor][candidate]}
 *     over {@link #POWER_OUTDOOR_C} × {@link #POWER_CANDIDATES_C}, kW; null without a power head
 */
public record EffectiveRule(
    double baseC,
    double perCandidateK,
    double perInletK,
    double perOutdoorK,
    double perHumidityPct,
    double perTrendK,
    double[][] powerKw) {

  /** The outdoor temperatures the power head is read at, °C. */
  public static final float[] POWER_OUTDOOR_C = {0, 20, 30};

  /** The candidates it is read at, °C. */
  public static final float[] POWER_CANDIDATES_C = {22, 23, 24};

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
    return new EffectiveRule(
        p[0], p[1] - p[0], p[2] - p[0], p[3] - p[0], p[4] - p[0], p[5] - p[0], power(predictor));
  }

  /** The power head read at each outdoor temperature and candidate, or null without one. */
  private static double[][] power(InletPredictor predictor) throws Exception {
    int f = FeatureLayout.FEATURES;
    int n = POWER_OUTDOOR_C.length * POWER_CANDIDATES_C.length;
    float[] rows = new float[n * f];
    for (int o = 0; o < POWER_OUTDOOR_C.length; o++) {
      for (int c = 0; c < POWER_CANDIDATES_C.length; c++) {
        int r = o * POWER_CANDIDATES_C.length + c;
        for (int s = 0; s < FeatureLayout.WINDOW; s++) {
          System.arraycopy(REFERENCE, 0, rows, r * f + s * FeatureLayout.PER_SAMPLE, 6);
          rows[r * f + s * FeatureLayout.PER_SAMPLE + FeatureLayout.OUTDOOR_TEMPERATURE_OFFSET] =
              POWER_OUTDOOR_C[o];
        }
        rows[r * f + FeatureLayout.CANDIDATE_INDEX] = POWER_CANDIDATES_C[c];
      }
    }
    float[] kw = predictor.forecast(rows, n).powerKw();
    if (kw == null) {
      return null;
    }
    double[][] table = new double[POWER_OUTDOOR_C.length][POWER_CANDIDATES_C.length];
    for (int o = 0; o < POWER_OUTDOOR_C.length; o++) {
      for (int c = 0; c < POWER_CANDIDATES_C.length; c++) {
        table[o][c] = kw[o * POWER_CANDIDATES_C.length + c];
      }
    }
    return table;
  }

  /** The rule in words. */
  public String inWords() {
    return inletInWords() + " " + powerInWords();
  }

  private String powerInWords() {
    if (powerKw == null) {
      return "The model has no power head: it says where the inlet goes, not what it costs.";
    }
    StringBuilder words =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Its power head predicts what that room's cooling and server fans (above idle)"
                    + " draw over the next 30 minutes with the setpoint held at %.0f, %.0f and"
                    + " %.0f °C:",
                POWER_CANDIDATES_C[0],
                POWER_CANDIDATES_C[1],
                POWER_CANDIDATES_C[2]));
    boolean falling = true;
    for (int o = 0; o < POWER_OUTDOOR_C.length; o++) {
      words.append(
          String.format(
              Locale.ROOT,
              "%s %.2f, %.2f and %.2f kW with %.0f °C outdoors",
              o == 0 ? "" : ";",
              powerKw[o][0],
              powerKw[o][1],
              powerKw[o][2],
              POWER_OUTDOOR_C[o]));
      for (int c = 1; c < POWER_CANDIDATES_C.length; c++) {
        falling &= powerKw[o][c] < powerKw[o][c - 1];
      }
    }
    return words
        .append(
            falling
                ? ". Power falls as the setpoint rises in each: among the setpoints predicted safe"
                    + " the cheapest is the highest."
                : ". Power rises again with the setpoint in at least one: there the cheapest safe"
                    + " setpoint lies below the highest.")
        .toString();
  }

  private String inletInWords() {
    return String.format(
        Locale.ROOT,
        "For a steady room (inlet 25 °C, setpoint 23 °C, outdoor 20 °C) the model predicts the"
            + " hottest inlet 10 minutes ahead at %.2f °C if 23 °C is kept. Each 1 °C on the"
            + " candidate setpoint moves that prediction by %+.2f °C; each 1 °C on today's inlet"
            + " by %+.2f °C; each 1 °C outdoors by %+.3f °C; each 1 %% of indoor humidity by"
            + " %+.3f °C; a last-minute rise of 1 °C in the newest sample by %+.2f °C. In words:"
            + " the inlet follows the setpoint with an offset, and the outdoor weather %s.",
        baseC,
        perCandidateK,
        perInletK,
        perOutdoorK,
        perHumidityPct,
        perTrendK,
        Math.abs(perOutdoorK) < 0.02 ? "barely enters" : "enters");
  }
}
