package dev.setpoint.ingest.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.ingest.domain.LatestReadings;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
 * setpoint.ingest.latest-reading-ttl-ms} is loaded again, so with several ingest replicas an answer
 * is at most that old; with one, every store passes through here and a reporting device's reads
 * stay in memory.
 *
 * <p>At most {@code setpoint.ingest.latest-reading-loads} reads of the buffer run at once; a read
 * that cannot start within {@code setpoint.ingest.latest-reading-load-wait-ms} is refused as
 * unavailable (503), so that a fleet starting at once (each device's first read a miss, each a scan
 * on mongo-java-server) cannot hold the store from the events: the devices post, their events start
 * entries, and their next reads are answered from memory.
 */
@ApplicationScoped
public class LatestReadingCache {
  private record Entry(Optional<BufferedReading> reading, long confirmedAt) {
    long origin() {
      return reading.map(BufferedReading::origin).orElse(Long.MIN_VALUE);
    }
  }

  private final LatestReadings readings;
  private final long ttlMillis;
  private final int maxEntries;
  private final Clock clock;
  private final Semaphore loads;
  private final long loadWaitMillis;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  @Inject
  public LatestReadingCache(
      LatestReadings readings,
      @ConfigProperty(name = "setpoint.ingest.latest-reading-ttl-ms", defaultValue = "30000")
          long ttlMillis,
      @ConfigProperty(name = "setpoint.ingest.latest-reading-cache-max", defaultValue = "100000")
          int maxEntries,
      @ConfigProperty(name = "setpoint.ingest.latest-reading-loads", defaultValue = "2") int loads,
      @ConfigProperty(name = "setpoint.ingest.latest-reading-load-wait-ms", defaultValue = "1000")
          long loadWaitMillis) {
    this(readings, ttlMillis, maxEntries, loads, loadWaitMillis, Clock.systemUTC());
  }

  LatestReadingCache(
      LatestReadings readings,
      long ttlMillis,
      int maxEntries,
      int loads,
      long loadWaitMillis,
      Clock clock) {
    this.readings = readings;
    this.ttlMillis = ttlMillis;
    this.maxEntries = maxEntries;
    this.loads = new Semaphore(Math.max(1, loads));
    this.loadWaitMillis = loadWaitMillis;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected LatestReadingCache() {
    this(null, 0, 0, 1, 0, null);
  }

  /** The device's latest reading of the resource; see the class comment for how fresh. */
  public Optional<BufferedReading> latest(String deviceName, String resourceName) {
    if (ttlMillis <= 0) {
      return load(deviceName, resourceName);
    }
    String key = key(deviceName, resourceName);
    long now = clock.millis();
    Entry entry = entries.get(key);
    if (entry != null && now - entry.confirmedAt() < ttlMillis) {
      return entry.reading();
    }
    Entry loaded = new Entry(load(deviceName, resourceName), now);
    if (entries.size() >= maxEntries) {
      entries.clear(); // names come from registered devices, but keep the heap bounded anyway
    }
    // A store that ran while the buffer was read may have put a newer reading: the newer wins.
    return entries
        .merge(key, loaded, (old, fresh) -> old.origin() > fresh.origin() ? old : fresh)
        .reading();
  }

  private Optional<BufferedReading> load(String deviceName, String resourceName) {
    boolean acquired;
    try {
      acquired = loads.tryAcquire(loadWaitMillis, TimeUnit.MILLISECONDS);
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
    if (ttlMillis <= 0) {
      return;
    }
    long now = clock.millis();
    long freshSince = (now - ttlMillis) * 1_000_000L; // origins are nanoseconds since the epoch
    for (BufferedReading reading : event.readings()) {
      Entry stored = new Entry(Optional.of(reading), now);
      entries.compute(
          key(event.deviceName(), reading.resourceName()),
          (k, old) -> {
            if (old == null) {
              return reading.origin() >= freshSince && entries.size() < maxEntries ? stored : null;
            }
            return reading.origin() >= old.origin() ? stored : old;
          });
    }
  }

  private static String key(String deviceName, String resourceName) {
    return deviceName + '\u0000' + resourceName;
  }
}
