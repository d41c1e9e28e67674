package dev.setpoint.model.eval;

import dev.setpoint.model.features.SampleWindow;
import dev.setpoint.model.recommend.InletPredictor;
import dev.setpoint.model.recommend.Reason;
import dev.setpoint.model.recommend.Recommendation;
import dev.setpoint.model.recommend.ResidualBound;
import dev.setpoint.model.recommend.SetpointPolicy;
import dev.setpoint.model.recommend.TrainingRanges;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** How a setpoint is chosen in the closed loop, once per decision interval. */
public interface Strategy {
  String name();

  /** The setpoint before the first decision. */
  double initialC();

  /** The setpoint from now on, given the room's window and the current setpoint. */
  double decide(SampleWindow window, Instant now, double currentC);

  /** The same setpoint all year. */
  record Fixed(double setpointC) implements Strategy {
    @Override
    public String name() {
      return String.format(java.util.Locale.ROOT, "fixed %.1f °C", setpointC);
    }

    @Override
    public double initialC() {
      return setpointC;
    }

    @Override
    public double decide(SampleWindow window, Instant now, double currentC) {
      return setpointC;
    }
  }

  /**
   * An operator's rule without a model: lower the setpoint 1 °C when the inlet is above {@code
   * highC}, raise it 0.5 °C when below {@code lowC}, within 18–27 °C.
   */
  record Thermostat(double lowC, double highC) implements Strategy {
    @Override
    public String name() {
      return String.format(java.util.Locale.ROOT, "thermostat rule %.1f–%.1f °C", lowC, highC);
    }

    @Override
    public double initialC() {
      return 18.0;
    }

    @Override
    public double decide(SampleWindow window, Instant now, double currentC) {
      var newest = window.newest();
      if (newest == null) {
        return currentC;
      }
      double inlet = newest.indoorTemperatureC();
      if (inlet > highC) {
        return Math.max(18.0, currentC - 1.0);
      }
      if (inlet < lowC) {
        return Math.min(27.0, currentC + 0.5);
      }
      return currentC;
    }
  }

  /** The recommender: the model's predictions through the {@link SetpointPolicy}. */
  final class Recommender implements Strategy {
    private final SetpointPolicy policy;
    private final InletPredictor predictor;
    private final Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
    private final TrainingRanges ranges;
    private final ResidualBound bound = new ResidualBound();
    private Instant lastChange;
    private Instant lastDecision;

    /**
     * @param ranges the model's training ranges, or null when unknown (no out-of-range guard)
     */
    public Recommender(SetpointPolicy policy, InletPredictor predictor, TrainingRanges ranges) {
      this.policy = policy;
      this.predictor = predictor;
      this.ranges = ranges;
    }

    @Override
    public String name() {
      return "recommender (ONNX model + policy + learnt bound)";
    }

    @Override
    public double initialC() {
      return policy.settings().fallbackC();
    }

    @Override
    public double decide(SampleWindow window, Instant now, double currentC) {
      for (var sample : window.samples()) {
        bound.observe(sample.time(), sample.indoorTemperatureC()); // the samples not seen yet
      }
      double margin = bound.marginC(policy.settings().marginC());
      // Every decision here is applied, so the room is at currentC once one was sent.
      double current =
          SetpointPolicy.roomSetpoint(window.newest(), lastDecision, currentC, currentC);
      lastDecision = now;
      Recommendation r = policy.decide(window, now, predictor, lastChange, ranges, margin, current);
      reasons.merge(r.reason(), 1, Integer::sum);
      var newest = window.newest();
      if (newest != null && !r.reason().isFallback()) {
        bound.expect(newest.time(), r.predictedInletC(), margin, predictor.horizons().getLast());
      }
      if (Math.abs(r.setpointC() - currentC) > 1e-9) {
        lastChange = now;
      }
      return r.setpointC();
    }

    /** The learnt bound, for its coverage. */
    public ResidualBound bound() {
      return bound;
    }

    /** How often each reason was given so far. */
    public Map<Reason, Integer> reasons() {
      return Map.copyOf(reasons);
    }
  }
}
