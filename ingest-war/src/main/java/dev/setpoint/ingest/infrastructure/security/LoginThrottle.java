package dev.setpoint.ingest.infrastructure.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Limits login attempts per client address: at most {@code maxAttempts} unsuccessful ones within a
 * {@code window}; after that the address is refused until the window ends, without its password
 * being checked. So a password cannot be guessed faster than that from one address, and a guessing
 * client cannot keep the CPU busy with PBKDF2. An attempt counts when it starts, not when it fails,
 * so parallel requests cannot slip past the limit; a successful login clears the count. Counting
 * per address rather than per user name keeps a stranger from locking the operator out.
 */
public final class LoginThrottle {
  /** Beyond this many tracked addresses the expired ones are dropped, then all of them. */
  static final int MAX_TRACKED = 10_000;

  private final int maxAttempts;
  private final long windowMillis;
  private final Clock clock;
  private final ConcurrentMap<String, Attempts> attempts = new ConcurrentHashMap<>();

  public LoginThrottle(int maxAttempts, Duration window, Clock clock) {
    if (maxAttempts < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the attempt limit and its window must be positive");
    }
    this.maxAttempts = maxAttempts;
    this.windowMillis = window.toMillis();
    this.clock = clock;
  }

  /**
   * Starts an attempt of the address.
   *
   * @return 0 if it may go ahead (the attempt is counted), else the seconds it must wait
   */
  public long attempt(String address) {
    long now = clock.millis();
    if (attempts.size() >= MAX_TRACKED) {
      attempts.values().removeIf(a -> now >= a.windowEnd());
      if (attempts.size() >= MAX_TRACKED) {
        attempts.clear();
      }
    }
    long[] wait = {0};
    attempts.compute(
        address,
        (key, a) -> {
          if (a == null || now >= a.windowEnd()) {
            return new Attempts(1, now + windowMillis);
          }
          if (a.count() >= maxAttempts) {
            wait[0] = Math.max(1, (a.windowEnd() - now + 999) / 1000);
            return a;
          }
          return new Attempts(a.count() + 1, a.windowEnd());
        });
    return wait[0];
  }

  /** Forgets the address's attempts after a successful login. */
  public void succeeded(String address) {
    attempts.remove(address);
  }

  private record Attempts(int count, long windowEnd) {}
}
