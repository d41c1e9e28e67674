package dev.setpoint.analytics.application.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How often and when a failed transmission is tried again: after the first failure it waits {@code
 * initial}, and each further wait doubles, up to {@code max}; after {@code maxAttempts} attempts it
 * is given up on (a dead letter).
 *
 * @param maxAttempts attempts in all, the first included; at least 1
 * @param initial the wait after the first failure; positive
 * @param max the longest wait; at least {@code initial}
 */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max) {
  public RetryPolicy {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("the attempts must be at least 1, not " + maxAttempts);
    }
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("the first wait must be positive, not " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "the longest wait " + max + " is shorter than the first, " + initial);
    }
  }

  /** The wait after {@code attempts} failed attempts, before the next: initial × 2^(attempts−1). */
  public Duration delayAfter(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("no wait before the first attempt");
    }
    Duration d = initial;
    for (int i = 1; i < attempts && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }

  /** Whether a transmission that failed {@code attempts} times is given up on. */
  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }

  /** The waits between the attempts of a transmission that always fails, in order. */
  public List<Duration> schedule() {
    List<Duration> waits = new ArrayList<>();
    for (int a = 1; a < maxAttempts; a++) {
      waits.add(delayAfter(a));
    }
    return waits;
  }
}
