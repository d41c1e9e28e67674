package dev.setpoint.model.recommend;

import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.features.SampleWindow;
import dev.setpoint.model.features.WindowStatus;
import java.time.Instant;
import java.util.List;

/**
 * Recommends, among the candidate setpoints whose predicted inlet temperature stays at or below the
 * limit minus the margin at every horizon the predictor looks ahead (the hottest of its 10-, 20-
 * and 30-minute predictions with the candidate held, for a look-ahead model), the one of least
 * predicted power (cooling plus server fans, from a model with a power head; the highest safe one
 * without), moving at most {@link PolicySettings#maxRaiseC()} up per decision. When the window is
 * incomplete or stale or the predictions are missing it falls back: it moves from the current
 * setpoint toward {@link PolicySettings#fallbackC()} by at most {@link
 * PolicySettings#fallbackStepC()} per decision (straight to it only when no setpoint is known).
 * Stateless: the current setpoint is the newest sample's.
 */
public final class SetpointPolicy {
  private static final double EPS = 1e-6;

  private final PolicySettings settings;
  private final double[] candidates;

  public SetpointPolicy(PolicySettings settings) {
    this.settings = settings;
    this.candidates = settings.candidates();
  }

  public SetpointPolicy() {
    this(PolicySettings.defaults());
  }

  public PolicySettings settings() {
    return settings;
  }

  /** The candidate setpoints, ascending. */
  public double[] candidates() {
    return candidates.clone();
  }

  /** Decides for {@code window} at {@code now}; {@code predictor} may be null (no model). */
  public Recommendation decide(SampleWindow window, Instant now, InletPredictor predictor) {
    return decide(window, now, predictor, null);
  }

  /**
   * Decides as {@link #decide(SampleWindow, Instant, InletPredictor)} does, keeping the current
   * setpoint while it changed less than {@link PolicySettings#minDwell()} ago (at {@code
   * lastChange}, or null when unknown) and keeping it is predicted safe.
   */
  public Recommendation decide(
      SampleWindow window, Instant now, InletPredictor predictor, Instant lastChange) {
    return decide(window, now, predictor, lastChange, null);
  }

  /**
   * Decides as {@link #decide(SampleWindow, Instant, InletPredictor, Instant)} does, and does not
   * act on the model for a window outside the model's {@code ranges} (null: not known): it holds
   * the current setpoint, or walks it toward the fallback if the measured inlet is already above
   * the threshold ({@link Reason#OUT_OF_RANGE}).
   */
  public Recommendation decide(
      SampleWindow window,
      Instant now,
      InletPredictor predictor,
      Instant lastChange,
      TrainingRanges ranges) {
    return decide(window, now, predictor, lastChange, ranges, settings.marginC());
  }

  /**
   * Decides as {@link #decide(SampleWindow, Instant, InletPredictor, Instant, TrainingRanges)} does
   * with {@code marginC} below the limit instead of the settings' fixed margin: a room's learnt
   * bound ({@link ResidualBound}).
   */
  public Recommendation decide(
      SampleWindow window,
      Instant now,
      InletPredictor predictor,
      Instant lastChange,
      TrainingRanges ranges,
      double marginC) {
    ClimateSample newest = window.newest();
    return decide(
        window,
        now,
        predictor,
        lastChange,
        ranges,
        marginC,
        newest == null ? Double.NaN : newest.setpointC());
  }

  /**
   * The setpoint a room is at when a decision starts: the newest sample's, unless a setpoint was
   * sent after it (nothing heard since: the room is where it was sent, so a silent room's fallback
   * steps on from there instead of repeating its first step).
   *
   * @param newest the window's newest sample, or null
   * @param sentAt when the last setpoint was sent to the room, or null when none was
   * @param sentC that setpoint, °C
   * @param unknownC the setpoint to assume with neither a sample nor a sent setpoint, °C
   */
  public static double roomSetpoint(
      ClimateSample newest, Instant sentAt, double sentC, double unknownC) {
    if (sentAt != null && (newest == null || !newest.time().isAfter(sentAt))) {
      return sentC;
    }
    return newest != null ? newest.setpointC() : unknownC;
  }

