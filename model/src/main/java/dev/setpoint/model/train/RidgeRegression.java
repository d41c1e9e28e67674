package dev.setpoint.model.train;

import dev.setpoint.model.features.FeatureLayout;

/**
 * Ridge regression on standardised features, solved exactly (normal equations, Cholesky): no
 * iteration and no randomness, so the same data always gives the same model.
 */
public final class RidgeRegression {
  private RidgeRegression() {}

  /**
   * Fits {@code examples} with L2 penalty {@code lambda} (per example, on standardised weights).
   */
  public static ThermalModel fit(Examples examples, double lambda) {
    return fit(examples.features(), examples.targets(), FeatureLayout.FEATURES, lambda);
  }

  /**
   * Fits targets {@code y} on rows of {@code width} features ({@code x}, row-major) with L2 penalty
   * {@code lambda}.
   */
  public static ThermalModel fit(float[] x, double[] y, int width, double lambda) {
    int f = width;
    int n = y.length;
    if (x.length != n * f) {
      throw new IllegalArgumentException(x.length + " feature values for " + n + " rows of " + f);
    }
    if (n < f + 1) {
      throw new IllegalArgumentException("need more than " + f + " examples, got " + n);
    }
    double[] mean = new double[f];
    double[] scale = new double[f];
    double yMean = 0;
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < f; i++) {
        mean[i] += x[r * f + i];
      }
      yMean += y[r];
    }
    for (int i = 0; i < f; i++) {
      mean[i] /= n;
    }
    yMean /= n;
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < f; i++) {
        double d = x[r * f + i] - mean[i];
        scale[i] += d * d;
      }
    }
    for (int i = 0; i < f; i++) {
      double sd = Math.sqrt(scale[i] / n);
      scale[i] = sd > 1e-9 ? sd : 1.0; // a constant feature stays as it is (its weight becomes 0)
    }
    double[][] a = new double[f][f];
    double[] b = new double[f];
    double[] z = new double[f];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < f; i++) {
        z[i] = (x[r * f + i] - mean[i]) / scale[i];
      }
      double t = y[r] - yMean;
      for (int i = 0; i < f; i++) {
        b[i] += z[i] * t;
        for (int j = 0; j <= i; j++) {
          a[i][j] += z[i] * z[j];
        }
      }
    }
    for (int i = 0; i < f; i++) {
      a[i][i] += lambda * n;
      for (int j = 0; j < i; j++) {
        a[j][i] = a[i][j];
      }
    }
    return new ThermalModel(mean, scale, solve(a, b), yMean);
  }

  /** Solves a symmetric positive definite system by Cholesky decomposition. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (sum <= 0) {
            throw new ArithmeticException("the normal equations are not positive definite");
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * y[k];
      }
      y[i] = sum / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * x[k];
      }
      x[i] = sum / l[i][i];
    }
    return x;
  }
}
