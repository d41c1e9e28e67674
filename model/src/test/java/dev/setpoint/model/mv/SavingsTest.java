package dev.setpoint.model.mv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The fractional savings uncertainty. No published worked example with numbers could be found from
 * this machine (Savings' javadoc lists where it was looked for), so the expected values are worked
 * by hand from Guideline 14's formula, ΔE/E = t · 1.26 · CV · √((n/n′)(1 + 2/n)(1/m)) / F.
 */
class SavingsTest {
  @Test
  void monthlyExampleWorkedByHand() {
    // 12 monthly baseline points, a 3-parameter model, 12 reporting months, CV(RMSE) 10 %,
    // savings 10 % of the baseline, no autocorrelation: n′ = n.
    // t(68 %, 9 df), the 84 % quantile, by hand from the Cornish–Fisher expansion with z = 0.9945:
    // z + (z³ + z)/(4·9) + (5z⁵ + 16z³ + 3z)/(96·81) = 0.9945 + 0.05495 + 0.00303 = 1.0525.
    // √((12/12)(1 + 2/12)(1/12)) = √(0.0972222) = 0.311805
    // ΔE/E = 1.0525 · 1.26 · 0.10 · 0.311805 / 0.10 = 0.41350
    double t68 = StudentT.critical(0.68, 9);
    assertEquals(1.0525, t68, 5e-4);
    double u = Savings.fractionalUncertainty(t68, 0.10, 12, 12, 12, 0.10);
    assertEquals(0.4135, u, 5e-4);
    // Guideline 14 asks for less than 50 % at 68 %: this project would qualify.
    assertTrue(u < 0.5);
    // At 90 %: t(90 %, 9 df) = 1.8331 (t tables), ΔE/E = 1.8331 · 1.26 · 0.0311805 / 0.10 = 0.7202.
    double t90 = StudentT.critical(0.90, 9);
    assertEquals(1.8331, t90, 5e-4);
    assertEquals(0.7202, Savings.fractionalUncertainty(t90, 0.10, 12, 12, 12, 0.10), 5e-4);
  }

  @Test
  void hourlyExampleWithAutocorrelationWorkedByHand() {
    // 8 weeks of hourly points (n = 1344), ρ = 0.8: n′ = 1344 · 0.2 / 1.8 = 149.33;
    // n/n′ = 9. A 13-week season: m = 2184. CV 4 %, F = 15 %, t(68 %, large df) ≈ 0.9946.
    // √(9 · (1 + 2/1344) / 2184) = √(0.0041271) = 0.064243
    // ΔE/E = 0.9946 · 1.26 · 0.04 · 0.064243 / 0.15 = 0.021468
    assertEquals(1344 * 0.2 / 1.8, Savings.effectivePoints(1344, 0.8), 1e-9);
    assertEquals(1344, Savings.effectivePoints(1344, -0.2), 1e-9); // ρ ≤ 0 counts as 0
    double t = StudentT.critical(0.68, 1344 - 7);
    assertEquals(0.9946, t, 5e-4);
    double u = Savings.fractionalUncertainty(t, 0.04, 1344, 1344 * 0.2 / 1.8, 2184, 0.15);
    assertEquals(0.02147, u, 5e-5);
  }
}
