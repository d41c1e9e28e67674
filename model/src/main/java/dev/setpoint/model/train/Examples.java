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
 * @param features {@code size × 37} values, row-major
 * @param targets inlet temperature at the horizon, °C
 * @param current the newest sample's inlet temperature (the persistence baseline), °C
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

  /** Cuts examples; {@code stride} keeps every n-th window (1 = all). */
  public static Examples of(
      List<ClimateRow> rows, Duration interval, Duration horizon, int stride) {
    int horizonSteps = (int) (horizon.toMillis() / interval.toMillis());
    if (horizonSteps < 1 || horizon.toMillis() % interval.toMillis() != 0) {
      throw new IllegalArgumentException(
          "the horizon must be a positive multiple of the interval: " + horizon + ", " + interval);
    }
    Map<String, List<ClimateSample>> byDevice = new LinkedHashMap<>();
    for (ClimateRow row : rows) {
      byDevice.computeIfAbsent(row.device(), d -> new ArrayList<>()).add(row.sample());
    }
    long tolerance = interval.toMillis() / 6;
    List<float[]> x = new ArrayList<>();
    List<double[]> y = new ArrayList<>();
    List<Instant> t = new ArrayList<>();
    Instant from = null;
    Instant to = null;
    int seen = 0;
    for (List<ClimateSample> samples : byDevice.values()) {
      samples.sort((a, b) -> a.time().compareTo(b.time()));
      int n = samples.size();
      // run[i]: how many samples up to i are complete and one interval apart
      int[] run = new int[n];
      for (int i = 0; i < n; i++) {
        ClimateSample s = samples.get(i);
        if (!s.isComplete()) {
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
        y.add(
            new double[] {
              samples.get(j).indoorTemperatureC(), samples.get(i).indoorTemperatureC()
            });
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
