package dev.setpoint.model.mv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StudentTTest {
  @Test
  void criticalValuesMatchTheTabulatedOnes() {
    // Two-sided 95 % (the 97.5 % quantile), as in every t table.
    assertEquals(12.706, StudentT.critical(0.95, 1), 1e-3);
    assertEquals(2.228, StudentT.critical(0.95, 10), 1e-3);
    assertEquals(2.042, StudentT.critical(0.95, 30), 1e-3);
    // 90 % two-sided (the 95 % quantile).
    assertEquals(1.812, StudentT.critical(0.90, 10), 1e-3);
    assertEquals(1.645, StudentT.critical(0.90, 1e7), 1e-3);
    // 68 %: about one standard deviation for many degrees of freedom (Φ⁻¹(0.84) = 0.9945).
    assertEquals(0.9945, StudentT.critical(0.68, 1e7), 1e-3);
    assertEquals(1.0, StudentT.critical(0.5, 1), 1e-9); // Cauchy: the quartile is 1
  }

  @Test
  void cdfIsSymmetric() {
    assertEquals(0.5, StudentT.cdf(0, 7), 1e-12);
    assertEquals(1.0, StudentT.cdf(2.5, 7) + StudentT.cdf(-2.5, 7), 1e-12);
  }
}
