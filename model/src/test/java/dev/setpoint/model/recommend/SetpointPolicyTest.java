package dev.setpoint.model.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.features.SampleWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetpointPolicyTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_000_000);
  private static final PolicySettings DEFAULTS = PolicySettings.defaults();

  /** The default settings with the three knobs these tests vary. */
  private static PolicySettings defaultsWith(
      double marginC, double raiseHysteresisC, double fallbackStepC) {
    PolicySettings d = DEFAULTS;
    return new PolicySettings(
        d.minC(),
        d.maxC(),
        d.stepC(),
        d.limitC(),
        marginC,
        d.maxRaiseC(),
        raiseHysteresisC,
        d.maxLowerC(),
        d.fallbackC(),
        d.maxSampleAge(),
        fallbackStepC,
        d.minDwell());
  }

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

  /**
   * A look-ahead predictor: at 10 min the inlet is 2 °C above the candidate; a candidate above
   * {@code warmsFromC} keeps warming, by {@code perStepC} more at each later horizon.
   */
  static InletPredictor lookAhead(double warmsFromC, double perStepC, List<Float> calls) {
    return new InletPredictor() {
      @Override
      public float[] predict(float[] features, int rows) {
        throw new AssertionError("the policy asks for every horizon at once");
      }

      @Override
      public List<Duration> horizons() {
        return List.of(Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30));
      }

      @Override
      public float[] predictAhead(float[] features, int rows) {
        calls.add((float) rows);
        float[] out = new float[rows * 3];
        for (int r = 0; r < rows; r++) {
          double c = features[r * FeatureLayout.FEATURES + FeatureLayout.CANDIDATE_INDEX];
          for (int h = 0; h < 3; h++) {
            out[r * 3 + h] = (float) (c + 2 + (c > warmsFromC ? h * perStepC : 0));
          }
        }
        return out;
      }
    };
  }

  @Test
  void theHottestInlet30MinutesAheadMustStayUnderTheThreshold() {
    PolicySettings noHysteresis = defaultsWith(DEFAULTS.marginC(), 0.0, DEFAULTS.fallbackStepC());
    List<Float> calls = new ArrayList<>();
    // at 10 min 24.0 looks safe (26.0), but above 23.0 the room keeps warming: 27.0 at 30 min
    Recommendation r =
        new SetpointPolicy(noHysteresis).decide(window(23.0, 6), NOW, lookAhead(23.0, 0.5, calls));
    assertEquals(23.0, r.setpointC());
    assertEquals(25.0, r.predictedInletC(), 1e-6);
    assertEquals(List.of(19f), calls, "all candidates and horizons in one call");
    // the same room with a model that sees no warming: 24.0
    Recommendation flat =
        new SetpointPolicy(noHysteresis)
            .decide(window(23.0, 6), NOW, lookAhead(99, 0.5, new ArrayList<>()));
    assertEquals(24.0, flat.setpointC());
  }

  /** A predictor with two horizons whose look-ahead answers {@code answer(rows)}. */
  static InletPredictor twoHorizons(java.util.function.IntFunction<float[]> answer) {
    return new InletPredictor() {
      @Override
      public float[] predict(float[] features, int rows) {
        return new float[rows];
      }

      @Override
      public List<Duration> horizons() {
        return List.of(Duration.ofMinutes(10), Duration.ofMinutes(30));
      }

      @Override
      public float[] predictAhead(float[] features, int rows) {
        return answer.apply(rows);
      }
    };
  }

  @Test
  void aLookAheadAnswerOfTheWrongSizeOrNotFiniteFallsBack() {
    // one value per row, not two
    InletPredictor tooShort = twoHorizons(rows -> new float[rows]);
    assertEquals(
        Reason.PREDICTION_MISSING,
        new SetpointPolicy().decide(window(23.0, 6), NOW, tooShort).reason());
    InletPredictor nan =
        twoHorizons(
            rows -> {
              float[] out = new float[rows * 2];
              out[out.length - 1] = Float.NaN;
              return out;
            });
    assertEquals(
        Reason.PREDICTION_MISSING, new SetpointPolicy().decide(window(23.0, 6), NOW, nan).reason());
    assertEquals(
        Reason.STEP_LIMITED,
        new SetpointPolicy()
            .decide(window(23.0, 6), NOW, twoHorizons(rows -> new float[rows * 2]))
            .reason(),
        "the same predictor answering in full is acted on (all safe: up by the step)");
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
    PolicySettings noHysteresis = defaultsWith(DEFAULTS.marginC(), 0.0, DEFAULTS.fallbackStepC());
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

  /**
   * The inlet {@code offset} above the candidate; each candidate's power {@code power(candidate)}
   * (a parabola: the server fans' rise beyond its least outweighing the cooling's fall).
   */
  static InletPredictor withPower(double offset, java.util.function.DoubleUnaryOperator power) {
    InletPredictor inlet = offset(offset);
    return new InletPredictor() {
      @Override
      public float[] predict(float[] features, int rows) throws Exception {
        return inlet.predict(features, rows);
      }

      @Override
      public Forecast forecast(float[] features, int rows) throws Exception {
        float[] kw = new float[rows];
        for (int r = 0; r < rows; r++) {
          kw[r] =
              (float)
                  power.applyAsDouble(
                      features[r * FeatureLayout.FEATURES + FeatureLayout.CANDIDATE_INDEX]);
        }
        return new Forecast(inlet.predict(features, rows), kw);
      }
    };
  }

  @Test
  void withAPowerHeadTheCheapestSafeCandidateWinsNotTheHighest() {
    PolicySettings noHysteresis = defaultsWith(DEFAULTS.marginC(), 0.0, DEFAULTS.fallbackStepC());
    SetpointPolicy policy = new SetpointPolicy(noHysteresis);
    // Safe up to 24.0 (inlet 26.0 at 27 − 1); power least at 22.5.
    InletPredictor interior = withPower(2.0, c -> 10 + (c - 22.5) * (c - 22.5));
    Recommendation r = policy.decide(window(22.0, 6), NOW, interior);
    assertEquals(22.5, r.setpointC());
    assertEquals(Reason.MODEL, r.reason());
    assertEquals(10.0, r.predictedPowerKw(), 1e-4);
    assertEquals(10.25, r.predictedPowerAtCurrentKw(), 1e-4);
    assertEquals(24.0, r.predictedAtCurrentC(), 1e-4);

    // Power least at 26.0, beyond the envelope: the cheapest safe candidate is the highest safe.
    InletPredictor beyond = withPower(2.0, c -> 10 + (c - 26) * (c - 26));
    assertEquals(24.0, policy.decide(window(23.5, 6), NOW, beyond).setpointC());

    // A fall to the cheapest is not bounded; a rise to it is, and rises only with the hysteresis.
    assertEquals(22.5, policy.decide(window(24.0, 6), NOW, interior).setpointC());
    Recommendation raised = policy.decide(window(20.0, 6), NOW, interior);
    assertEquals(21.0, raised.setpointC());
    assertEquals(Reason.STEP_LIMITED, raised.reason());
    assertEquals(10 + 1.5 * 1.5, raised.predictedPowerKw(), 1e-4);
  }

  @Test
  void powerThatIsMissingOrNotFiniteLeavesTheHighestSafeCandidate() {
    PolicySettings noHysteresis = defaultsWith(DEFAULTS.marginC(), 0.0, DEFAULTS.fallbackStepC());
    SetpointPolicy policy = new SetpointPolicy(noHysteresis);
    InletPredictor nan = withPower(2.0, c -> c == 22.5 ? Double.NaN : 10 + (c - 22.5) * (c - 22.5));
    Recommendation r = policy.decide(window(23.5, 6), NOW, nan);
    assertEquals(24.0, r.setpointC(), "the power is ignored, not the inlet");
    assertEquals(Reason.MODEL, r.reason());
    assertTrue(Double.isNaN(r.predictedPowerKw()));
    Recommendation without = policy.decide(window(23.5, 6), NOW, offset(2.0));
    assertTrue(Double.isNaN(without.predictedPowerKw()));
    assertTrue(Double.isNaN(without.predictedPowerAtCurrentKw()));
  }

  @Test
  void theCheapestCandidateIsNeverOneOutsideTheEnvelope() {
    // Power falls all the way to 27 °C, but above 24.0 the inlet is predicted over 26 °C.
    Recommendation r =
        new SetpointPolicy(defaultsWith(DEFAULTS.marginC(), 0.0, DEFAULTS.fallbackStepC()))
            .decide(window(24.0, 6), NOW, withPower(2.0, c -> 40 - c));
    assertEquals(24.0, r.setpointC());
    assertEquals(16.0, r.predictedPowerKw(), 1e-4);
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

  /** A fallback from the windows' 24 °C: one step of 1 °C toward 18 °C, not the jump to it. */
  private static void assertFallback(Reason expected, Recommendation r) {
    assertEquals(expected, r.reason());
    assertEquals(23.0, r.setpointC());
    assertTrue(Double.isNaN(r.predictedInletC()));
    assertTrue(r.reason().isFallback());
  }

  @Test
  void aFallbackWalksTowardTheSafeSetpointOneBoundedStepPerDecision() {
    SetpointPolicy policy = new SetpointPolicy();
    double current = 24.0;
    List<Double> walk = new ArrayList<>();
    for (int decision = 0; decision < 8; decision++) {
      Recommendation r = policy.decide(window(current, 6), NOW.plusSeconds(600), offset(1));
      assertEquals(Reason.WINDOW_STALE, r.reason());
      assertTrue(Math.abs(r.setpointC() - current) <= 1.0 + 1e-9, r + " from " + current);
      current = r.setpointC();
      walk.add(current);
    }
    assertEquals(List.of(23.0, 22.0, 21.0, 20.0, 19.0, 18.0, 18.0, 18.0), walk);
  }

  @Test
  void aFallbackFromBelowTheSafeSetpointRisesToIt() {
    assertEquals(
        18.0, new SetpointPolicy().decide(window(17.5, 3), NOW, offset(1)).setpointC(), 1e-9);
  }

  @Test
  void aFallbackWithNoKnownSetpointGoesToTheSafeSetpoint() {
    Recommendation r =
        new SetpointPolicy().decide(new SampleWindow(Duration.ofSeconds(60)), NOW, offset(1));
    assertEquals(Reason.WINDOW_INCOMPLETE, r.reason());
    assertEquals(18.0, r.setpointC());
  }

  @Test
  void theFallbackStepIsASetting() {
    PolicySettings halfDegree = defaultsWith(DEFAULTS.marginC(), DEFAULTS.raiseHysteresisC(), 0.5);
    assertEquals(
        23.5, new SetpointPolicy(halfDegree).decide(window(24, 6), NOW, null).setpointC(), 1e-9);
    assertThrows(
        IllegalArgumentException.class,
        () -> defaultsWith(DEFAULTS.marginC(), DEFAULTS.raiseHysteresisC(), 0));
  }

  @Test
  void aDecisionSaysWhatTheModelPredictsForKeepingTheCurrentSetpoint() {
    // Predicted 2 K above each candidate: at the current 23.5 °C the inlet would be 25.5 °C.
    Recommendation r = new SetpointPolicy().decide(window(23.5, 6), NOW, offset(2.0));
    assertEquals(25.5, r.predictedAtCurrentC(), 1e-4);
    assertEquals(r.setpointC() + 2.0, r.predictedInletC(), 1e-4);

    Recommendation offGrid = new SetpointPolicy().decide(window(30.0, 6), NOW, offset(2.0));
    assertTrue(Double.isNaN(offGrid.predictedAtCurrentC()), "30 °C is off the candidates");

    Recommendation fallback = new SetpointPolicy().decide(window(23.5, 6), NOW, null);
    assertTrue(Double.isNaN(fallback.predictedAtCurrentC()));
  }

  @Test
  void aChangedSetpointDwellsWhileKeepingItIsPredictedSafe() {
    SetpointPolicy policy = new SetpointPolicy();
    // Unconstrained, 23.0 °C with the inlet 2 K above rises to 23.5 (24.0 lacks the hysteresis).
    assertEquals(23.5, policy.decide(window(23.0, 6), NOW, offset(2.0)).setpointC());

    Recommendation dwelling =
        policy.decide(window(23.0, 6), NOW, offset(2.0), NOW.minus(Duration.ofMinutes(10)));
    assertEquals(Reason.DWELL, dwelling.reason());
    assertEquals(23.0, dwelling.setpointC());
    assertEquals(25.0, dwelling.predictedInletC(), 1e-4);

    Recommendation dwellingWithPower =
        policy.decide(
            window(23.0, 6), NOW, withPower(2.0, c -> 40 - c), NOW.minus(Duration.ofMinutes(10)));
    assertEquals(Reason.DWELL, dwellingWithPower.reason());
    assertEquals(17.0, dwellingWithPower.predictedPowerKw(), 1e-4, "the power of staying");
    assertEquals(17.0, dwellingWithPower.predictedPowerAtCurrentKw(), 1e-4);

    Recommendation after =
        policy.decide(window(23.0, 6), NOW, offset(2.0), NOW.minus(Duration.ofMinutes(15)));
    assertEquals(23.5, after.setpointC(), "the dwell is over");
  }

  @Test
  void theDwellNeverKeepsASetpointPredictedUnsafe() {
    // At 26.0 °C the inlet is predicted 28 °C: above 27 − 1. The fall happens despite the dwell.
    Recommendation r =
        new SetpointPolicy()
            .decide(window(26.0, 6), NOW, offset(2.0), NOW.minus(Duration.ofMinutes(1)));
    assertTrue(r.setpointC() < 26.0, r.toString());
    assertTrue(r.reason() != Reason.DWELL, r.toString());
  }

  @Test
  void outsideTheModelsTrainingRangesTheSetpointIsHeldUnlessTheInletIsAlreadyTooWarm() {
    SetpointPolicy policy = new SetpointPolicy();
    // The windows' outdoor temperature is 30 °C: outside a model trained on -7..25 °C.
    TrainingRanges cool = new TrainingRanges(19, 32, -7, 25);
    Recommendation held = policy.decide(window(23.0, 6), NOW, offset(2.0), null, cool);
    assertEquals(Reason.OUT_OF_RANGE, held.reason());
    assertEquals(23.0, held.setpointC());
    assertTrue(Double.isNaN(held.predictedInletC()));

    // The windows' inlet is 25 °C; with a threshold of 27 - 3 = 24 °C it is already too warm.
    PolicySettings tight = defaultsWith(3.0, DEFAULTS.raiseHysteresisC(), DEFAULTS.fallbackStepC());
    Recommendation down =
        new SetpointPolicy(tight).decide(window(23.0, 6), NOW, offset(2.0), null, cool);
    assertEquals(Reason.OUT_OF_RANGE, down.reason());
    assertEquals(22.0, down.setpointC(), "one fallback step toward 18 °C");

    TrainingRanges wide = new TrainingRanges(19, 32, -7, 35);
    assertTrue(
        policy.decide(window(23.0, 6), NOW, offset(2.0), null, wide).reason()
            != Reason.OUT_OF_RANGE);
  }

  @Test
  void theRoomIsAtItsNewestSampleUnlessASetpointWasSentAfterIt() {
    java.time.Instant t = java.time.Instant.parse("2025-07-01T00:00:00Z");
    dev.setpoint.model.features.ClimateSample sample =
        new dev.setpoint.model.features.ClimateSample(t, 25, 40, 10, 60, 3, 24);
    assertEquals(24.0, SetpointPolicy.roomSetpoint(sample, null, Double.NaN, 18), 1e-9);
    assertEquals(24.0, SetpointPolicy.roomSetpoint(sample, t.minusSeconds(60), 23, 18), 1e-9);
    assertEquals(23.0, SetpointPolicy.roomSetpoint(sample, t.plusSeconds(60), 23, 18), 1e-9);
    assertEquals(23.0, SetpointPolicy.roomSetpoint(null, t, 23, 18), 1e-9);
    assertEquals(18.0, SetpointPolicy.roomSetpoint(null, null, Double.NaN, 18), 1e-9);
  }
}
