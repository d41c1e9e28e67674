package dev.setpoint.analytics.application.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backoff between attempts: doubling from the first wait, capped, bounded in attempts. */
class RetryPolicyTest {
  @Test
  void theDefaultScheduleDoublesFromThirtySeconds() {
    RetryPolicy p = new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofMinutes(30));
    assertEquals(
        List.of(
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8)),
        p.schedule());
    assertFalse(p.exhausted(5));
    assertTrue(p.exhausted(6), "the sixth failure is the last");
  }

  @Test
  void theWaitStopsGrowingAtTheMaximum() {
    RetryPolicy p = new RetryPolicy(8, Duration.ofMinutes(1), Duration.ofMinutes(5));
    assertEquals(
        List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(5)),
        p.schedule());
    assertEquals(Duration.ofMinutes(5), p.delayAfter(10_000), "no overflow after many attempts");
  }

  @Test
  void oneAttemptMeansNoRetry() {
    RetryPolicy p = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertEquals(List.of(), p.schedule());
    assertTrue(p.exhausted(1));
  }

  @Test
  void aPolicyThatCannotWorkIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofMinutes(1)));
    RetryPolicy p = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThrows(IllegalArgumentException.class, () -> p.delayAfter(0));
  }
}
