package dev.setpoint.ingest.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/** How ingest's caches are built: one Caffeine configuration for all of them. */
public final class ExpiringCache {
  private ExpiringCache() {}

  /**
   * A cache of at most {@code maxEntries} (the least used go first) whose entries expire {@code
   * ttl} after they were written, timed by {@code ticker}. Its maintenance runs on the calling
   * thread, so the server gets no unmanaged thread.
   */
  public static <K, V> Cache<K, V> of(Duration ttl, long maxEntries, Ticker ticker) {
    return Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .expireAfterWrite(ttl)
        .ticker(ticker)
        .executor(Runnable::run)
        .build();
  }
}
