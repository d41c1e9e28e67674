package dev.setpoint.model.mv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.mv.Guideline14.Granularity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Guideline14Test {
  @Test
  void statisticsUseNMinusP() {
    double[] y = {10, 12, 14, 16};
    double[] yhat = {11, 11, 15, 15};
    // residuals −1, 1, −1, 1: Σr² = 4, Σr = 0, ȳ = 13, n − p = 2
    Guideline14 g = Guideline14.of(y, yhat, 2);
    assertEquals(Math.sqrt(4 / 2.0) / 13, g.cvRmse(), 1e-12);
    assertEquals(0, g.nmbe(), 1e-12);
    double[] biased = {9, 11, 13, 15}; // every point 1 below: Σr = 4
    Guideline14 b = Guideline14.of(y, biased, 2);
    assertEquals(4 / (2 * 13.0), b.nmbe(), 1e-12);
    assertEquals(Math.sqrt(4 / 2.0) / 13, b.cvRmse(), 1e-12);
  }

  @Test
  void verdictsUseTheGuidelinesLimitsAndSayWhy() {
    Guideline14 g = new Guideline14(100, 4, 10, 0.20, 0.02);
    assertTrue(g.verdict(Granularity.HOURLY).accepted());
    var monthly = g.verdict(Granularity.MONTHLY);
    assertFalse(monthly.accepted());
    assertTrue(monthly.reason().contains("CV(RMSE) 20.0 % > 15 %"), monthly.reason());
    var biased = new Guideline14(100, 4, 10, 0.10, -0.12).verdict(Granularity.HOURLY);
    assertFalse(biased.accepted());
    assertTrue(biased.reason().contains("|NMBE| 12.0 % > 10 %"), biased.reason());
    var few =
        Guideline14.of(new double[] {1, 2}, new double[] {1, 2}, 4).verdict(Granularity.MONTHLY);
    assertFalse(few.accepted());
    assertTrue(few.reason().contains("n − p must be positive"), few.reason());
    // the limits themselves: exactly at the limit passes
    assertTrue(new Guideline14(100, 4, 10, 0.30, 0.10).verdict(Granularity.HOURLY).accepted());
    assertTrue(new Guideline14(100, 4, 10, 0.15, -0.05).verdict(Granularity.MONTHLY).accepted());
  }

  @Test
  void monthlySumsDropPartMonths() {
    List<Instant> times = new ArrayList<>();
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    int hours = (31 + 28 + 10) * 24; // January, February, and 10 days of March
    double[] y = new double[hours];
    double[] yhat = new double[hours];
    for (int i = 0; i < hours; i++) {
      times.add(t.plusSeconds(3600L * i));
      y[i] = 2;
      yhat[i] = i < 31 * 24 ? 1.9 : 2;
    }
    Guideline14 m = Guideline14.monthly(times, y, yhat, 1, ZoneOffset.UTC);
    assertEquals(2, m.n()); // March has a third of its hours: left out
    double jan = 31 * 24 * 2.0;
    double feb = 28 * 24 * 2.0;
    double r = 31 * 24 * 0.1;
    assertEquals(r / ((jan + feb) / 2), m.nmbe(), 1e-9);
  }
}
