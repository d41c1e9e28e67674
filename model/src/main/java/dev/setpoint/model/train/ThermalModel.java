package dev.setpoint.model.train;

import dev.setpoint.model.features.FeatureLayout;

/**
 * The fitted thermal model: standardise each feature, then a linear map.
 *
 * <pre>inlet = bias + Σ weights[i] × (x[i] − mean[i]) / scale[i]</pre>
 *
 * The ONNX export computes exactly this (in float32).
 */
public record ThermalModel(double[] mean, double[] scale, double[] weights, double bias) {

  public ThermalModel {
    if (mean.length != FeatureLayout.FEATURES
        || scale.length != FeatureLayout.FEATURES
        || weights.length != FeatureLayout.FEATURES) {
      throw new IllegalArgumentException(
          "a thermal model has " + FeatureLayout.FEATURES + " features");
    }
  }

  /** The prediction for row {@code row} of {@code features} (row-major, 37 per row). */
  public double predict(float[] features, int row) {
    int base = row * FeatureLayout.FEATURES;
    double sum = bias;
    for (int i = 0; i < FeatureLayout.FEATURES; i++) {
      sum += weights[i] * (features[base + i] - mean[i]) / scale[i];
    }
    return sum;
  }
}
