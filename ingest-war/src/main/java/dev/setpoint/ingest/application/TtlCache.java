package dev.setpoint.ingest.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Remembers lookups by name for a short time, absent results included (so a flood of events for an
 * unknown device does not become a flood of queries). Local writes call {@link #invalidate};
 * changes made by another replica become visible once an entry expires. Caffeine holds the entries:
 * expired after the TTL, and at most {@code maxEntries} of them (names come from clients, so a
 * bound keeps random names from growing the heap; the least useful entries go first).
 *
 * <p>A lookup that started before an invalidation does not keep its (possibly stale) result: each
 * invalidation bumps a generation that the loader checks after storing.
 */
final class TtlCache<V> {
  /** Null when the TTL is zero: every lookup goes to the loader. */
  private final Cache<String, Optional<V>> entries;

  private final AtomicLong generation = new AtomicLong();

  /**
   * @param ttl how long an entry is trusted; zero disables caching
   * @param maxEntries the most entries kept
   */
  TtlCache(Duration ttl, int maxEntries, Ticker ticker) {
    this.entries =
        ttl.isNegative() || ttl.isZero() ? null : ExpiringCache.of(ttl, maxEntries, ticker);
  }

  /** The cached value, or the loader's result (then cached). */
  Optional<V> get(String key, Function<String, Optional<V>> loader) {
    if (entries == null) {
      return loader.apply(key);
    }
    Optional<V> cached = entries.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    long before = generation.get();
    Optional<V> value = loader.apply(key);
    entries.put(key, value);
    if (generation.get() != before) {
      entries.invalidate(key);
    }
    return value;
  }

  /** Forgets one name, after a local write to it. */
  void invalidate(String key) {
    generation.incrementAndGet();
    if (entries != null) {
      entries.invalidate(key);
    }
  }

  /** How many entries are held, after pending evictions; for tests. */
  long size() {
    if (entries == null) {
      return 0;
    }
    entries.cleanUp();
    return entries.estimatedSize();
  }
}
