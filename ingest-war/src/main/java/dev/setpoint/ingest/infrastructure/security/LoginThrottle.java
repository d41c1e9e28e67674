package dev.setpoint.ingest.infrastructure.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.ingest.application.ExpiringCache;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;

/**
 * Limits login attempts per client address: at most {@code maxAttempts} unsuccessful ones within a
 * {@code window}; after that the address is refused until the window ends, without its password
 * being checked. So a password cannot be guessed faster than that from one address, and a guessing
 * client cannot keep the CPU busy with PBKDF2. An attempt counts when it starts, not when it fails,
 * so parallel requests cannot slip past the limit; a successful login clears the count. Counting
 * per address rather than per user name keeps a stranger from locking the operator out.
 *
 * <p>The counts live in a Caffeine cache: an address is forgotten a window after its last attempt
 * (its window has ended by then), and beyond {@link #MAX_TRACKED} addresses the least used ones are
 * dropped, rather than all of them.
 */
public final class LoginThrottle {
  /** The most addresses tracked at once. */
  static final int MAX_TRACKED = 10_000;

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final int maxAttempts;
  private final long windowNanos;
  private final Ticker ticker;
  private final Cache<String, Attempts> cache;
  private final ConcurrentMap<String, Attempts> attempts;

  /**
   * @param ticker the time windows are measured with ({@link Ticker#systemTicker()} in the server)
   */
  public LoginThrottle(int maxAttempts, Duration window, Ticker ticker) {
    if (maxAttempts < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the attempt limit and its window must be positive");
    }
    this.maxAttempts = maxAttempts;
    this.windowNanos = window.toNanos();
    this.ticker = ticker;
    // A window starts with a write and every attempt in it writes: never expires early.
    this.cache = ExpiringCache.of(window, MAX_TRACKED, ticker);
    this.attempts = cache.asMap();
  }

  /**
   * Starts an attempt of the address.
   *
   * @return 0 if it may go ahead (the attempt is counted), else the seconds it must wait
   */
  public long attempt(String address) {
    long now = ticker.read();
    long[] wait = {0};
    attempts.compute(
        address,
        (key, a) -> {
          if (a == null || now - a.windowEnd() >= 0) {
            return new Attempts(1, now + windowNanos);
          }
          if (a.count() >= maxAttempts) {
            wait[0] = Math.max(1, (a.windowEnd() - now + SECOND - 1) / SECOND);
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

  /** How many addresses are tracked, after pending evictions; for tests. */
  long tracked() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /** {@code windowEnd} in the ticker's nanoseconds. */
  private record Attempts(int count, long windowEnd) {}
}
