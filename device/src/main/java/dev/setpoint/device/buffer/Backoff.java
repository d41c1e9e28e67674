package dev.setpoint.device.buffer;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th failure in a row the next attempt waits {@code
 * min(max, initial · 2^(n-1))}, scaled by a random factor in [0.5, 1] so that a fleet that lost
 * ingest at the same moment does not come back in lockstep. A success resets it.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;
  private int failures;

  public Backoff(Duration initial, Duration max) {
    this(initial, max, Math::random);
  }

  /** With a given random source in [0, 1); tests pass a constant. */
  public Backoff(Duration initial, Duration max, DoubleSupplier random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** Records a failure and answers how long to wait before the next attempt. */
  public Duration failed() {
    failures++;
    int shift = Math.min(failures - 1, 30);
    long millis = Math.min(max.toMillis(), initial.toMillis() << shift);
    return Duration.ofMillis((long) (millis * (0.5 + 0.5 * random.getAsDouble())));
  }

  public void succeeded() {
    failures = 0;
  }

  public int failures() {
    return failures;
  }
}
