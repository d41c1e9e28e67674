package dev.setpoint.analytics.infrastructure.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.audit.MemoryAuditStore;
import dev.setpoint.analytics.application.audit.TokenDenylist;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditCodec;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.security.TokenRevocation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditConsumerTest {
  private final MemoryAuditStore store = new MemoryAuditStore();
  private final TokenDenylist denylist = new TokenDenylist(store, Clock.systemUTC());
  private final AuditConsumer consumer = new AuditConsumer(store.trail(), denylist);
  private final AuditCodec codec = new AuditCodec();
  private final KafkaMessages kafka = new KafkaMessages();

  @AfterEach
  void close() {
    consumer.stop();
    codec.close();
  }

  @Test
  void aRecordIsStoredOnceThoughDeliveredTwiceAndEachDeliveryAcknowledged() {
    AuditRecord r =
        codec.record(
            "r-1",
            Instant.parse("2026-12-03T03:00:00Z"),
            "ingest@gwangju",
            new AuditActor("alice", "operator", "192.0.2.7"),
            AuditChange.of("device", "create", "ac-1").withDevice("ac-1"));

    consumer.consume(kafka.message(codec.encode(r))).toCompletableFuture().join();
    consumer.consume(kafka.message(codec.encode(r))).toCompletableFuture().join();

    assertEquals(List.of(r), store.all());
    assertEquals(2, kafka.acks.get());
  }

  @Test
  void aPayloadThatIsNoRecordIsAcknowledgedSoItNeverBlocksThePartition() {
    consumer.consume(kafka.message("{\"id\":\"r-2\"}")).toCompletableFuture().join();
    consumer.consume(kafka.message("not json")).toCompletableFuture().join();

    assertEquals(List.of(), store.all());
    assertEquals(2, kafka.acks.get());
  }

  @Test
  void aRevocationFromTheEdgeIsStoredAndObeyedAndReadBackAfterARestart() {
    long now = Instant.now().getEpochSecond();
    TokenRevocation logout = TokenRevocation.session("alice", "jti-1", "sid-1", now + 600);
    AuditRecord r =
        codec.record(
            "r-3",
            Instant.now(),
            "ingest@gwangju",
            new AuditActor("alice", "operator", "192.0.2.7"),
            logout.auditChange());

    assertFalse(denylist.revoked("alice", "jti-1", "sid-1", now));
    consumer.consume(kafka.message(codec.encode(r))).toCompletableFuture().join();

    assertTrue(denylist.revoked("alice", "jti-1", "sid-1", now));
    assertTrue(denylist.revoked("alice", "jti-2", "sid-1", now), "the session's other tokens");
    assertFalse(denylist.revoked("alice", "jti-3", "sid-2", now));
    TokenDenylist afterRestart = new TokenDenylist(store, Clock.systemUTC());
    assertTrue(afterRestart.revoked("alice", "jti-1", "sid-1", now), "read from the trail");
  }
}
