package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.ingest.ManualClock;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TtlCacheTest {
  private final ManualClock clock = new ManualClock(Instant.EPOCH);
  private final AtomicInteger loads = new AtomicInteger();
  private final AtomicLong stamp = new AtomicLong(7);
  private final AtomicInteger stampReads = new AtomicInteger();
  private volatile boolean storeDown;

  private Optional<String> load(String key) {
    return Optional.of(key + loads.incrementAndGet());
  }

  private long stamp() {
    stampReads.incrementAndGet();
    if (storeDown) {
      throw new StoreUnavailableException("Core Metadata (MongoDB) did not answer", null);
    }
    return stamp.get();
  }

  private TtlCache<String> cache(Duration ttl, int maxEntries) {
    return new TtlCache<>(ttl, maxEntries, clock, this::stamp);
  }

  @Test
  void anUnchangedStoreIsReadOncePerTtlNotOncePerEntry() {
    TtlCache<String> cache = cache(Duration.ofSeconds(5), 100);
    for (int second = 0; second < 60; second++) {
      clock.setMillis(second * 1_000L);
      for (int device = 0; device < 50; device++) {
        cache.get("d" + device, this::load);
      }
    }
    assertEquals(50, loads.get(), "each device loaded once in a minute of an unchanged store");
    assertEquals(12, stampReads.get(), "one stamp read per 5 s");
  }

  @Test
  void aChangeElsewhereShowsWithinTheTtl() {
    TtlCache<String> cache = cache(Duration.ofSeconds(5), 100);
    assertEquals("a1", cache.get("a", this::load).orElseThrow());
    stamp.incrementAndGet(); // another replica wrote
    clock.setMillis(4_999);
    assertEquals("a1", cache.get("a", this::load).orElseThrow(), "not checked yet");
    clock.setMillis(5_000);
    assertEquals("a2", cache.get("a", this::load).orElseThrow(), "the moved stamp dropped it");
    clock.setMillis(10_000);
    assertEquals("a2", cache.get("a", this::load).orElseThrow(), "nothing moved since");
  }

  @Test
  void anEntryIsReloadedAfterItsMaximumAgeWhateverTheStamp() {
    TtlCache<String> cache = cache(Duration.ofSeconds(5), 100);
    assertEquals("a1", cache.get("a", this::load).orElseThrow());
    clock.setMillis(TtlCache.MAX_AGE.toMillis() - 1);
    assertEquals("a1", cache.get("a", this::load).orElseThrow());
    clock.setMillis(TtlCache.MAX_AGE.toMillis());
    assertEquals("a2", cache.get("a", this::load).orElseThrow());
  }

  @Test
  void anUnreadableStampDropsTheEntriesAndTheLookupsMeetTheStoreThemselves() {
    TtlCache<String> cache = cache(Duration.ofSeconds(5), 100);
    assertEquals("a1", cache.get("a", this::load).orElseThrow());
    storeDown = true;
    clock.setMillis(5_000);
    assertEquals("a2", cache.get("a", this::load).orElseThrow(), "not served from the cache");
    storeDown = false;
    clock.setMillis(10_000);
    assertEquals("a3", cache.get("a", this::load).orElseThrow(), "the first good read starts over");
    clock.setMillis(15_000);
    assertEquals("a3", cache.get("a", this::load).orElseThrow());
  }

  @Test
  void invalidationForcesAReloadAndZeroTtlDisablesCaching() {
    TtlCache<String> cache = cache(Duration.ofSeconds(5), 100);
    cache.get("a", this::load);
    cache.invalidate("a");
    assertEquals("a2", cache.get("a", this::load).orElseThrow());
    TtlCache<String> off = cache(Duration.ZERO, 100);
    off.get("b", this::load);
    assertEquals("b4", off.get("b", this::load).orElseThrow());
    assertEquals(1, stampReads.get(), "a cache that is off never reads the stamp");
  }

  @Test
  void aLoadOverlappingAnInvalidationIsNotKept() {
    TtlCache<String> cache = cache(Duration.ofSeconds(5), 100);
    cache.get(
        "a",
        key -> {
          cache.invalidate("a"); // a local write lands while this (stale) load runs
          return Optional.of("stale");
        });
    assertEquals("a1", cache.get("a", this::load).orElseThrow());
  }

  @Test
  void aLoadOverlappingAMovedStampIsNotKept() {
    TtlCache<String> cache = cache(Duration.ofSeconds(5), 100);
    cache.get("b", this::load);
    clock.setMillis(4_999);
    cache.get(
        "a",
        key -> {
          // another replica writes, and another lookup runs the stamp check, while this (stale)
          // load is under way
          stamp.incrementAndGet();
          clock.setMillis(5_000);
          cache.get("b", this::load);
          return Optional.of("stale");
        });
    assertEquals("a3", cache.get("a", this::load).orElseThrow());
  }

  @Test
  void staysBounded() {
    TtlCache<String> cache = cache(Duration.ofSeconds(5), 2);
    cache.get("a", this::load);
    cache.get("b", this::load);
    cache.get("c", this::load);
    assertEquals(2, cache.size(), "one of the three was evicted, not all of them");
    cache.get("a", this::load);
    cache.get("b", this::load);
    cache.get("c", this::load);
    assertTrue(cache.size() <= 2);
  }
}
