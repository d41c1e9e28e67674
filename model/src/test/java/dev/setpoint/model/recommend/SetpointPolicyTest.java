package dev.setpoint.model.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.features.SampleWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SetpointPolicyTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_000_000);

  /** A full, fresh window whose setpoint is {@code currentC}. */
  static SampleWindow window(double currentC, int samples) {
    SampleWindow w = new SampleWindow(Duration.ofSeconds(60));
    for (int i = samples - 1; i >= 0; i--) {
      w.offer(new ClimateSample(NOW.minusSeconds(60L * i), 25, 45, 30, 70, 1, currentC));
    }
    return w;
  }

  /** The inlet is predicted {@code offset} above the candidate. */
  static InletPredictor offset(double offset) {
    return (features, rows) -> {
      float[] out = new float[rows];
      for (int r = 0; r < rows; r++) {
        out[r] =
            (float) (features[r * FeatureLayout.FEATURES + FeatureLayout.CANDIDATE_INDEX] + offset);
      }
      return out;
    };
  }

  @Test
  void nineteenCandidatesFrom18To27() {
    double[] c = new SetpointPolicy().candidates();
    assertEquals(19, c.length);
    assertEquals(18.0, c[0]);
    assertEquals(27.0, c[18]);
  }

  @Test
  void picksTheHighestCandidateAtOrBelowLimitMinusMargin() {
    PolicySettings d = PolicySettings.defaults();
    PolicySettings noHysteresis =
        new PolicySettings(
            d.minC(),
            d.maxC(),
            d.stepC(),
            d.limitC(),
            d.marginC(),
            d.maxRaiseC(),
            0.0,
            d.maxLowerC(),
            d.fallbackC(),
            d.maxSampleAge());
    Recommendation r = new SetpointPolicy(noHysteresis).decide(window(23.5, 6), NOW, offset(2.0));
    assertEquals(24.0, r.setpointC());
    assertEquals(26.0, r.predictedInletC(), 1e-6);
    assertEquals(Reason.MODEL, r.reason());
  }

  @Test
  void risesOnlyWithTheHysteresisToSpare() {
    SetpointPolicy policy = new SetpointPolicy();
    // 24.0 is predicted at exactly 26.0: safe, but not by 0.3 °C, so 23.5 (25.5) it is
    Recommendation r = policy.decide(window(23.0, 6), NOW, offset(2.0));
    assertEquals(23.5, r.setpointC());
    assertEquals(Reason.MODEL, r.reason());
    // already at 24.0: it stays, since it is safe
    assertEquals(24.0, policy.decide(window(24.0, 6), NOW, offset(2.0)).setpointC());
  }

  @Test
  void aRiseIsBoundedPerDecision() {
    Recommendation r = new SetpointPolicy().decide(window(20.0, 6), NOW, offset(1.0));
    assertEquals(21.0, r.setpointC());
    assertEquals(Reason.STEP_LIMITED, r.reason());
    assertEquals(22.0, r.predictedInletC(), 1e-6);
  }

  @Test
  void aFallIsImmediate() {
    Recommendation r = new SetpointPolicy().decide(window(27.0, 6), NOW, offset(4.0));
    assertEquals(22.0, r.setpointC());
    assertEquals(Reason.MODEL, r.reason());
  }

  @Test
  void noSafeCandidateMeansTheLowest() {
    Recommendation r = new SetpointPolicy().decide(window(24.0, 6), NOW, offset(12.0));
    assertEquals(18.0, r.setpointC());
    assertEquals(Reason.NO_SAFE_CANDIDATE, r.reason());
  }

  @Test
  void fallsBackWhenTheWindowOrTheModelCannotBeTrusted() {
    SetpointPolicy policy = new SetpointPolicy();
    assertFallback(Reason.WINDOW_INCOMPLETE, policy.decide(window(24, 5), NOW, offset(1)));
    assertFallback(
        Reason.WINDOW_STALE, policy.decide(window(24, 6), NOW.plusSeconds(181), offset(1)));
    assertFallback(Reason.PREDICTION_MISSING, policy.decide(window(24, 6), NOW, null));
    assertFallback(
        Reason.PREDICTION_MISSING,
        policy.decide(
            window(24, 6),
            NOW,
            (f, rows) -> {
              throw new IllegalStateException("session closed");
            }));
    assertFallback(
        Reason.PREDICTION_MISSING, policy.decide(window(24, 6), NOW, (f, rows) -> new float[3]));
    assertFallback(
        Reason.PREDICTION_MISSING,
        policy.decide(
            window(24, 6),
            NOW,
            (f, rows) -> {
              float[] out = new float[rows];
              out[4] = Float.NaN;
              return out;
            }));
  }

  private static void assertFallback(Reason expected, Recommendation r) {
    assertEquals(expected, r.reason());
    assertEquals(18.0, r.setpointC());
    assertTrue(Double.isNaN(r.predictedInletC()));
    assertTrue(r.reason().isFallback());
  }
}
