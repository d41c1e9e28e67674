package dev.setpoint.ingest.infrastructure.security;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A bound on concurrent password checks: each costs a 600,000-iteration PBKDF2, so a flood of
 * logins (wrong or not) could otherwise keep every core busy. A check beyond the bound is turned
 * away at once, before any hashing, rather than queued: the caller answers 503 with {@code
 * Retry-After} and the client tries again.
 */
public final class PasswordCheckGate {
  private final Semaphore permits;

  /**
   * @param maxConcurrent how many checks may run at once (at least 1)
   */
  public PasswordCheckGate(int maxConcurrent) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException(
          "setpoint.ingest.security.local-issuer.max-concurrent-password-checks must be at least 1");
    }
    this.permits = new Semaphore(maxConcurrent);
  }

  /**
   * Runs the check if a place is free.
   *
   * @return its result, or null when the bound is reached (the check did not run)
   */
  public <T> T tryCheck(Supplier<T> check) {
    if (!permits.tryAcquire()) {
      return null;
    }
    try {
      return check.get();
    } finally {
      permits.release();
    }
  }

  /** Places free now; for tests. */
  int available() {
    return permits.availablePermits();
  }
}
