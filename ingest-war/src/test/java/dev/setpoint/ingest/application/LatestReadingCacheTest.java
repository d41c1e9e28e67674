package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.ingest.ManualClock;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LatestReadingCacheTest {
  private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(1_000_000));

  private final Fakes.Readings buffer = new Fakes.Readings();
  private final AtomicInteger queries = new AtomicInteger();
  private final LatestReadingCache cache =
      new LatestReadingCache(
          (device, resource) -> {
            queries.incrementAndGet();
            return buffer.latest(device, resource);
          },
          Duration.ofSeconds(30),
          1000,
          1,
          Duration.ofMillis(200),
          clock,
          clock);

  private static BufferedReading setpoint(long origin, String value) {
    return new BufferedReading("r-" + origin, origin, "setpoint", "Float64", value, "");
  }

  private static BufferedEvent event(BufferedReading... readings) {
    return new BufferedEvent(
        "e-" + readings[0].origin(),
        "room-1",
        "room-controller",
        "climate",
        readings[0].origin(),
        List.of(readings),
        EventState.PENDING,
        0,
        null);
  }

  private void advance(long millis) {
    clock.advance(millis);
  }

  private Optional<String> read() {
    return cache.latest("room-1", "setpoint").map(BufferedReading::value);
  }

  @Test
  void readsTheBufferOnceThenFollowsTheEventsStoredHere() {
    buffer.latest.put("room-1/setpoint", setpoint(100, "24"));
    assertEquals(Optional.of("24"), read());
    assertEquals(Optional.of("24"), read());
    assertEquals(1, queries.get(), "the second read is answered from memory");

    cache.stored(event(setpoint(200, "22")));
    assertEquals(Optional.of("22"), read(), "a newer stored reading is the latest at once");

    cache.stored(event(setpoint(150, "26")));
    assertEquals(Optional.of("22"), read(), "an older one (a resent backlog) is not");

    // A device reporting every 10 s keeps its entry confirmed: no query however long it runs.
    for (int i = 1; i <= 30; i++) {
      advance(10_000);
      cache.stored(event(setpoint(200 + i, "23")));
      assertEquals(Optional.of("23"), read());
    }
    assertEquals(1, queries.get());
  }

  @Test
  void anEntryNoStoreConfirmedIsReadAgainAfterItsTtl() {
    buffer.latest.put("room-1/setpoint", setpoint(100, "24"));
    assertEquals(Optional.of("24"), read());
    // Another replica stored a newer reading: this one learns it within the TTL.
    buffer.latest.put("room-1/setpoint", setpoint(300, "21"));
    advance(29_999);
    assertEquals(Optional.of("24"), read());
    advance(1);
    assertEquals(Optional.of("21"), read());
    assertEquals(2, queries.get());
  }

  /** An origin {@code secondsAgo} before the test clock's now, in nanoseconds. */
  private long ago(long secondsAgo) {
    return (clock.millis() - secondsAgo * 1000) * 1_000_000L;
  }

  @Test
  void withoutAnEntryOnlyAFreshStoredReadingStartsOne() {
    cache.stored(event(setpoint(ago(60), "19"))); // an old event, maybe a resend: not the latest
    buffer.latest.put("room-1/setpoint", setpoint(ago(30), "25"));
    assertEquals(Optional.of("25"), read());
    assertEquals(1, queries.get());

    cache.stored(
        new BufferedEvent(
            "e-2",
            "room-2",
            "room-controller",
            "climate",
            ago(1),
            List.of(setpoint(ago(1), "21")),
            EventState.PENDING,
            0,
            null));
    assertEquals(Optional.of("21"), cache.latest("room-2", "setpoint").map(BufferedReading::value));
    assertEquals(1, queries.get(), "a device that just reported is read from memory");
  }

  @Test
  void absenceIsRememberedAndEndedByAStore() {

    assertTrue(cache.latest("room-1", "humidity").isEmpty());
    assertTrue(cache.latest("room-1", "humidity").isEmpty());
    assertEquals(1, queries.get(), "one query for the absent humidity");
    cache.stored(event(new BufferedReading("h", 950, "humidity", "Float64", "40", "")));
    assertEquals(Optional.of("40"), cache.latest("room-1", "humidity").map(BufferedReading::value));
  }

  @Test
  void aTtlOfZeroAlwaysReadsTheBuffer() {
    LatestReadingCache off =
        new LatestReadingCache(
            buffer, Duration.ZERO, 1000, 1, Duration.ofMillis(200), clock, clock);
    buffer.latest.put("room-1/setpoint", setpoint(100, "24"));
    off.stored(event(setpoint(200, "22")));
    assertEquals(Optional.of("24"), off.latest("room-1", "setpoint").map(BufferedReading::value));
  }

  @Test
  void aLoadThatCannotStartSoonIsRefusedAsUnavailable() throws Exception {
    CountDownLatch inBuffer = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    LatestReadingCache oneLoad =
        new LatestReadingCache(
            (device, resource) -> {
              inBuffer.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Optional.empty();
            },
            Duration.ofSeconds(30),
            1000,
            1,
            Duration.ofMillis(50),
            clock,
            clock);
    Thread slow = Thread.ofVirtual().start(() -> oneLoad.latest("room-1", "setpoint"));
    inBuffer.await();
    StoreUnavailableException e =
        assertThrows(StoreUnavailableException.class, () -> oneLoad.latest("room-2", "setpoint"));
    assertTrue(e.getMessage().contains("busy"), e.getMessage());
    release.countDown();
    slow.join();
    assertTrue(oneLoad.latest("room-2", "setpoint").isEmpty(), "free again");
  }
}