  /**
   * Decides as {@link #decide(SampleWindow, Instant, InletPredictor, Instant, TrainingRanges,
   * double)} does, with the setpoint the room is at given ({@link #roomSetpoint}): a fallback steps
   * from {@code currentC} (NaN: not known) rather than from the newest sample's, which a silent
   * room's commands have left behind.
   */
  public Recommendation decide(
      SampleWindow window,
      Instant now,
      InletPredictor predictor,
      Instant lastChange,
      TrainingRanges ranges,
      double marginC,
      double currentC) {
    double threshold = settings.limitC() - marginC;
    WindowStatus status = window.status(now, settings.maxSampleAge());
    ClimateSample newest = window.newest();
    return switch (status) {
      case INCOMPLETE -> fallback(Reason.WINDOW_INCOMPLETE, currentC);
      case STALE -> fallback(Reason.WINDOW_STALE, currentC);
      case READY -> {
        if (ranges != null && ranges.outside(window.samples()).isPresent()) {
          yield outOfRange(newest, currentC, threshold);
        }
        Recommendation r = decide(window.samples(), predictor, threshold);
        boolean dwelling = lastChange != null && lastChange.plus(settings.minDwell()).isAfter(now);
        yield dwelling ? dwell(r, currentC, threshold) : r;
      }
    };
  }

  /** Decides for a complete, fresh window of six samples, oldest first. */
  public Recommendation decide(List<ClimateSample> window, InletPredictor predictor) {
    return decide(window, predictor, settings.thresholdC());
  }

  private Recommendation decide(
      List<ClimateSample> window, InletPredictor predictor, double thresholdC) {
    double currentC = window.isEmpty() ? Double.NaN : window.getLast().setpointC();
    if (window.size() != FeatureLayout.WINDOW) {
      return fallback(Reason.WINDOW_INCOMPLETE, currentC);
    }
    Predictions predictions = predict(window, predictor);
    if (predictions == null) {
      return fallback(Reason.PREDICTION_MISSING, currentC);
    }
    return choose(window.getLast().setpointC(), predictions, thresholdC);
  }

  /**
   * The choice among the candidates given their predictions (same order) and the current setpoint.
   */
  Recommendation choose(double currentC, float[] predictions) {
    return choose(currentC, new Predictions(predictions, null), settings.thresholdC());
  }

  /** As {@link #choose(double, float[])}, with each candidate's predicted power (kW). */
  Recommendation choose(double currentC, float[] predictions, float[] powerKw) {
    return choose(currentC, new Predictions(predictions, powerKw), settings.thresholdC());
  }

  /**
   * Each candidate's hottest predicted inlet over the horizons and, from a model with a power head,
   * its predicted mean power (null otherwise).
   */
  private record Predictions(float[] hottest, float[] powerKw) {
    double power(int i) {
      return powerKw == null ? Double.NaN : powerKw[i];
    }
  }

  private Recommendation choose(double currentC, Predictions p, double thresholdC) {
    float[] predictions = p.hottest();
    int at = indexAt(currentC);
    double atCurrent = at < 0 ? Double.NaN : predictions[at];
    double powerAtCurrent = at < 0 ? Double.NaN : p.power(at);
    double threshold = thresholdC + EPS;
    int last = candidates.length - 1;
    int best = cheapestSafe(p, threshold, last);
    if (best < 0) {
      return recommend(0, p, Reason.NO_SAFE_CANDIDATE, atCurrent, powerAtCurrent);
    }
    if (candidates[best] > currentC + EPS) {
      // Rise only to a candidate that is safe with the hysteresis to spare; otherwise hold the
      // cheapest safe candidate at or below the current setpoint.
      int clear = cheapestSafe(p, threshold - settings.raiseHysteresisC(), last);
      if (clear < 0 || candidates[clear] <= currentC + EPS) {
        int hold = cheapestSafe(p, threshold, highestAtOrBelowC(currentC + EPS));
        best = hold >= 0 ? hold : best;
      } else {
        best = clear;
      }
    }
    if (candidates[best] > currentC + settings.maxRaiseC() + EPS) {
      int raised = Math.max(0, highestAtOrBelowC(currentC + settings.maxRaiseC() + EPS));
      return recommend(raised, p, Reason.STEP_LIMITED, atCurrent, powerAtCurrent);
    }
    if (candidates[best] < currentC - settings.maxLowerC() - EPS) {
      int lowered = best;
      for (int i = best; i < candidates.length; i++) {
        if (candidates[i] >= currentC - settings.maxLowerC() - EPS) {
          lowered = i;
          break;
        }
      }
      return recommend(lowered, p, Reason.STEP_LIMITED, atCurrent, powerAtCurrent);
    }
    return recommend(best, p, Reason.MODEL, atCurrent, powerAtCurrent);
  }

  private Recommendation recommend(
      int i, Predictions p, Reason reason, double atCurrent, double powerAtCurrent) {
    return new Recommendation(
        candidates[i], p.hottest()[i], reason, atCurrent, p.power(i), powerAtCurrent);
  }

