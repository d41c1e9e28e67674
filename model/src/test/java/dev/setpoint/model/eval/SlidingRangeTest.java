package dev.setpoint.model.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SlidingRangeTest {

  private static double brute(double[] series, int width) {
    double largest = 0;
    for (int end = 0; end < series.length; end++) {
      double hi = Double.NEGATIVE_INFINITY;
      double lo = Double.POSITIVE_INFINITY;
      for (int i = Math.max(0, end - width + 1); i <= end; i++) {
        hi = Math.max(hi, series[i]);
        lo = Math.min(lo, series[i]);
      }
      largest = Math.max(largest, hi - lo);
    }
    return largest;
  }

  @Test
  void aStepCountsOnlyWhileBothSidesAreInOneWindow() {
    SlidingRange range = new SlidingRange(3);
    for (double v : new double[] {20, 20, 20, 26, 26, 26}) {
      range.add(v);
    }
    assertEquals(6.0, range.largest());

    SlidingRange slow = new SlidingRange(3);
    for (double v : new double[] {20, 21, 22, 23, 24, 25}) {
      slow.add(v);
    }
    assertEquals(2.0, slow.largest(), "a ramp of 1 per value spans 2 within 3 values");
  }

  @Test
  void agreesWithTheDirectComputationOnRandomSeries() {
    Random random = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      double[] series = new double[200];
      for (int i = 0; i < series.length; i++) {
        series[i] = 22 + 5 * random.nextGaussian();
      }
      int width = 1 + random.nextInt(40);
      SlidingRange range = new SlidingRange(width);
      for (double v : series) {
        range.add(v);
      }
      assertEquals(brute(series, width), range.largest(), 1e-12, "width " + width);
    }
  }

  @Test
  void refusesAnEmptyWindow() {
    assertThrows(IllegalArgumentException.class, () -> new SlidingRange(0));
  }
}
