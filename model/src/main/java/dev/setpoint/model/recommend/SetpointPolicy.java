package dev.setpoint.model.recommend;

import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.features.SampleWindow;
import dev.setpoint.model.features.WindowStatus;
import java.time.Instant;
import java.util.List;

/**
 * Recommends the highest candidate setpoint whose predicted inlet temperature stays at or below the
 * limit minus the margin, moving at most {@link PolicySettings#maxRaiseC()} up per decision, and
 * falls back to {@link PolicySettings#fallbackC()} when the window is incomplete or stale or the
 * predictions are missing. Stateless: the current setpoint is the newest sample's.
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
    WindowStatus status = window.status(now, settings.maxSampleAge());
    return switch (status) {
      case INCOMPLETE -> fallback(Reason.WINDOW_INCOMPLETE);
      case STALE -> fallback(Reason.WINDOW_STALE);
      case READY -> decide(window.samples(), predictor);
    };
  }

  /** Decides for a complete, fresh window of six samples, oldest first. */
  public Recommendation decide(List<ClimateSample> window, InletPredictor predictor) {
    if (window.size() != FeatureLayout.WINDOW) {
      return fallback(Reason.WINDOW_INCOMPLETE);
    }
    float[] predictions = predict(window, predictor);
    if (predictions == null) {
      return fallback(Reason.PREDICTION_MISSING);
    }
    return choose(window.getLast().setpointC(), predictions);
  }

  /**
   * The choice among the candidates given their predictions (same order) and the current setpoint.
   */
  Recommendation choose(double currentC, float[] predictions) {
    int best = -1;
    for (int i = candidates.length - 1; i >= 0; i--) {
      if (predictions[i] <= settings.thresholdC() + EPS) {
        best = i;
        break;
      }
    }
    if (best < 0) {
      return new Recommendation(candidates[0], predictions[0], Reason.NO_SAFE_CANDIDATE);
    }
    if (candidates[best] > currentC + settings.maxRaiseC() + EPS) {
      int raised = 0;
      for (int i = best; i >= 0; i--) {
        if (candidates[i] <= currentC + settings.maxRaiseC() + EPS) {
          raised = i;
          break;
        }
      }
      return new Recommendation(candidates[raised], predictions[raised], Reason.STEP_LIMITED);
    }
    if (candidates[best] < currentC - settings.maxLowerC() - EPS) {
      int lowered = best;
      for (int i = best; i < candidates.length; i++) {
        if (candidates[i] >= currentC - settings.maxLowerC() - EPS) {
          lowered = i;
          break;
        }
      }
      return new Recommendation(candidates[lowered], predictions[lowered], Reason.STEP_LIMITED);
    }
    return new Recommendation(candidates[best], predictions[best], Reason.MODEL);
  }

  private float[] predict(List<ClimateSample> window, InletPredictor predictor) {
    if (predictor == null) {
      return null;
    }
    float[] predictions;
    try {
      predictions = predictor.predict(FeatureLayout.batch(window, candidates), candidates.length);
    } catch (Exception e) {
      return null;
    }
    if (predictions == null || predictions.length != candidates.length) {
      return null;
    }
    for (float p : predictions) {
      if (!Float.isFinite(p)) {
        return null;
      }
    }
    return predictions;
  }

  private Recommendation fallback(Reason reason) {
    return new Recommendation(settings.fallbackC(), Double.NaN, reason);
  }
}
