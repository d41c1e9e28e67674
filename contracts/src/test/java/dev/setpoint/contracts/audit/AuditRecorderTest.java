package dev.setpoint.contracts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRecorderTest {
  private static final Instant NOW = Instant.parse("2026-12-03T03:00:00Z");
  private final AuditRecorder recorder =
      new AuditRecorder("ingest@gwangju", Clock.fixed(NOW, ZoneOffset.UTC));
  private final AuditChange lock = AuditChange.of("device", "lock", "ac-1");

  @Test
  void eachRecordHasItsOwnIdTheTimeAndTheOrigin() {
    AuditRecord a = recorder.make(AuditActor.SYSTEM, lock);
    AuditRecord b = recorder.make(AuditActor.SYSTEM, lock);

    assertNotEquals(a.id(), b.id());
    assertEquals(NOW, a.at());
    assertEquals("ingest@gwangju", a.origin());
    assertEquals("system", a.actor());
  }

  @Test
  void aRecordIsHandedOnAndOneThatCannotBeKeptIsLoggedNotThrown() {
    List<AuditRecord> kept = new ArrayList<>();
    recorder.record(AuditActor.RECOMMENDER, lock, kept::add);
    recorder.record(
        AuditActor.RECOMMENDER,
        lock,
        r -> {
          throw new IllegalStateException("store down (test)");
        });

    assertEquals(1, kept.size());
    assertEquals("recommender", kept.getFirst().actor());
  }
}
