package dev.setpoint.ingest.application;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.ingest.config.LatestReadingConfig;
import dev.setpoint.ingest.domain.LatestReadings;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The latest reading of each device resource that Core Command answers when no one has commanded
 * it, kept in memory so that a fleet reading its setpoints does not become a query per read. Every
 * read of a device's latest reading is otherwise a search of its newest events in the edge buffer:
 * one indexed read on MongoDB, but a scan of the whole buffer on mongo-java-server, whose secondary
 * indexes are not real (1,000 devices reading every 10 s took more CPU than the machine had).
 *
 * <p>An entry is kept current by the events this server stores: a stored reading newer (by origin)
 * than the entry replaces it and counts as confirmed now; one older than the entry (a resent
 * backlog) changes nothing. Without an entry, a stored reading whose origin lies within the TTL of
 * now starts one (an older one could be a resend, with newer readings already in the buffer), and a
 * read loads one from the buffer. An entry that no local store confirmed for {@code
 * setpoint.ingest.latest-reading.ttl} is loaded again, so with several ingest replicas an answer is
 * at most that old; with one, every store passes through here and a reporting device's reads stay
 * in memory.
 *
 * <p>At most {@code setpoint.ingest.latest-reading.loads} reads of the buffer run at once; a read
 * that cannot start within {@code setpoint.ingest.latest-reading.load-wait} is refused as
 * unavailable (503), so that a fleet starting at once (each device's first read a miss, each a scan
 * on mongo-java-server) cannot hold the store from the events: the devices post, their events start
 * entries, and their next reads are answered from memory.
 */
@ApplicationScoped
public class LatestReadingCache {
  /** {@code confirmedAt} in the ticker's nanoseconds. */
  private record Entry(Optional<BufferedReading> reading, long confirmedAt) {
    long origin() {
      return reading.map(BufferedReading::origin).orElse(Long.MIN_VALUE);
    }
  }

  private final LatestReadings readings;
  private final long ttlNanos;
  private final Clock clock;
  private final Ticker ticker;
  private final Semaphore loads;
  private final Duration loadWait;

  /**
   * Bounded (the least used entries go first) and expired after the TTL by Caffeine; whether an
   * entry still counts as confirmed is decided here, from its {@code confirmedAt}, because a store
   * that keeps an entry (an older reading) must not confirm it.
   */
  private final ConcurrentMap<String, Entry> entries;

  @Inject
  public LatestReadingCache(LatestReadings readings, LatestReadingConfig config) {
    this(
        readings,
        config.ttl,
        config.maxEntries,
        config.loads,
        config.loadWait,
        Clock.systemUTC(),
        Ticker.systemTicker());
  }

  /**
   * @param clock the wall clock that readings' origins are compared with
   * @param ticker measures how long entries have been confirmed
   */
  LatestReadingCache(
      LatestReadings readings,
      Duration ttl,
      int maxEntries,
      int loads,
      Duration loadWait,
      Clock clock,
      Ticker ticker) {
    this.readings = readings;
    this.ttlNanos = Math.max(0, ttl.toNanos());
    this.loads = new Semaphore(Math.max(1, loads));
    this.loadWait = loadWait;
    this.clock = clock;
    this.ticker = ticker;
    this.entries =
        ttlNanos == 0 ? null : ExpiringCache.<String, Entry>of(ttl, maxEntries, ticker).asMap();
  }

  /** For CDI's proxy only. */
  protected LatestReadingCache() {
    this.readings = null;
    this.ttlNanos = 0;
    this.clock = null;
    this.ticker = null;
    this.loads = null;
    this.loadWait = null;
    this.entries = null;
  }

  /** The device's latest reading of the resource; see the class comment for how fresh. */
  public Optional<BufferedReading> latest(String deviceName, String resourceName) {
    if (entries == null) {
      return load(deviceName, resourceName);
    }
    String key = key(deviceName, resourceName);
    long now = ticker.read();
    Entry entry = entries.get(key);
    if (entry != null && now - entry.confirmedAt() < ttlNanos) {
      return entry.reading();
    }
    Entry loaded = new Entry(load(deviceName, resourceName), now);
    // A store that ran while the buffer was read may have put a newer reading: the newer wins.
    return entries
        .merge(key, loaded, (old, fresh) -> old.origin() > fresh.origin() ? old : fresh)
        .reading();
  }

  private Optional<BufferedReading> load(String deviceName, String resourceName) {
    boolean acquired;
    try {
      acquired = loads.tryAcquire(loadWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw new StoreUnavailableException(
          "the edge buffer is busy with other reads of latest readings; try again shortly");
    }
    try {
      return readings.latest(deviceName, resourceName);
    } finally {
      loads.release();
    }
  }

  /** Tells the cache that this server stored the event (after the store succeeded). */
  public void stored(BufferedEvent event) {
    if (entries == null) {
      return;
    }
    long now = ticker.read();
    // Origins are nanoseconds since the epoch: compared with the wall clock, not the ticker.
    long freshSince = clock.millis() * 1_000_000L - ttlNanos;
    for (BufferedReading reading : event.readings()) {
      Entry stored = new Entry(Optional.of(reading), now);
      entries.compute(
          key(event.deviceName(), reading.resourceName()),
          (k, old) -> {
            if (old == null) {
              return reading.origin() >= freshSince ? stored : null;
            }
            return reading.origin() >= old.origin() ? stored : old;
          });
    }
  }

  private static String key(String deviceName, String resourceName) {
    return deviceName + '\u0000' + resourceName;
  }
}
