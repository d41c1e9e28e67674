package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.ingest.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TtlCacheTest {
  private final ManualClock clock = new ManualClock(Instant.EPOCH);
  private final AtomicInteger loads = new AtomicInteger();

  private Optional<String> load(String key) {
    return Optional.of(key + loads.incrementAndGet());
  }

  @Test
  void servesFromTheCacheUntilTheTtlPasses() {
    TtlCache<String> cache = new TtlCache<>(Duration.ofSeconds(5), 100, clock);
    assertEquals("a1", cache.get("a", this::load).orElseThrow());
    clock.setMillis(4_999);
    assertEquals("a1", cache.get("a", this::load).orElseThrow());
    clock.setMillis(5_000);
    assertEquals("a2", cache.get("a", this::load).orElseThrow());
  }

  @Test
  void invalidationForcesAReloadAndZeroTtlDisablesCaching() {
    TtlCache<String> cache = new TtlCache<>(Duration.ofSeconds(5), 100, clock);
    cache.get("a", this::load);
    cache.invalidate("a");
    assertEquals("a2", cache.get("a", this::load).orElseThrow());
    TtlCache<String> off = new TtlCache<>(Duration.ZERO, 100, clock);
    off.get("b", this::load);
    assertEquals("b4", off.get("b", this::load).orElseThrow());
  }

  @Test
  void aLoadOverlappingAnInvalidationIsNotKept() {
    TtlCache<String> cache = new TtlCache<>(Duration.ofSeconds(5), 100, clock);
    cache.get(
        "a",
        key -> {
          cache.invalidate("a"); // a local write lands while this (stale) load runs
          return Optional.of("stale");
        });
    assertEquals("a1", cache.get("a", this::load).orElseThrow());
  }

  @Test
  void staysBounded() {
    TtlCache<String> cache = new TtlCache<>(Duration.ofSeconds(5), 2, clock);
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
