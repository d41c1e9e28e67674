package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aFullBucketGivesItsBurstThenOneTokenPerIntervalOfTheRate() {
    TokenBucket bucket = new TokenBucket(2.0, 3, 0); // 2 a second, burst 3
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, bucket.take(0), "token " + i);
    }
    assertEquals(Duration.ofMillis(500), bucket.take(0), "empty: the next token in 1/rate");
    assertEquals(Duration.ofMillis(250), bucket.take(SECOND / 4), "half a token refilled");
    assertEquals(Duration.ZERO, bucket.take(SECOND / 2));
    assertEquals(Duration.ofMillis(500), bucket.take(SECOND / 2));
  }

  @Test
  void refillsNoFurtherThanTheBurst() {
    TokenBucket bucket = new TokenBucket(10.0, 5, 0);
    for (int i = 0; i < 5; i++) {
      bucket.take(0);
    }
    long hourLater = 3600 * SECOND;
    for (int i = 0; i < 5; i++) {
      assertEquals(Duration.ZERO, bucket.take(hourLater));
    }
    assertEquals(Duration.ofMillis(100), bucket.take(hourLater), "an hour idle still means 5");
  }

  @Test
  void aDeviceAtItsNormalRateNeverWaits() {
    // The agent's default: one event every 10 s, against the default limit of 20/s, burst 200.
    TokenBucket bucket = new TokenBucket(20.0, 200, 0);
    for (long t = 0; t < 86_400; t += 10) {
      assertEquals(Duration.ZERO, bucket.take(t * SECOND));
    }
  }

  @Test
  void refusesARateOrBurstThatCannotLimit() {
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Double.NaN, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, 0));
  }
}
