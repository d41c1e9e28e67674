package dev.setpoint.model.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResidualBoundTest {
  private static final Instant T0 = Instant.parse("2025-07-01T00:00:00Z");

  /**
   * A sample a minute, a decision every 5 minutes predicting 25 °C; the room measures {@code error}
   * above that, and {@code spike} more at minute 7 of every hour.
   */
  private static ResidualBound run(int minutes, double error, double spike) {
    ResidualBound b = new ResidualBound();
    for (int m = 0; m < minutes; m++) {
      Instant t = T0.plus(Duration.ofMinutes(m));
      b.observe(t, 25.0 + error + (m % 60 == 7 ? spike : 0));
      if (m % 5 == 0) {
        b.expect(t, 25.0);
      }
    }
    return b;
  }

  @Test
  void theFixedMarginHoldsUntilThreeHoursOfResidualsAreKnown() {
    ResidualBound b = run(5 * (ResidualBound.WARM_UP + 1), 2.0, 0);
    assertEquals(ResidualBound.WARM_UP - 1, b.count()); // the last two are not due yet
    assertEquals(1.0, b.marginC(1.0), 1e-12);
    assertEquals(2.0, run(5 * (ResidualBound.WARM_UP + 3), 2.0, 0).marginC(1.0), 1e-6);
  }

  @Test
  void aRoomTheModelUnderPredictsGetsAWiderMarginWithinTheCapAndNeverANarrowerOne() {
    assertEquals(ResidualBound.CAP_C, run(1000, 5.0, 0).marginC(1.0), 1e-6);
    assertEquals(1.0, run(1000, -0.5, 0).marginC(1.0), 1e-6);
    assertEquals(1.6, run(1000, 1.6, 0).marginC(1.0), 1e-6);
  }

  @Test
  void theBoundCoversThePeakWithinTheHorizonNotOnlyItsEnd() {
    // at minute 7 of each hour the inlet spikes 1 K; the decisions at minutes 0 and 5 predicted
    // for minute 10 and 15, but the envelope holds at every minute
    assertEquals(1.5, run(1000, 0.5, 1.0).marginC(1.0), 1e-6);
  }

  @Test
  void aLookAheadPredictionIsCheckedAgainstThePeakUntilItsOwnHorizon() {
    ResidualBound b = new ResidualBound();
    b.expect(T0, 25.0, 1.0, Duration.ofMinutes(30));
    for (int m = 1; m <= 29; m++) {
      b.observe(T0.plus(Duration.ofMinutes(m)), m == 25 ? 26.5 : 25.0);
    }
    assertEquals(0, b.count(), "not due before 30 minutes");
    b.observe(T0.plus(Duration.ofMinutes(30)), 25.0);
    assertEquals(1, b.count());
    assertEquals(1, b.checked());
    assertEquals(0, b.covered(), "the peak at minute 25 broke prediction + margin");
  }

  @Test
  void theLastDayCountsAndAPredictionWithoutAMeasurementInTimeIsDropped() {
    ResidualBound b = run(3 * 1440, 0.2, 0);
    assertEquals(ResidualBound.CAPACITY, b.count());
    ResidualBound gap = new ResidualBound();
    gap.expect(T0, 25.0);
    gap.observe(T0.plus(Duration.ofMinutes(13)), 40.0); // 3 minutes past its horizon and tolerance
    assertEquals(0, gap.count());
    gap.expect(T0.plus(Duration.ofMinutes(13)), Double.NaN);
    gap.observe(T0.plus(Duration.ofMinutes(30)), 25.0);
    assertEquals(0, gap.count());
  }

  @Test
  void coverageCountsTheChecksWhosePeakStayedWithinPredictionPlusMargin() {
    // A 1 K spike at minute 7 of every hour, predictions 0.5 K low otherwise, margin 1 K: the two
    // predictions whose horizon holds the spike (minutes 0 and 5) are not covered, the rest are.
    ResidualBound b = new ResidualBound();
    for (int m = 0; m < 600; m++) {
      Instant t = T0.plus(Duration.ofMinutes(m));
      b.observe(t, 25.5 + (m % 60 == 7 ? 1.0 : 0));
      if (m % 5 == 0) {
        b.expect(t, 25.0, 1.0);
      }
    }
    assertEquals(118, b.checked()); // 120 made, the last two not due yet
    assertEquals(118 - 2 * 10, b.covered());
    // A prediction without a margin is a residual but not a coverage check.
    ResidualBound plain = run(100, 0.5, 0);
    assertEquals(0, plain.checked());
  }
}
