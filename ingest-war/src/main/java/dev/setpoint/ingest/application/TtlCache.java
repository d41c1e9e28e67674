package dev.setpoint.ingest.application;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Remembers lookups by name for a short time, absent results included (so a flood of events for an
 * unknown device does not become a flood of queries). Local writes call {@link #invalidate};
 * changes made by another replica become visible once an entry expires.
 *
 * <p>A lookup that started before an invalidation does not store its (possibly stale) result: each
 * invalidation bumps a generation that the loader checks before storing.
 */
final class TtlCache<V> {
  private record Entry<V>(Optional<V> value, long expiresAt) {}

  private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final long ttlMillis;
  private final Clock clock;
  private final int maxEntries;

  /**
   * @param ttlMillis how long an entry is trusted; 0 disables caching
   * @param maxEntries beyond this many entries the cache is cleared rather than grown
   */
  TtlCache(long ttlMillis, int maxEntries, Clock clock) {
    this.ttlMillis = ttlMillis;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** The cached value, or the loader's result (then cached). */
  Optional<V> get(String key, Function<String, Optional<V>> loader) {
    if (ttlMillis <= 0) {
      return loader.apply(key);
    }
    long now = clock.millis();
    Entry<V> entry = entries.get(key);
    if (entry != null && entry.expiresAt() > now) {
      return entry.value();
    }
    long before = generation.get();
    Optional<V> value = loader.apply(key);
    if (entries.size() >= maxEntries) {
      // Names come from clients; a bounded cache keeps random names from growing the heap.
      entries.clear();
    }
    entries.put(key, new Entry<>(value, now + ttlMillis));
    if (generation.get() != before) {
      entries.remove(key);
    }
    return value;
  }

  /** Forgets one name, after a local write to it. */
  void invalidate(String key) {
    generation.incrementAndGet();
    entries.remove(key);
  }
}
