package dev.setpoint.analytics.application.audit;

import dev.setpoint.analytics.domain.audit.AuditQuery;
import dev.setpoint.analytics.domain.audit.AuditStore;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The audit store in memory, for the services' unit tests (test code only): records by id in the
 * order appended; fails the next {@link #failures} calls.
 */
public final class MemoryAuditStore implements AuditStore {
  public final Map<String, AuditRecord> records = new LinkedHashMap<>();
  public final AtomicInteger failures = new AtomicInteger();

  /** An operator acting from a LAN address. */
  public static AuditActor operator(String name) {
    return new AuditActor(name, "operator", "192.0.2.7");
  }

  /**
   * A record of the edge locking a device, as the tests store and serve it: an operator from a LAN
   * address at hub {@code gwangju}, its states with a comma inside.
   *
   * @param device the device, or null for a change of room {@code hall}
   */
  public static AuditRecord sample(
      String id, Instant at, String actor, String device, String kind) {
    return new AuditRecord(
        id,
        at,
        actor,
        "operator",
        "192.0.2.7",
        "ingest@gwangju",
        kind,
        "lock",
        device == null ? "hall" : device,
        device,
        "gwangju",
        null,
        "{\"adminState\":\"UNLOCKED\",\"labels\":[\"a,b\"]}",
        "{\"adminState\":\"LOCKED\",\"labels\":[\"a,b\"]}");
  }

  /** An audit trail into this store that retries at once (1 ms). */
  public AuditTrail trail() {
    return new AuditTrail(this, Clock.systemUTC(), Duration.ofMillis(1), Duration.ofMillis(2));
  }

  /** The records appended, oldest first. */
  public synchronized List<AuditRecord> all() {
    return new ArrayList<>(records.values());
  }

  /** The records of a kind, oldest first. */
  public synchronized List<AuditRecord> of(String kind) {
    return records.values().stream().filter(r -> r.kind().equals(kind)).toList();
  }

  @Override
  public synchronized boolean append(AuditRecord record) {
    fail();
    return records.putIfAbsent(record.id(), record) == null;
  }

  @Override
  public synchronized List<AuditRecord> query(AuditQuery q) {
    fail();
    return matching(q).skip((long) q.page() * q.size()).limit(q.size()).toList();
  }

  @Override
  public synchronized long count(AuditQuery q) {
    fail();
    return matching(q).count();
  }

  private Stream<AuditRecord> matching(AuditQuery q) {
    return records.values().stream()
        .filter(r -> q.from() == null || !r.at().isBefore(q.from()))
        .filter(r -> q.to() == null || r.at().isBefore(q.to()))
        .filter(r -> q.user() == null || q.user().equals(r.actor()))
        .filter(r -> q.device() == null || q.device().equals(r.device()))
        .filter(r -> q.kind() == null || q.kind().equals(r.kind()))
        .sorted(Comparator.comparing(AuditRecord::at).reversed());
  }

  private void fail() {
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ControlStoreUnavailableException("audit store down (test)", null);
    }
  }
}
