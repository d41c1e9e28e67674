package dev.setpoint.ingest.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.ingest.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final LoginThrottle throttle = throttle(100);

  private LoginThrottle throttle(int maxTracked) {
    return new LoginThrottle(
        new LoginThrottle.Settings(
            3,
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            Duration.ofSeconds(10),
            Duration.ofHours(1),
            Duration.ofDays(30),
            maxTracked),
        clock);
  }

  /** Fails {@code times} attempts; each must be admitted. */
  private void fail(String user, String address, int times) {
    for (int i = 0; i < times; i++) {
      assertEquals(0, throttle.attempt(user, address), "attempt " + (i + 1) + " admitted");
    }
  }

  @Test
  void anAddressWaitsLongerAfterEachFailureBeyondTheFreeOnesUpToTheCap() {
    fail("ann", "10.0.0.1", 3);
    // the 4th failure starts a 2 s pause, each further one doubles it: 2, 4, 8, 16, 32, 60 (cap)
    long[] expected = {2, 4, 8, 16, 32, 60, 60};
    for (long pause : expected) {
      // a different user each time, so only the address's count pauses it
      assertEquals(0, throttle.attempt("u" + pause + clock.millis(), "10.0.0.1"));
      assertEquals(pause, throttle.attempt("other" + clock.millis(), "10.0.0.1"));
      clock.advance(pause * 1000);
    }
    assertEquals(0, throttle.attempt("zed", "10.0.0.2"), "another address is not affected");
  }

  @Test
  void aSuccessClearsTheAddressCount() {
    fail("ann", "10.0.0.1", 3);
    throttle.succeeded("ann", "10.0.0.1");
    fail("bob", "10.0.0.1", 3);
    assertEquals(0, throttle.attempt("carl", "10.0.0.1"));
    assertEquals(2, throttle.attempt("carl", "10.0.0.1"));
  }

  @Test
  void aFloodFromManyAddressesDelaysTheUserNameButNotTheOperatorOnTheirOwnAddress() {
    assertEquals(0, throttle.attempt("operator", "192.168.1.5"));
    throttle.succeeded("operator", "192.168.1.5");

    // one wrong guess from each of 20 addresses: no address is over its budget...
    for (int i = 1; i <= 20; i++) {
      long wait = throttle.attempt("operator", "203.0.113." + i);
      if (i <= 4) {
        assertEquals(0, wait, "the user name's free failures and its first pause");
      }
    }
    // ...but the user name is: a new address waits, at most the user cap
    long wait = throttle.attempt("operator", "198.51.100.9");
    assertEquals(true, wait > 0 && wait <= 10, "a new address waits " + wait + " s");
    // the operator's own address is held by its own count only
    assertEquals(0, throttle.attempt("operator", "192.168.1.5"));
    throttle.succeeded("operator", "192.168.1.5");
    assertEquals(0, throttle.attempt("operator", "192.168.1.5"));
  }

  @Test
  void parallelAttemptsCannotSlipPastAPause() {
    // attempts count when they start: the 4th starts a pause before any of them failed
    fail("ann", "10.0.0.1", 4);
    assertEquals(2, throttle.attempt("ann", "10.0.0.1"));
  }

  @Test
  void forgetsCountsLongAfterTheLastFailure() {
    fail("ann", "10.0.0.1", 4);
    clock.advance(Duration.ofHours(1).toMillis());
    assertEquals(0, throttle.attempt("ann", "10.0.0.1"));
  }

  @Test
  void evictsTheLeastRecentlyUsedEntryWhenFullNotAll() {
    LoginThrottle small = throttle(3);
    for (int i = 0; i < 4; i++) {
      assertEquals(0, small.attempt("ann", "10.0.0.1"));
    }
    assertEquals(2, small.attempt("ann", "10.0.0.1"), "paused");
    small.attempt("bob", "10.0.0.2");
    small.attempt("bob", "10.0.0.3");
    // 10.0.0.1 was used last before .2 and .3 came: it is the one that goes when .4 comes
    small.attempt("bob", "10.0.0.1"); // refused, but touches 10.0.0.1 again
    small.attempt("bob", "10.0.0.4"); // evicts 10.0.0.2, the least recently used
    assertArrayEquals(new int[] {3, 2, 0}, small.tracked());
    assertEquals(2, small.attempt("carl", "10.0.0.1"), "still paused: not evicted");
  }

  @Test
  void anAttemptNotJudgedCostsNothingAndMakesTheAddressNoFriendOfTheUser() {
    fail("operator", "203.0.113.1", 3);
    assertEquals(0, throttle.attempt("operator", "198.51.100.1"));
    throttle.notJudged("operator", "198.51.100.1"); // the password checks were busy
    assertEquals(0, throttle.attempt("operator", "198.51.100.2"), "the user's count went back");
    // the 4th failure now pauses the user name, and the busy address is not exempt from it
    assertEquals(2, throttle.attempt("operator", "198.51.100.1"));
  }
}
