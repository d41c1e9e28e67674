package dev.setpoint.model.mv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.mv.Baseline.Form;
import dev.setpoint.model.mv.Guideline14.Granularity;
import dev.setpoint.model.mv.Observation.Meter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselineTest {
  static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");

  /** Hourly data from a known plant: flat below 12 °C, 0.08 kWh/K above, latent above 14 °C. */
  static List<Observation> plant(int hours, long seed, double noise) {
    Random r = new Random(seed);
    List<Observation> data = new ArrayList<>();
    for (int i = 0; i < hours; i++) {
      double day = i / 24.0;
      double t = 12 + 8 * Math.sin(2 * Math.PI * (day / 60)) + 5 * Math.cos(2 * Math.PI * i / 24);
      double dew = t - 4 + 2 * r.nextGaussian();
      double load = 20 * (1 + 0.15 * Math.cos(2 * Math.PI * (i % 24 - 14) / 24));
      double y =
          1.0
              + 0.08 * Math.max(0, t - 12)
              + 0.05 * Math.max(0, dew - 14)
              + 0.12 * load
              + noise * r.nextGaussian();
      data.add(new Observation(T0.plusSeconds(3600L * i), y, y + load, t, dew, load));
    }
    return data;
  }

  @Test
  void recoversAKnownChangePointModel() {
    Baseline b = Baseline.fit(plant(24 * 56, 1, 0.02), Meter.COOLING);
    assertTrue(b.form() == Form.THREE_PC || b.form() == Form.FOUR_P, b.describe());
    assertEquals(12.0, b.changePointC(), 0.5, b.describe());
    assertEquals(14.0, b.dewPointThresholdC(), 1.0, b.describe());
    double[] beta = b.coefficients();
    assertEquals(0.12, beta[beta.length - 1], 0.005); // the compute load's coefficient
    var g = b.statistics();
    assertEquals(0, g.nmbe(), 1e-9); // least squares with an intercept
    assertTrue(g.verdict(Granularity.HOURLY).accepted(), g.verdict(Granularity.HOURLY).reason());
    assertEquals(b.n() - 1, b.residuals().length - 1);
  }

  @Test
  void aStraightLineChoosesTheTwoParameterForm() {
    List<Observation> data = new ArrayList<>();
    Random r = new Random(3);
    for (int i = 0; i < 500; i++) {
      double t = 10 + 15 * r.nextDouble();
      double y = 2 + 0.1 * t + 0.01 * r.nextGaussian();
      data.add(
          new Observation(T0.plusSeconds(3600L * i), y, Double.NaN, t, 0, 20 + r.nextDouble()));
    }
    Baseline b = Baseline.fit(data, Meter.COOLING);
    assertEquals(Form.TWO_P, b.form(), b.describe());
    assertEquals(0.1, b.coefficients()[1], 0.002);
  }

  @Test
  void aMissingMeterIsRefused() {
    List<Observation> data = plant(48, 2, 0.02);
    data.set(5, new Observation(data.get(5).time(), Double.NaN, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Baseline.fit(data, Meter.COOLING));
    assertThrows(
        IllegalArgumentException.class, () -> Baseline.fit(plant(10, 2, 0), Meter.COOLING));
  }

  @Test
  void savingsOfAKnownCut() {
    Baseline b = Baseline.fit(plant(24 * 56, 4, 0.05), Meter.COOLING);
    List<Observation> after = new ArrayList<>();
    for (Observation o : plant(24 * 28, 5, 0.05)) {
      after.add(
          new Observation(
              o.time(),
              0.8 * o.coolingKwh(),
              Double.NaN,
              o.outdoorC(),
              o.outdoorDewPointC(),
              o.computeKw()));
    }
    Savings s = Savings.of(b, after);
    assertEquals(0.20, s.fraction(), 0.01);
    assertEquals(24 * 28, s.m());
    assertTrue(s.uncertainty90() > s.uncertainty68());
  }

  @Test
  void hourlyNoiseFailsTheHourlyCriterionWithTheReason() {
    Baseline b = Baseline.fit(plant(24 * 28, 6, 2.0), Meter.COOLING);
    var v = b.statistics().verdict(Granularity.HOURLY);
    assertTrue(!v.accepted() && v.reason().startsWith("refused: CV(RMSE)"), v.reason());
  }

  @Test
  void withoutAMeteredLoadTheLoadTermIsLeftOut() {
    List<Observation> data = new ArrayList<>();
    for (Observation o : plant(24 * 28, 7, 0.02)) {
      // a room of constant IT load whose load is not metered: the intercept carries it
      double y = o.coolingKwh() - 0.12 * o.computeKw() + 0.12 * 20;
      data.add(
          new Observation(o.time(), y, Double.NaN, o.outdoorC(), o.outdoorDewPointC(), Double.NaN));
    }
    Baseline b = Baseline.fit(data, Meter.COOLING);
    assertTrue(!b.hasLoadTerm() && b.describe().contains("no load term"), b.describe());
    assertEquals(12.0, b.changePointC(), 0.5, b.describe());
    assertTrue(b.statistics().verdict(Granularity.HOURLY).accepted(), b.describe());
    assertEquals(data.get(5).coolingKwh(), b.predict(data.get(5)), 0.1);
    // a load known for some hours only is refused: the model cannot have half a term
    List<Observation> mixed = new ArrayList<>(data);
    Observation o = plant(1, 1, 0).getFirst();
    mixed.set(3, o);
    var e = assertThrows(IllegalArgumentException.class, () -> Baseline.fit(mixed, Meter.COOLING));
    assertTrue(e.getMessage().contains("all or none"), e.getMessage());
  }
}
