package dev.setpoint.model.recommend;

/**
 * Predicts the rack inlet temperature a horizon ahead for rows laid out as {@link
 * dev.setpoint.model.features.FeatureLayout} says. analytics-war implements it with ONNX Runtime;
 * the evaluation here does too.
 */
@FunctionalInterface
public interface InletPredictor {
  /**
   * @param features {@code rows × 37} values, row-major
   * @param rows the number of rows
   * @return one predicted inlet temperature (°C) per row
   * @throws Exception when the model cannot answer; the policy then falls back
   */
  float[] predict(float[] features, int rows) throws Exception;
}
