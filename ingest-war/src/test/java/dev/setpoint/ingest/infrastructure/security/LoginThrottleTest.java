package dev.setpoint.ingest.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.ingest.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), clock);

  @Test
  void refusesAnAddressAfterItsAttemptsUntilTheWindowEnds() {
    assertEquals(0, throttle.attempt("10.0.0.1"));
    assertEquals(0, throttle.attempt("10.0.0.1"));
    assertEquals(0, throttle.attempt("10.0.0.1"));

    clock.advance(20_000);
    assertEquals(40, throttle.attempt("10.0.0.1"));
    assertEquals(0, throttle.attempt("10.0.0.2"), "other addresses are not affected");

    clock.advance(40_000);
    assertEquals(0, throttle.attempt("10.0.0.1"), "a new window");
  }

  @Test
  void aSuccessClearsTheCount() {
    throttle.attempt("10.0.0.1");
    throttle.attempt("10.0.0.1");
    throttle.succeeded("10.0.0.1");
    assertEquals(0, throttle.attempt("10.0.0.1"));
    assertEquals(0, throttle.attempt("10.0.0.1"));
    assertEquals(0, throttle.attempt("10.0.0.1"));
    assertEquals(60, throttle.attempt("10.0.0.1"));
  }

  @Test
  void forgetsAnAddressAWindowAfterItsLastAttempt() {
    throttle.attempt("10.0.0.1");
    assertEquals(1, throttle.tracked());
    clock.advance(60_000);
    assertEquals(0, throttle.tracked());
  }

  @Test
  void keepsABoundedNumberOfAddresses() {
    for (int i = 0; i < LoginThrottle.MAX_TRACKED + 10; i++) {
      throttle.attempt("10." + i);
    }
    // Still answers, and a blocked address stays blocked only as long as it is tracked.
    assertEquals(0, throttle.attempt("192.0.2.1"));
    assertTrue(throttle.tracked() <= LoginThrottle.MAX_TRACKED, "bounded");
    assertTrue(throttle.tracked() > LoginThrottle.MAX_TRACKED / 2, "evicts some, not all");
  }
}
