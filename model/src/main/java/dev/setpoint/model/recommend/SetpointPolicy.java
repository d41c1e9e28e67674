package dev.setpoint.model.recommend;

import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.features.SampleWindow;
import dev.setpoint.model.features.WindowStatus;
import java.time.Instant;
import java.util.List;

/**
 * Recommends the highest candidate setpoint whose predicted inlet temperature stays at or below the
 * limit minus the margin at every horizon the predictor looks ahead (the hottest of its 10-, 20-
 * and 30-minute predictions with the candidate held, for a look-ahead model), moving at most {@link
 * PolicySettings#maxRaiseC()} up per decision. When the window is incomplete or stale or the
 * predictions are missing it falls back: it moves from the current setpoint toward {@link
 * PolicySettings#fallbackC()} by at most {@link PolicySettings#fallbackStepC()} per decision
 * (straight to it only when no setpoint is known). Stateless: the current setpoint is the newest
 * sample's.
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
    float[] predictions = predict(window, predictor);
    if (predictions == null) {
      return fallback(Reason.PREDICTION_MISSING, currentC);
    }
    return choose(window.getLast().setpointC(), predictions, thresholdC);
  }

  /**
   * The choice among the candidates given their predictions (same order) and the current setpoint.
   */
  Recommendation choose(double currentC, float[] predictions) {
    return choose(currentC, predictions, settings.thresholdC());
  }

  private Recommendation choose(double currentC, float[] predictions, double thresholdC) {
    double atCurrent = predictionAt(currentC, predictions);
    double threshold = thresholdC + EPS;
    int best = highestAtOrBelow(predictions, threshold);
    if (best < 0) {
      return new Recommendation(candidates[0], predictions[0], Reason.NO_SAFE_CANDIDATE, atCurrent);
    }
    if (candidates[best] > currentC + EPS) {
      // Rise only to a candidate that is safe with the hysteresis to spare; otherwise hold the
      // highest safe candidate at or below the current setpoint.
      int clear = highestAtOrBelow(predictions, threshold - settings.raiseHysteresisC());
      if (clear < 0 || candidates[clear] <= currentC + EPS) {
        int hold = -1;
        for (int i = best; i >= 0; i--) {
          if (candidates[i] <= currentC + EPS && predictions[i] <= threshold) {
            hold = i;
            break;
          }
        }
        best = hold >= 0 ? hold : best;
      } else {
        best = clear;
      }
    }
    if (candidates[best] > currentC + settings.maxRaiseC() + EPS) {
      int raised = 0;
      for (int i = best; i >= 0; i--) {
        if (candidates[i] <= currentC + settings.maxRaiseC() + EPS) {
          raised = i;
          break;
        }
      }
      return new Recommendation(
          candidates[raised], predictions[raised], Reason.STEP_LIMITED, atCurrent);
    }
    if (candidates[best] < currentC - settings.maxLowerC() - EPS) {
      int lowered = best;
      for (int i = best; i < candidates.length; i++) {
        if (candidates[i] >= currentC - settings.maxLowerC() - EPS) {
          lowered = i;
          break;
        }
      }
      return new Recommendation(
          candidates[lowered], predictions[lowered], Reason.STEP_LIMITED, atCurrent);
    }
    return new Recommendation(candidates[best], predictions[best], Reason.MODEL, atCurrent);
  }

  /**
   * The prediction at the candidate nearest to {@code currentC}, or NaN when the current setpoint
   * lies more than half a step outside the candidates.
   */
  private double predictionAt(double currentC, float[] predictions) {
    int nearest = 0;
    for (int i = 1; i < candidates.length; i++) {
      if (Math.abs(candidates[i] - currentC) < Math.abs(candidates[nearest] - currentC)) {
        nearest = i;
      }
    }
    return Math.abs(candidates[nearest] - currentC) <= settings.stepC() / 2 + EPS
        ? predictions[nearest]
        : Double.NaN;
  }

  private int highestAtOrBelow(float[] predictions, double threshold) {
    for (int i = candidates.length - 1; i >= 0; i--) {
      if (predictions[i] <= threshold) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Each candidate's hottest predicted inlet over the predictor's horizons (all candidates and
   * horizons in one call), or null when the predictor cannot answer in full.
   */
  private float[] predict(List<ClimateSample> window, InletPredictor predictor) {
    if (predictor == null) {
      return null;
    }
    int horizons;
    float[] ahead;
    try {
      horizons = predictor.horizons().size();
      ahead = predictor.predictAhead(FeatureLayout.batch(window, candidates), candidates.length);
    } catch (Exception e) {
      return null;
    }
    if (horizons < 1 || ahead == null || ahead.length != candidates.length * horizons) {
      return null;
    }
    float[] hottest = new float[candidates.length];
    for (int c = 0; c < candidates.length; c++) {
      float max = Float.NEGATIVE_INFINITY;
      for (int h = 0; h < horizons; h++) {
        float p = ahead[c * horizons + h];
        if (!Float.isFinite(p)) {
          return null;
        }
        max = Math.max(max, p);
      }
      hottest[c] = max;
    }
    return hottest;
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
        currentC, r.predictedAtCurrentC(), Reason.DWELL, r.predictedAtCurrentC());
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
