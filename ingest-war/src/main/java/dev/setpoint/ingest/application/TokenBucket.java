package dev.setpoint.ingest.application;

import java.time.Duration;

/**
 * One device's event rate: a bucket of {@code burst} tokens refilled at {@code rate} a second; a
 * post takes one. An empty bucket answers how long until the next token, which becomes the 429's
 * {@code Retry-After}. Thread-safe; times are a monotonic clock's nanoseconds.
 */
public final class TokenBucket {
  private final double perNano;
  private final double burst;
  private double tokens;
  private long refilledAt;

  /**
   * A full bucket.
   *
   * @param rate tokens per second, above zero
   * @param burst the bucket's size, at least one
   * @param nowNanos the monotonic time now
   */
  public TokenBucket(double rate, int burst, long nowNanos) {
    if (!(rate > 0) || Double.isInfinite(rate) || burst < 1) {
      throw new IllegalArgumentException(
          "a device's rate must be above 0 and its burst at least 1, were " + rate + ", " + burst);
    }
    this.perNano = rate / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.refilledAt = nowNanos;
  }

  /**
   * Takes a token if there is one.
   *
   * @return {@link Duration#ZERO} when taken, else how long until a token is there
   */
  public synchronized Duration take(long nowNanos) {
    long elapsed = nowNanos - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * perNano);
      refilledAt = nowNanos;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
  }
}
