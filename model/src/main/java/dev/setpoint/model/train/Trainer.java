package dev.setpoint.model.train;

import dev.setpoint.model.data.ClimateRow;
import dev.setpoint.model.features.FeatureLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cuts examples, holds out every fifth week (by the newest sample's time), fits the ridge model on
 * the rest, and measures it and the persistence baseline on the held-out weeks.
 */
public final class Trainer {
  /** Default L2 penalty on standardised weights, per example. */
  public static final double DEFAULT_LAMBDA = 1e-4;

  private final Duration interval;
  private final Duration horizon;
  private final double lambda;

  public Trainer(Duration interval, Duration horizon, double lambda) {
    this.interval = interval;
    this.horizon = horizon;
    this.lambda = lambda;
  }

  /** What came out: the model, its metadata (for the ONNX file) and the held-out metrics. */
  public record Result(
      ThermalModel model, Map<String, String> metadata, Metrics holdout, Metrics persistence) {}

  /** Mean absolute and root mean square error, °C, over {@code count} examples. */
  public record Metrics(double mae, double rmse, int count) {
    static Metrics of(double[] predicted, double[] actual) {
      double abs = 0;
      double sq = 0;
      for (int i = 0; i < actual.length; i++) {
        double e = predicted[i] - actual[i];
        abs += Math.abs(e);
        sq += e * e;
      }
      return new Metrics(abs / actual.length, Math.sqrt(sq / actual.length), actual.length);
    }
  }

  public Result train(List<ClimateRow> rows, String dataSource, Instant trainedAt) {
    Examples all = Examples.of(rows, interval, horizon, 1);
    if (all.size() == 0) {
      throw new IllegalArgumentException(
          "no examples: the data has no run of "
              + (FeatureLayout.WINDOW + horizon.dividedBy(interval))
              + " complete samples "
              + interval.toSeconds()
              + " s apart with the setpoint held");
    }
    Examples train = all.select(i -> !heldOut(all.times()[i]));
    Examples test = all.select(i -> heldOut(all.times()[i]));
    ThermalModel model = RidgeRegression.fit(train, lambda);
    double[] predicted = new double[test.size()];
    for (int i = 0; i < test.size(); i++) {
      predicted[i] = model.predict(test.features(), i);
    }
    Metrics holdout = Metrics.of(predicted, test.targets());
    Metrics persistence = Metrics.of(test.current(), test.targets());

    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("model_version", version(model));
    meta.put("trained_at", trainedAt.toString());
    meta.put("input", OnnxExport.INPUT);
    meta.put("output", OnnxExport.OUTPUT);
    meta.put("feature_count", Integer.toString(FeatureLayout.FEATURES));
    meta.put("feature_names", String.join(",", FeatureLayout.NAMES));
    meta.put("window", Integer.toString(FeatureLayout.WINDOW));
    meta.put("sample_interval_s", Long.toString(interval.toSeconds()));
    meta.put("horizon_s", Long.toString(horizon.toSeconds()));
    meta.put("algorithm", "ridge regression on standardised features, lambda=" + lambda);
    meta.put("data_source", dataSource);
    meta.put("data_from", all.from().toString());
    meta.put("data_to", all.to().toString());
    meta.put("train_examples", Integer.toString(train.size()));
    meta.put("holdout_examples", Integer.toString(test.size()));
    meta.put("indoor_temperature_range", range(all, FeatureLayout.CANDIDATE_INDEX - 6));
    meta.put("outdoor_temperature_range", range(all, FeatureLayout.CANDIDATE_INDEX - 4));
    meta.put("setpoint_range", range(all, FeatureLayout.CANDIDATE_INDEX));
    meta.put("holdout_mae", format(holdout.mae()));
    meta.put("holdout_rmse", format(holdout.rmse()));
    meta.put("persistence_mae", format(persistence.mae()));
    meta.put("persistence_rmse", format(persistence.rmse()));
    return new Result(model, meta, holdout, persistence);
  }

  /** Every fifth week since the epoch is held out. */
  static boolean heldOut(Instant time) {
    return Math.floorMod(Math.floorDiv(time.getEpochSecond(), 7 * 86_400L), 5) == 4;
  }

  private static String range(Examples examples, int feature) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    float[] x = examples.features();
    for (int r = 0; r < examples.size(); r++) {
      double v = x[r * FeatureLayout.FEATURES + feature];
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return format(min) + ".." + format(max);
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** A version that names the weights: the same training gives the same version. */
  static String version(ThermalModel model) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      StringBuilder all = new StringBuilder();
      for (double[] values : new double[][] {model.mean(), model.scale(), model.weights()}) {
        for (double v : values) {
          all.append((float) v).append(',');
        }
      }
      all.append((float) model.bias());
      byte[] digest = sha.digest(all.toString().getBytes(StandardCharsets.UTF_8));
      return "thermal-ridge-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
