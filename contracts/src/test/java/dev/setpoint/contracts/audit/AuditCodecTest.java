package dev.setpoint.contracts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.contracts.telemetry.TelemetryFormatException;
import dev.setpoint.contracts.telemetry.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditCodecTest {
  private final AuditCodec codec = new AuditCodec();

  private static final Instant AT = Instant.parse("2026-12-03T03:00:00.125Z");
  private static final AuditActor ALICE = new AuditActor("alice", "operator", "10.0.0.7");

  public record Lock(String name, String adminState, List<String> labels) {}

  @Test
  void aChangeBecomesARecordWithItsStatesAsJsonObjects() {
    AuditChange change =
        AuditChange.of(AuditKind.DEVICE, AuditAction.LOCK, "ac-1")
            .withDevice("ac-1")
            .withSite("gwangju")
            .withBefore(new Lock("ac-1", "UNLOCKED", List.of("site:gwangju")))
            .withAfter(new Lock("ac-1", "LOCKED", List.of("site:gwangju")));

    AuditRecord r = codec.record("r-1", AT, "ingest@gwangju", ALICE, change);

    assertEquals(
        new AuditRecord(
            "r-1",
            AT,
            "alice",
            "operator",
            "10.0.0.7",
            "ingest@gwangju",
            "device",
            "lock",
            "ac-1",
            "ac-1",
            "gwangju",
            null,
            "{\"adminState\":\"UNLOCKED\",\"labels\":[\"site:gwangju\"],\"name\":\"ac-1\"}",
            "{\"adminState\":\"LOCKED\",\"labels\":[\"site:gwangju\"],\"name\":\"ac-1\"}"),
        r);
  }

  @Test
  void aStateThatIsNotAnObjectIsWrappedAndAMissingOneStaysNull() {
    assertEquals("{\"value\":21.5}", codec.snapshot(21.5));
    assertEquals("{\"value\":\"auto\"}", codec.snapshot("auto"));
    assertEquals("{\"mode\":\"off\"}", codec.snapshot(Map.of("mode", "off")));
    assertNull(codec.snapshot(null));
  }

  @Test
  void aStateIsWrittenInTheOrderItsNamesWereGivenNullsIncluded() {
    assertEquals(
        "{\"mode\":\"off\",\"holdingTape\":true,\"by\":null}",
        codec.snapshot(AuditChange.state("mode", "off", "holdingTape", true, "by", null)));
    assertThrows(IllegalArgumentException.class, () -> AuditChange.state("mode"));
    assertThrows(IllegalArgumentException.class, () -> AuditChange.state(1, "x"));
  }

  @Test
  void aRecordSurvivesTheRoundTrip() {
    AuditRecord r =
        codec.record(
            "r-2",
            AT,
            "relay@gwangju",
            AuditActor.RECOMMENDER,
            AuditChange.of(AuditKind.COMMAND, AuditAction.UPDATE, "ac-1/setpoint")
                .withDevice("ac-1")
                .withBefore(Map.of("value", "22.0"))
                .withAfter(Map.of("value", "23.5")));

    AuditRecord back = codec.decode(codec.encode(r));

    assertEquals(r, back);
    assertNull(back.role());
    assertNull(back.address());
  }

  @Test
  void theOutboxMessageGoesToTheAuditTopicKeyedByTheRecordInTheOrderOfTheChanges() {
    AuditRecord r =
        codec.record(
            "r-3",
            AT,
            "ingest",
            ALICE,
            AuditChange.of(AuditKind.DEVICE_TOKEN, AuditAction.REVOKE, "ac-1").withDevice("ac-1"));

    OutboxMessage m = codec.outboxMessage(r);

    assertEquals("r-3", m.id());
    assertEquals(Topics.AUDIT, m.topic());
    assertEquals("r-3", m.key());
    assertEquals(AT.toEpochMilli(), m.createdAt());
    assertEquals(r, codec.decode(m.payload()));
  }

  @Test
  void theOriginNamesTheSiteWhenThereIsOne() {
    assertEquals("ingest@gwangju", AuditCodec.origin("ingest", "gwangju"));
    assertEquals("ingest", AuditCodec.origin("ingest", null));
    assertEquals("relay", AuditCodec.origin("relay", " "));
  }

  @Test
  void aChangeOrAnActorWithoutItsNamesIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new AuditActor(" ", "operator", null));
    assertThrows(IllegalArgumentException.class, () -> AuditChange.of("device", "lock", null));
    assertThrows(IllegalArgumentException.class, () -> AuditChange.of("", "lock", "ac-1"));
  }

  private static final String VALID =
      "\"id\":\"r\",\"at\":\"2026-12-03T03:00:00Z\",\"actor\":\"a\",\"origin\":\"ingest\","
          + "\"kind\":\"device\",\"action\":\"lock\",\"target\":\"ac-1\"";

  @Test
  void aMinimalRecordIsAccepted() {
    AuditRecord r = codec.decode("{" + VALID + "}");
    assertEquals(Instant.parse("2026-12-03T03:00:00Z"), r.at());
    assertNull(r.before());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"at\":\"2026-12-03T03:00:00Z\",\"actor\":\"a\",\"origin\":\"o\",\"kind\":\"k\",\"action\":\"x\",\"target\":\"t\"}|id",
        "{\"id\":\"r\",\"actor\":\"a\",\"origin\":\"o\",\"kind\":\"k\",\"action\":\"x\",\"target\":\"t\"}|at",
        "{\"id\":\"r\",\"at\":\"yesterday\",\"actor\":\"a\",\"origin\":\"o\",\"kind\":\"k\",\"action\":\"x\",\"target\":\"t\"}|JSON",
        "{\"id\":\"r\",\"at\":\"2026-12-03T03:00:00Z\",\"origin\":\"o\",\"kind\":\"k\",\"action\":\"x\",\"target\":\"t\"}|actor",
        "{\"id\":\"r\",\"at\":\"2026-12-03T03:00:00Z\",\"actor\":\"a\",\"kind\":\"k\",\"action\":\"x\",\"target\":\"t\"}|origin",
        "{\"id\":\"r\",\"at\":\"2026-12-03T03:00:00Z\",\"actor\":\"a\",\"origin\":\"o\",\"action\":\"x\",\"target\":\"t\"}|kind",
        "{\"id\":\"r\",\"at\":\"2026-12-03T03:00:00Z\",\"actor\":\"a\",\"origin\":\"o\",\"kind\":\"k\",\"target\":\"t\"}|action",
        "{\"id\":\"r\",\"at\":\"2026-12-03T03:00:00Z\",\"actor\":\"a\",\"origin\":\"o\",\"kind\":\"k\",\"action\":\"x\"}|target",
        "not json|JSON",
        "' '|empty"
      })
  void anIncompleteRecordIsRefusedNamingTheField(String json, String field) {
    TelemetryFormatException e =
        assertThrows(TelemetryFormatException.class, () -> codec.decode(json));
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  void statesThatAreNotJsonObjectsAreRefused() {
    TelemetryFormatException notObject =
        assertThrows(
            TelemetryFormatException.class,
            () -> codec.decode("{" + VALID + ",\"before\":\"[1,2]\"}"));
    assertTrue(notObject.getMessage().contains("before"), notObject.getMessage());
    TelemetryFormatException notJson =
        assertThrows(
            TelemetryFormatException.class,
            () -> codec.decode("{" + VALID + ",\"after\":\"{mode\"}"));
    assertTrue(notJson.getMessage().contains("after"), notJson.getMessage());
  }
}