  /**
   * The index of the candidate nearest to {@code currentC}, or −1 when the current setpoint lies
   * more than half a step outside the candidates.
   */
  private int indexAt(double currentC) {
    int nearest = 0;
    for (int i = 1; i < candidates.length; i++) {
      if (Math.abs(candidates[i] - currentC) < Math.abs(candidates[nearest] - currentC)) {
        nearest = i;
      }
    }
    return Math.abs(candidates[nearest] - currentC) <= settings.stepC() / 2 + EPS ? nearest : -1;
  }

  /** The highest candidate at or below {@code c}, or −1. */
  private int highestAtOrBelowC(double c) {
    for (int i = candidates.length - 1; i >= 0; i--) {
      if (candidates[i] <= c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Among the candidates up to index {@code upTo} predicted at or below {@code threshold}: the one
   * of least predicted power (the higher on a tie), or without power predictions the highest; −1
   * when none is.
   */
  private static int cheapestSafe(Predictions p, double threshold, int upTo) {
    int best = -1;
    for (int i = upTo; i >= 0; i--) {
      if (p.hottest()[i] <= threshold
          && (best < 0 || (p.powerKw() != null && p.powerKw()[i] < p.powerKw()[best]))) {
        best = i;
        if (p.powerKw() == null) {
          break;
        }
      }
    }
    return best;
  }

  /**
   * Each candidate's hottest predicted inlet over the predictor's horizons and its predicted power
   * (all candidates, horizons and power in one call), or null when the predictor cannot answer the
   * inlet in full. Power that is missing or not finite is left out: the choice is then the highest
   * safe candidate, as without a power head.
   */
  private Predictions predict(List<ClimateSample> window, InletPredictor predictor) {
    if (predictor == null) {
      return null;
    }
    int horizons;
    InletPredictor.Forecast forecast;
    try {
      horizons = predictor.horizons().size();
      forecast = predictor.forecast(FeatureLayout.batch(window, candidates), candidates.length);
    } catch (Exception e) {
      return null;
    }
    float[] ahead = forecast == null ? null : forecast.inlet();
    if (horizons < 1 || ahead == null || ahead.length != candidates.length * horizons) {
      return null;
    }
    float[] hottest = new float[candidates.length];
    for (int c = 0; c < candidates.length; c++) {
      float max = Float.NEGATIVE_INFINITY;
      for (int h = 0; h < horizons; h++) {
        float v = ahead[c * horizons + h];
        if (!Float.isFinite(v)) {
          return null;
        }
        max = Math.max(max, v);
      }
      hottest[c] = max;
    }
    float[] power = forecast.powerKw();
    if (power != null && power.length != candidates.length) {
      power = null;
    }
    for (int c = 0; power != null && c < power.length; c++) {
      if (!Float.isFinite(power[c])) {
        power = null;
      }
    }
    return new Predictions(hottest, power);
  }

  /** Holds the current setpoint, unless the measured inlet is above the threshold already. */
  private Recommendation outOfRange(ClimateSample newest, double currentC, double thresholdC) {
    if (newest.indoorTemperatureC() > thresholdC) {
      return fallback(Reason.OUT_OF_RANGE, currentC);
    }
    return new Recommendation(currentC, Double.NaN, Reason.OUT_OF_RANGE);
  }

  /**
   * The decision while the setpoint dwells: the current setpoint kept if the model's choice would
   * move it and keeping it is predicted safe (at or below the threshold); the choice otherwise.
   */
  Recommendation dwell(Recommendation r, double currentC) {
    return dwell(r, currentC, settings.thresholdC());
  }

  private Recommendation dwell(Recommendation r, double currentC, double thresholdC) {
    if (r.reason().isFallback()
        || Math.abs(r.setpointC() - currentC) < EPS
        || !(r.predictedAtCurrentC() <= thresholdC + EPS)) {
      return r;
    }
    return new Recommendation(
        currentC,
        r.predictedAtCurrentC(),
        Reason.DWELL,
        r.predictedAtCurrentC(),
        r.predictedPowerAtCurrentKw(),
        r.predictedPowerAtCurrentKw());
  }

  /**
   * One step from {@code currentC} toward the fallback setpoint, at most {@link
   * PolicySettings#fallbackStepC()}; the fallback itself when no current setpoint is known.
   */
  Recommendation fallback(Reason reason, double currentC) {
    double target = settings.fallbackC();
    if (!Double.isFinite(currentC)) {
      return new Recommendation(target, Double.NaN, reason);
    }
    double step = settings.fallbackStepC();
    double next = Math.max(currentC - step, Math.min(currentC + step, target));
    return new Recommendation(Math.round(next * 1e6) / 1e6, Double.NaN, reason);
  }
}
