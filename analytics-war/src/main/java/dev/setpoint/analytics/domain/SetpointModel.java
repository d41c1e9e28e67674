package dev.setpoint.analytics.domain;

import dev.setpoint.model.recommend.InletPredictor;
import java.util.Optional;

/**
 * The thermal model analytics serves: predicts the rack inlet temperature a horizon ahead for rows
 * in {@link dev.setpoint.model.features.FeatureLayout}'s order. One instance serves every caller at
 * once; a reload replaces the model without a restart, and callers never see a half-loaded one.
 */
public interface SetpointModel extends InletPredictor {
  /** The name the predict APIs serve the model under. */
  String NAME = "setpoint-thermal";

  /**
   * One prediction per row.
   *
   * @param features {@code rows × featureCount()} values, row-major
   * @throws ModelUnavailableException when no valid model is loaded
   */
  @Override
  float[] predict(float[] features, int rows);

  /** The loaded model, or empty when none is (the last load failed). */
  Optional<ModelInfo> info();

  /** Why the last load or reload failed, or empty when it succeeded. */
  Optional<String> lastError();

  /**
   * Loads the configured model again and swaps it in if it is valid; an invalid file leaves the
   * current model in place.
   *
   * @throws InvalidModelException naming what is wrong with the file
   */
  ModelInfo reload();
}
