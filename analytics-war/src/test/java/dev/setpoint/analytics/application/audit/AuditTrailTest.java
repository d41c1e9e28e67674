package dev.setpoint.analytics.application.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.domain.audit.AuditQuery;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
  private final MemoryAuditStore store = new MemoryAuditStore();
  private final AuditTrail trail = store.trail();

  private static AuditRecord edge(String id) {
    return MemoryAuditStore.sample(
        id, Instant.parse("2026-12-03T03:00:00Z"), "alice", "ac-1", "device");
  }

  @Test
  void analyticsOwnChangesAreRecordedAsAnalytics() {
    trail.record(
        MemoryAuditStore.operator("alice"),
        AuditChange.of("room_mode", "update", "hall").withRoom("hall"));

    AuditRecord r = store.all().getFirst();
    assertEquals("analytics", r.origin());
    assertEquals("alice", r.actor());
    assertEquals("hall", r.room());
  }

  @Test
  void aRecordTheStoreRefusesIsLoggedAndTheChangeStands() {
    store.failures.set(1);
    trail.record(AuditActor.SYSTEM, AuditChange.of("model", "reload", "model"));
    assertTrue(store.all().isEmpty());
  }

  @Test
  void anEdgeRecordIsStoredOnceAndRetriedWhileTheStoreIsDown() throws Exception {
    store.failures.set(3);
    assertTrue(trail.accept(edge("r-1"), () -> true));
    assertFalse(trail.accept(edge("r-1"), () -> true), "a redelivery is stored once");
    assertEquals(List.of(edge("r-1")), store.all());
  }

  @Test
  void stoppingWhileTheStoreIsDownLeavesTheRecordForRedelivery() {
    store.failures.set(Integer.MAX_VALUE);
    assertThrows(InterruptedException.class, () -> trail.accept(edge("r-1"), () -> false));
  }

  @Test
  void aModelReloadShowsTheVersionsBeforeAndAfter() {
    ModelInfo v1 = model("v1");
    trail.modelReloaded(AuditActor.SYSTEM, v1, model("v2"));
    trail.modelReloaded(MemoryAuditStore.operator("bob"), null, v1);

    List<AuditRecord> records = store.of("model");
    assertEquals("system", records.get(0).actor());
    assertTrue(records.get(0).before().contains("\"version\":\"v1\""), records.get(0).before());
    assertTrue(records.get(0).after().contains("\"version\":\"v2\""), records.get(0).after());
    assertEquals(null, records.get(1).before());
  }

  @Test
  void aPageCarriesItsTotal() {
    for (int i = 0; i < 5; i++) {
      store.append(edge("r-" + i));
    }
    AuditTrail.Page page = trail.list(new AuditQuery(null, null, null, null, null, 1, 2));
    assertEquals(2, page.records().size());
    assertEquals(5, page.total());
    assertEquals(1, page.page());
    assertEquals(2, page.size());
  }

  private static ModelInfo model(String version) {
    return new ModelInfo(
        version,
        "file:/models/" + version + ".onnx",
        Instant.parse("2026-12-03T03:00:00Z"),
        "input",
        "output",
        6,
        Map.of(),
        Optional.empty(),
        Optional.empty());
  }
}
