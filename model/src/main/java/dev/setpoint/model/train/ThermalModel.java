package dev.setpoint.model.train;

/**
 * A fitted ridge model: standardise each feature, then a linear map.
 *
 * <pre>y = bias + Σ weights[i] × (x[i] − mean[i]) / scale[i]</pre>
 *
 * The inlet heads read the 37 features of {@link dev.setpoint.model.features.FeatureLayout}; the
 * power head reads them widened by {@link PowerFeatures}. The ONNX export computes exactly this (in
 * float32).
 */
public record ThermalModel(double[] mean, double[] scale, double[] weights, double bias) {

  public ThermalModel {
    if (weights.length == 0 || mean.length != weights.length || scale.length != weights.length) {
      throw new IllegalArgumentException(
          "mean, scale and weights need one value per feature: "
              + mean.length
              + ", "
              + scale.length
              + ", "
              + weights.length);
    }
  }

  /** How many features a row has. */
  public int width() {
    return weights.length;
  }

  /**
   * The prediction for row {@code row} of {@code features} (row-major, {@link #width()} per row).
   */
  public double predict(float[] features, int row) {
    int base = row * weights.length;
    double sum = bias;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * (features[base + i] - mean[i]) / scale[i];
    }
    return sum;
  }
}
