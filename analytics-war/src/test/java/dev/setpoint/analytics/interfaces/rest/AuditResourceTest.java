package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.audit.MemoryAuditStore;
import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.domain.audit.AuditQuery;
import dev.setpoint.contracts.audit.AuditCodec;
import dev.setpoint.contracts.audit.AuditRecord;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditResourceTest {

  @Test
  void absentParametersFilterNothingAndPageFromTheStart() {
    assertEquals(
        new AuditQuery(null, null, null, null, null, 0, AuditResource.DEFAULT_SIZE),
        AuditResource.query(null, " ", null, "", null, null, null));
  }

  @Test
  void everyParameterIsTakenAsGiven() {
    assertEquals(
        new AuditQuery(
            Instant.parse("2026-12-03T00:00:00Z"),
            Instant.parse("2026-12-04T00:00:00Z"),
            "alice",
            "ac-1",
            "room_mode",
            2,
            1000),
        AuditResource.query(
            "2026-12-03T00:00:00Z", "1796342400000", " alice ", "ac-1", "room_mode", "2", "1000"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "yesterday||||||from",
        "|noon|||||to",
        "2026-12-04T00:00:00Z|2026-12-03T00:00:00Z|||||to",
        "|||Room Mode|||kind",
        "|||device';drop|||kind",
        "||||-1||page",
        "|||||0|size",
        "|||||1001|size",
        "|||||ten|size",
      })
  void aBadParameterIsRefusedNamingIt(
      String from, String to, String device, String kind, String page, String size, String at) {
    InvalidHistoryRequestException e =
        assertThrows(
            InvalidHistoryRequestException.class,
            () -> AuditResource.query(from, to, null, device, kind, page, size));
    assertEquals(at, e.parameter());
  }

  @Test
  void aNameWithControlCharactersOrTooLongIsRefused() {
    assertEquals(
        "user",
        assertThrows(
                InvalidHistoryRequestException.class,
                () -> AuditResource.query(null, null, "a\nb", null, null, null, null))
            .parameter());
    assertEquals(
        "device",
        assertThrows(
                InvalidHistoryRequestException.class,
                () -> AuditResource.query(null, null, null, "d".repeat(257), null, null, null))
            .parameter());
  }

  @Test
  void csvIsAskedForByFormatOrByAccept() {
    assertTrue(AuditResource.csv("CSV", null));
    assertFalse(AuditResource.csv("json", null));
    assertFalse(AuditResource.csv(null, null));
    assertEquals(
        "format",
        assertThrows(InvalidHistoryRequestException.class, () -> AuditResource.csv("xml", null))
            .parameter());
  }

  static final AuditRecord LOCK =
      MemoryAuditStore.sample(
          "r-1", Instant.parse("2026-12-03T03:00:00Z"), "=cmd|' /C calc'!A0", "ac-1", "device");

  @Test
  void theViewShowsTheStatesAsObjects() {
    JsonObject v;
    try (AuditCodec codec = new AuditCodec()) {
      v = AuditView.of(LOCK, codec);
    }
    assertEquals("LOCKED", v.getJsonObject("after").getString("adminState"));
    assertEquals("UNLOCKED", v.getJsonObject("before").getString("adminState"));
    assertEquals("2026-12-03T03:00:00Z", v.getString("at"));
    assertEquals("ingest@gwangju", v.getString("origin"));
    assertFalse(v.containsKey("room"), "an absent field is left out");
    assertEquals(Json.createObjectBuilder().add("text", "[1]").build(), AuditView.object("[1]"));
  }

  @Test
  void csvIsOneRowPerRecordQuotedAsRfc4180WantsAndSafeFromFormulas() {
    String csv = AuditCsv.of(List.of(LOCK));
    String[] lines = csv.split("\r\n");
    assertEquals(2, lines.length, csv);
    assertEquals(AuditCsv.HEADER, lines[0]);
    assertEquals(
        "2026-12-03T03:00:00Z,'=cmd|' /C calc'!A0,operator,192.0.2.7,ingest@gwangju,device,lock,"
            + "ac-1,ac-1,gwangju,,"
            + "\"{\"\"adminState\"\":\"\"UNLOCKED\"\",\"\"labels\"\":[\"\"a,b\"\"]}\","
            + "\"{\"\"adminState\"\":\"\"LOCKED\"\",\"\"labels\"\":[\"\"a,b\"\"]}\",r-1",
        lines[1]);
  }
}
