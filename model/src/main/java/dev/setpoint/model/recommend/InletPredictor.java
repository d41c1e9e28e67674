package dev.setpoint.model.recommend;

import java.time.Duration;
import java.util.List;

/**
 * Predicts the rack inlet temperature a horizon ahead for rows laid out as {@link
 * dev.setpoint.model.features.FeatureLayout} says. analytics-war implements it with ONNX Runtime;
 * the evaluation here does too.
 *
 * <p>A look-ahead model answers for several horizons at once ({@link #predictAhead}): each row's
 * inlet 10, 20 and 30 minutes ahead with its candidate held, so the policy can keep the hottest of
 * them under the limit, not only the first. A predictor without one answers for its single horizon,
 * {@link #DEFAULT_HORIZON}.
 *
 * <p>A model with a power head also predicts, for each row, the mean power the setpoint can change
 * (cooling plus the server fans above idle) over its look-ahead ({@link #forecast}), so the policy
 * can choose the cheapest safe setpoint rather than the highest.
 */
@FunctionalInterface
public interface InletPredictor {
  /** The horizon of {@link #predict}: the served model's, and a plain predictor's only one. */
  Duration DEFAULT_HORIZON = Duration.ofMinutes(10);

  /**
   * @param features {@code rows × 37} values, row-major
   * @param rows the number of rows
   * @return one predicted inlet temperature (°C) per row, {@link #DEFAULT_HORIZON} ahead
   * @throws Exception when the model cannot answer; the policy then falls back
   */
  float[] predict(float[] features, int rows) throws Exception;

  /** The horizons {@link #predictAhead} answers for, ascending. */
  default List<Duration> horizons() {
    return List.of(DEFAULT_HORIZON);
  }

  /**
   * Every row's predicted inlet at each of {@link #horizons()}, in one call.
   *
   * @return {@code rows × horizons().size()} values, row-major (row r's horizon h at {@code r × H +
   *     h})
   * @throws Exception when the model cannot answer
   */
  default float[] predictAhead(float[] features, int rows) throws Exception {
    return predict(features, rows);
  }

  /**
   * Every row's inlet at each horizon and, from a model with a power head, its mean power over the
   * look-ahead: one call.
   *
   * @param inlet as {@link #predictAhead}
   * @param powerKw one value per row, kW; null when the model predicts no power
   */
  record Forecast(float[] inlet, float[] powerKw) {}

  /**
   * {@link #predictAhead} and, when the model has a power head, its power prediction, in one call.
   *
   * @throws Exception when the model cannot answer
   */
  default Forecast forecast(float[] features, int rows) throws Exception {
    return new Forecast(predictAhead(features, rows), null);
  }
}
