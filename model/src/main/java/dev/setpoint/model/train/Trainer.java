package dev.setpoint.model.train;

import dev.setpoint.model.data.ClimateRow;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.recommend.LookAhead;
import dev.setpoint.model.recommend.PowerHead;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cuts examples, holds out every fifth week (by the newest sample's time), fits the ridge model on
 * the rest, and measures it and the persistence baseline on the held-out weeks.
 *
 * <p>With several horizons it fits one ridge model per horizon (the look-ahead heads, each on the
 * windows whose setpoint stayed held that long), measured the same way; the first is the served
 * model's horizon, and the ONNX file carries all of them ({@link OnnxExport}).
 *
 * <p>When the rows carry power ({@link ClimateRow#controllablePowerKw()}), it also fits the power
 * head: the mean power a setpoint can change over the longest horizon with the candidate held, a
 * ridge model on the features widened by {@link PowerFeatures}, measured the same way against the
 * power at the newest sample.
 */
public final class Trainer {
  /** Default L2 penalty on standardised weights, per example. */
  public static final double DEFAULT_LAMBDA = 1e-4;

  private final Duration interval;
  private final List<Duration> horizons;
  private final double lambda;

  public Trainer(Duration interval, Duration horizon, double lambda) {
    this(interval, List.of(horizon), lambda);
  }

  /**
   * @param horizons ascending; the first is the served model's
   */
  public Trainer(Duration interval, List<Duration> horizons, double lambda) {
    if (horizons.isEmpty()) {
      throw new IllegalArgumentException("at least one horizon");
    }
    for (int i = 1; i < horizons.size(); i++) {
      if (horizons.get(i).compareTo(horizons.get(i - 1)) <= 0) {
        throw new IllegalArgumentException("the horizons must ascend: " + horizons);
      }
    }
    this.interval = interval;
    this.horizons = List.copyOf(horizons);
    this.lambda = lambda;
  }

  /**
   * One fitted horizon: its model and its and persistence's error on the held-out weeks.
   *
   * @param horizon how far ahead it predicts
   */
  public record Head(Duration horizon, ThermalModel model, Metrics holdout, Metrics persistence) {}

  /**
   * What came out: the served model (the first horizon's), its metadata (for the ONNX file), its
   * held-out metrics, every horizon's head (the first is the served model), and the power head
   * (null when the rows carry no power).
   */
  public record Result(
      ThermalModel model,
      Map<String, String> metadata,
      Metrics holdout,
      Metrics persistence,
      List<Head> heads,
      Head power) {

    /** The horizons of {@link #heads()}, in order. */
    public List<Duration> horizons() {
      return heads.stream().map(Head::horizon).toList();
    }
  }

  /** Mean absolute and root mean square error (°C; kW for power) over {@code count} examples. */
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
    List<Head> heads = new ArrayList<>();
    Examples first = null;
    for (Duration horizon : horizons) {
      Examples all = Examples.of(rows, interval, horizon, 1);
      if (all.size() == 0) {
        throw new IllegalArgumentException(
            "no examples: the data has no run of "
                + (FeatureLayout.WINDOW + horizon.dividedBy(interval))
                + " complete samples "
                + interval.toSeconds()
                + " s apart with the setpoint held");
      }
      heads.add(fit(all, horizon));
      first = first == null ? all : first;
    }
    Head served = heads.getFirst();
    ThermalModel model = served.model();
    Metrics holdout = served.holdout();
    Metrics persistence = served.persistence();
    Examples all = first;
    Head power = fitPower(rows, horizons.getLast());

    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("model_version", version(heads, power));
    meta.put("trained_at", trainedAt.toString());
    meta.put("input", OnnxExport.INPUT);
    meta.put("output", OnnxExport.OUTPUT);
    meta.put("feature_count", Integer.toString(FeatureLayout.FEATURES));
    meta.put("feature_names", String.join(",", FeatureLayout.NAMES));
    meta.put("window", Integer.toString(FeatureLayout.WINDOW));
    meta.put("sample_interval_s", Long.toString(interval.toSeconds()));
    meta.put("horizon_s", Long.toString(served.horizon().toSeconds()));
    if (heads.size() > 1) {
      meta.put(LookAhead.OUTPUT_KEY, OnnxExport.LOOKAHEAD_OUTPUT);
      meta.put(LookAhead.HORIZONS_KEY, join(heads, h -> Long.toString(h.horizon().toSeconds())));
      meta.put("lookahead_holdout_mae", join(heads, h -> format(h.holdout().mae())));
      meta.put("lookahead_persistence_mae", join(heads, h -> format(h.persistence().mae())));
    }
    if (power != null) {
      meta.put(PowerHead.OUTPUT_KEY, OnnxExport.POWER_OUTPUT);
      meta.put(PowerHead.HORIZON_KEY, Long.toString(power.horizon().toSeconds()));
      meta.put("power_features", String.join(",", PowerFeatures.NAMES));
      meta.put("power_examples", Integer.toString(power.holdout().count()));
      meta.put("power_holdout_mae", format(power.holdout().mae()));
      meta.put("power_persistence_mae", format(power.persistence().mae()));
    }
    meta.put("algorithm", "ridge regression on standardised features, lambda=" + lambda);
    meta.put("data_source", dataSource);
    meta.put("data_from", all.from().toString());
    meta.put("data_to", all.to().toString());
    meta.put("train_examples", Integer.toString(holdoutSplit(all, false)));
    meta.put("holdout_examples", Integer.toString(holdout.count()));
    meta.put("indoor_temperature_range", range(all, FeatureLayout.CANDIDATE_INDEX - 6));
    meta.put("outdoor_temperature_range", range(all, FeatureLayout.CANDIDATE_INDEX - 4));
    meta.put("setpoint_range", range(all, FeatureLayout.CANDIDATE_INDEX));
    meta.put("holdout_mae", format(holdout.mae()));
    meta.put("holdout_rmse", format(holdout.rmse()));
    meta.put("persistence_mae", format(persistence.mae()));
    meta.put("persistence_rmse", format(persistence.rmse()));
    return new Result(model, meta, holdout, persistence, List.copyOf(heads), power);
  }

  /**
   * The power head over {@code horizon}, or null when too few rows carry power (fewer examples than
   * twice its features, held-out weeks included).
   */
  private Head fitPower(List<ClimateRow> rows, Duration horizon) {
    Examples all = Examples.power(rows, interval, horizon, 1);
    if (all.size() < 2 * (PowerFeatures.WIDTH + 1)) {
      return null;
    }
    Examples train = all.select(i -> !heldOut(all.times()[i]));
    Examples test = all.select(i -> heldOut(all.times()[i]));
    if (train.size() <= PowerFeatures.WIDTH || test.size() == 0) {
      return null;
    }
    ThermalModel model =
        RidgeRegression.fit(
            PowerFeatures.expand(train.features(), train.size()),
            train.targets(),
            PowerFeatures.WIDTH,
            lambda);
    float[] x = PowerFeatures.expand(test.features(), test.size());
    double[] predicted = new double[test.size()];
    for (int i = 0; i < test.size(); i++) {
      predicted[i] = model.predict(x, i);
    }
    return new Head(
        horizon,
        model,
        Metrics.of(predicted, test.targets()),
        Metrics.of(test.current(), test.targets()));
  }

  /** Fits one horizon on the examples not held out and measures it on those that are. */
  private Head fit(Examples all, Duration horizon) {
    Examples train = all.select(i -> !heldOut(all.times()[i]));
    Examples test = all.select(i -> heldOut(all.times()[i]));
    ThermalModel model = RidgeRegression.fit(train, lambda);
    double[] predicted = new double[test.size()];
    for (int i = 0; i < test.size(); i++) {
      predicted[i] = model.predict(test.features(), i);
    }
    return new Head(
        horizon,
        model,
        Metrics.of(predicted, test.targets()),
        Metrics.of(test.current(), test.targets()));
  }

  private static int holdoutSplit(Examples all, boolean heldOut) {
    int n = 0;
    for (Instant t : all.times()) {
      n += heldOut(t) == heldOut ? 1 : 0;
    }
    return n;
  }

  private static String join(List<Head> heads, java.util.function.Function<Head, String> value) {
    return String.join(",", heads.stream().map(value).toList());
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

  /**
   * A version that names every head's weights, the power head's included (the served model's alone
   * when there is one head and no power, so a single-horizon model keeps the version it always
   * had).
   */
  static String version(List<Head> heads, Head power) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      StringBuilder all = new StringBuilder();
      List<Head> every = new ArrayList<>(heads);
      if (power != null) {
        every.add(power);
      }
      for (int h = 0; h < every.size(); h++) {
        ThermalModel model = every.get(h).model();
        if (h >= heads.size()) {
          all.append("|power:").append(every.get(h).horizon().toSeconds()).append(':');
        } else if (h > 0) {
          all.append('|').append(every.get(h).horizon().toSeconds()).append(':');
        }
        for (double[] values : new double[][] {model.mean(), model.scale(), model.weights()}) {
          for (double v : values) {
            all.append((float) v).append(',');
          }
        }
        all.append((float) model.bias());
      }
      byte[] digest = sha.digest(all.toString().getBytes(StandardCharsets.UTF_8));
      return "thermal-ridge-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
