package dev.setpoint.analytics.infrastructure.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.audit.MemoryAuditStore;
import dev.setpoint.analytics.domain.audit.AuditQuery;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.analytics.infrastructure.store.TestMongo;
import dev.setpoint.contracts.audit.AuditRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JnosqlAuditStoreTest {
  static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

  private final TestMongo mongo = new TestMongo();
  private final JnosqlAuditStore store = new JnosqlAuditStore(mongo.database);

  @AfterEach
  void close() {
    mongo.close();
  }

  private static AuditRecord record(
      String id, int minute, String actor, String device, String kind) {
    return MemoryAuditStore.sample(id, T.plusSeconds(60L * minute), actor, device, kind);
  }

  private static AuditQuery all(int page, int size) {
    return new AuditQuery(null, null, null, null, null, page, size);
  }

  @Test
  void aRecordReadsBackAsStoredWithOrWithoutItsOptionalFields() {
    AuditRecord full = record("r1", 0, "alice", "ac-1", "device");
    AuditRecord bare =
        new AuditRecord(
            "r2",
            T,
            "system",
            null,
            null,
            "analytics",
            "model",
            "reload",
            "model",
            null,
            null,
            null,
            null,
            null);
    assertEquals(Optional.of(full), JnosqlAuditStore.record(JnosqlAuditStore.document(full)));
    assertEquals(Optional.of(bare), JnosqlAuditStore.record(JnosqlAuditStore.document(bare)));
  }

  @Test
  void aRecordIsStoredOnceAndARedeliveryKeepsTheFirst() {
    assertTrue(store.append(record("r1", 0, "alice", "ac-1", "device")));
    assertFalse(store.append(record("r1", 5, "mallory", "ac-9", "device")));

    List<AuditRecord> stored = store.query(all(0, 10));
    assertEquals(1, stored.size());
    assertEquals("alice", stored.getFirst().actor());
  }

  @Test
  void queriesFilterByTimeUserDeviceAndKindNewestFirstInPages() {
    store.append(record("r1", 1, "alice", "ac-1", "device"));
    store.append(record("r2", 2, "recommender", "ac-1", "command"));
    store.append(record("r3", 3, "alice", null, "room_mode"));
    store.append(record("r4", 4, "bob", "ac-2", "device"));
    store.append(record("r5", 5, "alice", "ac-1", "command"));

    assertEquals(
        List.of("r5", "r4", "r3", "r2", "r1"),
        store.query(all(0, 10)).stream().map(AuditRecord::id).toList());
    assertEquals(
        List.of("r3", "r2"), store.query(all(1, 2)).stream().map(AuditRecord::id).toList());
    assertEquals(5, store.count(all(1, 2)));

    AuditQuery alice = new AuditQuery(null, null, "alice", null, null, 0, 10);
    assertEquals(
        List.of("r5", "r3", "r1"), store.query(alice).stream().map(AuditRecord::id).toList());
    AuditQuery ac1Commands = new AuditQuery(null, null, null, "ac-1", "command", 0, 10);
    assertEquals(
        List.of("r5", "r2"), store.query(ac1Commands).stream().map(AuditRecord::id).toList());
    AuditQuery window =
        new AuditQuery(T.plusSeconds(120), T.plusSeconds(240), null, null, null, 0, 10);
    assertEquals(
        List.of("r3", "r2"),
        store.query(window).stream().map(AuditRecord::id).toList(),
        "from inclusive, to exclusive");
    assertEquals(2, store.count(window));
  }

  @Test
  void anUnreachableStoreSaysSo() {
    mongo.stopServer();
    assertThrows(
        ControlStoreUnavailableException.class,
        () -> store.append(record("r1", 0, "alice", "ac-1", "device")));
  }
}
