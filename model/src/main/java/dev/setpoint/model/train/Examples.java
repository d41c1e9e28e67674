package dev.setpoint.model.train;

import dev.setpoint.model.data.ClimateRow;
import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.features.FeatureLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Supervised examples cut from climate rows: for each device, every run of six samples one interval
 * apart, the setpoint held over the next {@code horizon} (the candidate), and the inlet temperature
 * at the end of the horizon (the target). Only horizons in which the setpoint stayed the same
 * count, since the model answers "what if this setpoint is held". Rows need not be sorted;
 * incomplete samples break runs.
 *
 * <p>The power head's examples ({@link #power}) are cut the same way; their target is the mean of
 * the rows' power over the horizon (the samples after the window, up to the horizon's end), their
 * persistence baseline the power at the newest sample, and a row without power breaks runs too.
 *
 * @param features {@code size × 37} values, row-major
 * @param targets inlet temperature at the horizon, °C (power examples: mean power over it, kW)
 * @param current the newest sample's inlet temperature (the persistence baseline), °C (power
 *     examples: its power, kW)
 * @param times the newest sample's time
 * @param from the earliest sample used
 * @param to the latest sample used
 */
public record Examples(
    float[] features,
    double[] targets,
    double[] current,
    Instant[] times,
    Instant from,
    Instant to) {

  public int size() {
    return targets.length;
  }

  /** Cuts inlet examples; {@code stride} keeps every n-th window (1 = all). */
  public static Examples of(
      List<ClimateRow> rows, Duration interval, Duration horizon, int stride) {
    return cut(rows, interval, horizon, stride, false);
  }

  /** Cuts power examples from the rows that have power; {@code stride} as for {@link #of}. */
  public static Examples power(
      List<ClimateRow> rows, Duration interval, Duration horizon, int stride) {
    return cut(rows, interval, horizon, stride, true);
  }

  private static Examples cut(
      List<ClimateRow> rows, Duration interval, Duration horizon, int stride, boolean power) {
    int horizonSteps = (int) (horizon.toMillis() / interval.toMillis());
    if (horizonSteps < 1 || horizon.toMillis() % interval.toMillis() != 0) {
      throw new IllegalArgumentException(
          "the horizon must be a positive multiple of the interval: " + horizon + ", " + interval);
    }
    Map<String, List<ClimateRow>> byDevice = new LinkedHashMap<>();
    for (ClimateRow row : rows) {
      byDevice.computeIfAbsent(row.device(), d -> new ArrayList<>()).add(row);
    }
    long tolerance = interval.toMillis() / 6;
    List<float[]> x = new ArrayList<>();
    List<double[]> y = new ArrayList<>();
    List<Instant> t = new ArrayList<>();
    Instant from = null;
    Instant to = null;
    int seen = 0;
    for (List<ClimateRow> device : byDevice.values()) {
      device.sort((a, b) -> a.sample().time().compareTo(b.sample().time()));
      List<ClimateSample> samples = device.stream().map(ClimateRow::sample).toList();
      int n = samples.size();
      // run[i]: how many samples up to i are complete and one interval apart
      int[] run = new int[n];
      for (int i = 0; i < n; i++) {
        ClimateSample s = samples.get(i);
        if (!s.isComplete() || (power && !Double.isFinite(device.get(i).controllablePowerKw()))) {
          run[i] = 0;
        } else if (i > 0
            && run[i - 1] > 0
            && Math.abs(
                    Duration.between(samples.get(i - 1).time(), s.time()).toMillis()
                        - interval.toMillis())
                <= tolerance) {
          run[i] = run[i - 1] + 1;
        } else {
          run[i] = 1;
        }
      }
      for (int i = FeatureLayout.WINDOW - 1; i + horizonSteps < n; i++) {
        int j = i + horizonSteps;
        if (run[j] < FeatureLayout.WINDOW + horizonSteps) {
          continue;
        }
        double candidate = samples.get(i + 1).setpointC();
        boolean held = true;
        for (int k = i + 2; k <= j && held; k++) {
          held = samples.get(k).setpointC() == candidate;
        }
        if (!held || seen++ % stride != 0) {
          continue;
        }
        List<ClimateSample> window = samples.subList(i - FeatureLayout.WINDOW + 1, i + 1);
        x.add(FeatureLayout.row(window, candidate));
        if (power) {
          double sum = 0;
          for (int k = i + 1; k <= j; k++) {
            sum += device.get(k).controllablePowerKw();
          }
          y.add(new double[] {sum / horizonSteps, device.get(i).controllablePowerKw()});
        } else {
          y.add(
              new double[] {
                samples.get(j).indoorTemperatureC(), samples.get(i).indoorTemperatureC()
              });
        }
        Instant time = samples.get(i).time();
        t.add(time);
        Instant first = window.getFirst().time();
        Instant last = samples.get(j).time();
        from = from == null || first.isBefore(from) ? first : from;
        to = to == null || last.isAfter(to) ? last : to;
      }
    }
    float[] features = new float[x.size() * FeatureLayout.FEATURES];
    double[] targets = new double[x.size()];
    double[] current = new double[x.size()];
    for (int i = 0; i < x.size(); i++) {
      System.arraycopy(x.get(i), 0, features, i * FeatureLayout.FEATURES, FeatureLayout.FEATURES);
      targets[i] = y.get(i)[0];
      current[i] = y.get(i)[1];
    }
    return new Examples(features, targets, current, t.toArray(Instant[]::new), from, to);
  }

  /** The examples whose index passes {@code keep}. */
  public Examples select(java.util.function.IntPredicate keep) {
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (keep.test(i)) {
        chosen.add(i);
      }
    }
    float[] f = new float[chosen.size() * FeatureLayout.FEATURES];
    double[] tg = new double[chosen.size()];
    double[] cu = new double[chosen.size()];
    Instant[] ti = new Instant[chosen.size()];
    for (int k = 0; k < chosen.size(); k++) {
      int i = chosen.get(k);
      System.arraycopy(
          features,
          i * FeatureLayout.FEATURES,
          f,
          k * FeatureLayout.FEATURES,
          FeatureLayout.FEATURES);
      tg[k] = targets[i];
      cu[k] = current[i];
      ti[k] = times[i];
    }
    return new Examples(f, tg, cu, ti, from, to);
  }
}
