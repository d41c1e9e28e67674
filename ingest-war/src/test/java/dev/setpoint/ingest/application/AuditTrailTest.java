package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.contracts.telemetry.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
  private final Fakes.Outbox outbox = new Fakes.Outbox();
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T03:00:00Z"), ZoneOffset.UTC);

  @Test
  void aRecordGoesToTheOutboxForTheAuditTopicKeyedAndOrderedByItself() {
    new AuditTrail(outbox, "gwangju", clock)
        .record(Fakes.OPERATOR, AuditChange.of("device", "lock", "ac-1").withDevice("ac-1"));

    OutboxMessage m = outbox.messages.values().iterator().next();
    AuditRecord r = outbox.records().getFirst();
    assertEquals(r.id(), m.id());
    assertEquals(r.id(), m.key());
    assertEquals(Topics.AUDIT, m.topic());
    assertEquals(clock.millis(), m.createdAt());
    assertEquals(clock.instant(), r.at());
    assertEquals("ingest@gwangju", r.origin());
  }

  @Test
  void aHubWithoutASiteIsPlainIngest() {
    new AuditTrail(outbox, null, clock)
        .record(AuditActor.SYSTEM, AuditChange.of("profile", "create", "room-sensor"));

    AuditRecord r = outbox.records().getFirst();
    assertEquals("ingest", r.origin());
    assertEquals("system", r.actor());
    assertNull(r.role());
    assertNull(r.address());
  }

  @Test
  void loginsAreRecordedSucceededOrFailedWithTheNameGivenCut() {
    AuditTrail audit = new AuditTrail(outbox, null, clock);
    audit.login("alice", "operator", "192.0.2.7", true);
    audit.login("x".repeat(500), "operator", "192.0.2.8", false);
    audit.login(null, null, "192.0.2.9", false);

    AuditRecord ok = outbox.records().get(0);
    assertEquals("login", ok.kind());
    assertEquals(AuditAction.SUCCESS, ok.action());
    assertEquals("alice", ok.actor());
    assertEquals("operator", ok.role());
    assertEquals("192.0.2.7", ok.address());
    AuditRecord failed = outbox.records().get(1);
    assertEquals(AuditAction.FAILURE, failed.action());
    assertEquals(AuditTrail.MAX_LOGIN_NAME, failed.actor().length());
    assertNull(failed.role(), "a failed login grants no role");
    assertEquals("(none)", outbox.records().get(2).actor());
  }

  @Test
  void aUserChangeNamesTheAdminAndTheUser() {
    new AuditTrail(outbox, null, clock)
        .user(
            new AuditActor("root", "admin", "192.0.2.1"),
            AuditAction.UPDATE,
            "bob",
            Map.of("role", "viewer"),
            Map.of("role", "operator"));

    AuditRecord r = outbox.records().getFirst();
    assertEquals("user", r.kind());
    assertEquals("bob", r.target());
    assertEquals("root", r.actor());
    assertEquals("{\"role\":\"viewer\"}", r.before());
    assertEquals("{\"role\":\"operator\"}", r.after());
  }

  @Test
  void anOutboxThatFailsLosesNoChangeAndThrowsNothing() {
    outbox.down = true;
    new AuditTrail(outbox, null, clock)
        .record(Fakes.OPERATOR, AuditChange.of("device", "lock", "ac-1"));
    assertTrue(outbox.messages.isEmpty());
  }
}
