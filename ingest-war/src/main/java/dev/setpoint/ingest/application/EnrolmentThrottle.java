package dev.setpoint.ingest.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The budget of refused enrolment codes per address: after {@code budget} refusals within {@code
 * window} of the first, the address is turned away until the window ends, good code or not. Codes
 * carry 160 random bits, so guessing cannot succeed anyway; the budget keeps a guesser from costing
 * the hub more than a few requests. Counters live in a bounded cache (least used first out), so
 * many addresses cannot grow the heap.
 */
final class EnrolmentThrottle {
  private static final int MAX_ADDRESSES = 10_000;

  private final int budget;
  private final Duration window;
  private final Cache<String, Window> failures;
  private final Ticker ticker;

  EnrolmentThrottle(int budget, Duration window, Ticker ticker) {
    if (budget < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "setpoint.ingest.security.enrolment.failures-per-address must be at least 1 and"
              + " failure-window positive, were "
              + budget
              + " and "
              + window);
    }
    this.budget = budget;
    this.window = window;
    this.ticker = ticker;
    this.failures = ExpiringCache.of(window, MAX_ADDRESSES, ticker);
  }

  /**
   * @throws EnrolmentThrottledException the address has used its budget
   */
  void check(String address) {
    Window w = failures.getIfPresent(key(address));
    if (w != null && w.count.get() >= budget) {
      long left = window.toNanos() - (ticker.read() - w.startedNanos);
      throw new EnrolmentThrottledException(Duration.ofNanos(Math.max(left, 1_000_000_000L)));
    }
  }

  /** Counts one refused code from the address. */
  void failed(String address) {
    failures.get(key(address), k -> new Window(ticker.read())).count.incrementAndGet();
  }

  private static String key(String address) {
    return address == null ? "" : address;
  }

  private static final class Window {
    final long startedNanos;
    final AtomicInteger count = new AtomicInteger();

    Window(long startedNanos) {
      this.startedNanos = startedNanos;
    }
  }
}
