package dev.setpoint.ingest.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Remembers lookups by name, absent results included (so a flood of events for an unknown device
 * does not become a flood of queries). Local writes call {@link #invalidate}. Changes made through
 * another replica are found by the store's change stamp ({@link
 * dev.setpoint.ingest.domain.MetadataStore#changes}): at most once per TTL a lookup reads it, and
 * when it moved every entry is dropped. So another replica's write shows here after at most the
 * TTL, as before, while a fleet that changes nothing costs one stamp read per TTL instead of one
 * query per device per TTL (at 1,000 devices and 5 s, 200 queries a second: an eighth of the
 * server's CPU on the event path, docs/benchmarks.md). An entry is also dropped {@link #MAX_AGE}
 * after its load, so an edit that bypassed the stamp (made straight in the database) shows too.
 * Caffeine holds the entries, at most {@code maxEntries} of them (names come from clients, so a
 * bound keeps random names from growing the heap; the least useful entries go first).
 *
 * <p>A lookup that started before an invalidation does not keep its (possibly stale) result: each
 * invalidation bumps a generation that the loader checks after storing.
 */
final class TtlCache<V> {
  private static final Logger LOG = Logger.getLogger(TtlCache.class.getName());

  /** The longest an entry is kept, whatever the stamp says. */
  static final Duration MAX_AGE = Duration.ofMinutes(5);

  /** No stamp read yet: the first check drops whatever was loaded before it. */
  private static final long UNSEEN = Long.MIN_VALUE;

  /** Null when the TTL is zero: every lookup goes to the loader. */
  private final Cache<String, Optional<V>> entries;

  private final AtomicLong generation = new AtomicLong();
  private final LongSupplier changes;
  private final Ticker ticker;
  private final long ttlNanos;
  private final AtomicLong nextCheck;
  private volatile long seen = UNSEEN;

  /**
   * @param ttl how long a change made elsewhere may go unseen; zero disables caching
   * @param maxEntries the most entries kept
   * @param changes the store's change stamp
   */
  TtlCache(Duration ttl, int maxEntries, Ticker ticker, LongSupplier changes) {
    boolean off = ttl.isNegative() || ttl.isZero();
    this.entries =
        off
            ? null
            : ExpiringCache.of(ttl.compareTo(MAX_AGE) > 0 ? ttl : MAX_AGE, maxEntries, ticker);
    this.changes = changes;
    this.ticker = ticker;
    this.ttlNanos = off ? 0 : ttl.toNanos();
    this.nextCheck = new AtomicLong(ticker.read());
  }

  /** The cached value, or the loader's result (then cached). */
  Optional<V> get(String key, Function<String, Optional<V>> loader) {
    if (entries == null) {
      return loader.apply(key);
    }
    checkForChanges();
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

  /**
   * Once per TTL (one caller does it, the others go on with the entries): reads the stamp and drops
   * every entry when it moved. A stamp that cannot be read drops them too; the lookups that follow
   * then meet the store's failure themselves, as without a cache.
   */
  private void checkForChanges() {
    long now = ticker.read();
    long due = nextCheck.get();
    if (now - due < 0 || !nextCheck.compareAndSet(due, now + ttlNanos)) {
      return;
    }
    long stamp;
    try {
      stamp = changes.getAsLong();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "the metadata change stamp could not be read; lookups start over", e);
      seen = UNSEEN;
      dropAll();
      return;
    }
    if (stamp != seen) {
      dropAll();
      seen = stamp;
    }
  }

  private void dropAll() {
    generation.incrementAndGet();
    entries.invalidateAll();
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
