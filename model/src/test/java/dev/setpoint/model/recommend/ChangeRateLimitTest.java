package dev.setpoint.model.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.recommend.ChangeRateLimit.Limited;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeRateLimitTest {
  private static final Instant T0 = Instant.parse("2026-07-20T12:00:00Z");
  private final ChangeRateLimit limit = new ChangeRateLimit(0.5);

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void withoutHistoryAnySetpointPasses() {
    assertEquals(new Limited(18, false), limit.limit(T0, 18, ChangeRateLimit.TAPE_C));
  }

  @Test
  void aChangeOfExactlyTheLimitPassesAndOneStepMoreIsLimited() {
    limit.record(T0, 24);
    assertEquals(new Limited(19, false), limit.limit(at(5), 19, 5));
    assertEquals(new Limited(19, true), limit.limit(at(5), 18.5, 5));
    assertEquals(new Limited(29, false), limit.limit(at(5), 29, 5));
    assertEquals(new Limited(29, true), limit.limit(at(5), 29.5, 5));
  }

  @Test
  void theRangeOfTheWholeHourCountsNotJustTheLastSetpoint() {
    limit.record(T0, 22);
    limit.record(at(10), 26);
    limit.record(at(20), 24);
    // 26 ten minutes ago bounds the fall, 22 twenty minutes ago bounds the rise.
    assertEquals(new Limited(21, true), limit.limit(at(25), 18, 5));
    assertEquals(new Limited(27, true), limit.limit(at(25), 28, 5));
  }

  @Test
  void aSetpointExactlyAnHourOldStillCountsAndAnOlderOneIsForgotten() {
    limit.record(T0, 24);
    assertEquals(new Limited(19, true), limit.limit(at(60), 18, 5));
    assertEquals(new Limited(18, false), limit.limit(at(60).plusMillis(1), 18, 5));
  }

  @Test
  void limitsARiseAsWellAsAFall() {
    limit.record(T0, 18);
    assertEquals(new Limited(23, true), limit.limit(at(5), 27, 5));
    assertEquals(new Limited(27, false), limit.limit(at(5), 27, ChangeRateLimit.ASHRAE_C));
  }

  @Test
  void anOffGridBoundIsRoundedTowardThePermittedSide() {
    limit.record(T0, 23.7);
    assertEquals(new Limited(19, true), limit.limit(at(5), 18, 5), "18.7 rounds up, not down");
    assertEquals(new Limited(28.5, true), limit.limit(at(5), 29, 5), "28.7 rounds down");
    // No grid point between 23.7 − 0.15 and 23.6 + 0.15: the exact bound, not one outside it.
    limit.record(at(1), 23.6);
    Limited l = limit.limit(at(5), 18, 0.15);
    assertTrue(l.limited());
    assertEquals(23.55, l.setpointC(), 1e-9);
  }

  @Test
  void onTapeADropOf24To18IsSpreadOverMoreThanAnHour() {
    limit.record(T0, 24);
    List<Instant> times = new ArrayList<>(List.of(T0));
    List<Double> sent = new ArrayList<>(List.of(24.0));
    for (int minute = 5; minute <= 120; minute += 5) {
      Limited l = limit.limit(at(minute), 18, ChangeRateLimit.TAPE_C);
      limit.record(at(minute), l.setpointC());
      times.add(at(minute));
      sent.add(l.setpointC());
    }
    assertEquals(19.0, sent.get(1), "at once as far as the limit allows");
    assertEquals(19.0, sent.get(12), "24 sent at 12:00 still counts at 13:00");
    assertEquals(18.0, sent.get(13), "18 once 24 is more than an hour old");
    for (int i = 0; i < sent.size(); i++) {
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      for (int j = i;
          j < sent.size() && !times.get(j).isAfter(times.get(i).plus(Duration.ofHours(1)));
          j++) {
        max = Math.max(max, sent.get(j));
        min = Math.min(min, sent.get(j));
      }
      assertTrue(max - min <= ChangeRateLimit.TAPE_C + 1e-9, "hour from " + times.get(i));
    }
  }

  @Test
  void aLimitLoweredWithinTheHourKeepsTheSetpointInsideTheHoursRange() {
    limit.record(T0, 27);
    limit.record(at(5), 18);
    // 27 and 18 span 9 > 2 × 4: the bounds cross (23, 22); the setpoint stays between them.
    assertEquals(new Limited(22, true), limit.limit(at(10), 18, 4));
    assertEquals(new Limited(23, true), limit.limit(at(10), 27, 4));
    assertEquals(new Limited(22.5, false), limit.limit(at(10), 22.5, 4));
  }

  @Test
  void theHistoryStaysBounded() {
    for (int second = 0; second < 3600; second++) {
      limit.record(T0.plusSeconds(second), 18 + (second % 19) * 0.5);
    }
    assertTrue(limit.size() <= 2 * 19, "held " + limit.size());
    limit.record(at(200), 20);
    assertEquals(2, limit.size(), "an hour later only the newest is left");
  }

  @Test
  void refusesANegativeLimitAndAStepThatIsNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> limit.limit(T0, 20, -1));
    assertThrows(IllegalArgumentException.class, () -> new ChangeRateLimit(0));
  }
}
