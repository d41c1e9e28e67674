package dev.setpoint.ingest.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final TestClock clock = new TestClock();
  private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), clock);

  @Test
  void refusesAnAddressAfterItsAttemptsUntilTheWindowEnds() {
    assertEquals(0, throttle.attempt("10.0.0.1"));
    assertEquals(0, throttle.attempt("10.0.0.1"));
    assertEquals(0, throttle.attempt("10.0.0.1"));

    clock.now = clock.now.plusSeconds(20);
    assertEquals(40, throttle.attempt("10.0.0.1"));
    assertEquals(0, throttle.attempt("10.0.0.2"), "other addresses are not affected");

    clock.now = clock.now.plusSeconds(40);
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
  void keepsABoundedNumberOfAddresses() {
    for (int i = 0; i < LoginThrottle.MAX_TRACKED + 10; i++) {
      throttle.attempt("10." + i);
    }
    // Still answers, and a blocked address stays blocked only as long as it is tracked.
    assertEquals(0, throttle.attempt("192.0.2.1"));
  }

  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-11-28T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
