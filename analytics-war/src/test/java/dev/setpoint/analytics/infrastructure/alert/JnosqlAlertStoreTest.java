package dev.setpoint.analytics.infrastructure.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertRuleStore.Overrides;
import dev.setpoint.analytics.domain.alert.AlertState;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;
import org.junit.jupiter.api.Test;

class JnosqlAlertStoreTest {
  static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void anAlertReadsBackAsStoredWithOrWithoutItsOptionalFields() {
    Alert full =
        new Alert(
            "a1",
            AlertKind.INLET_HIGH,
            Severity.CRITICAL,
            AlertState.ACKNOWLEDGED,
            "hall",
            "s1",
            "hall",
            "rs-1",
            32.4,
            32.0,
            "room hall: hottest inlet 32.4 °C",
            T,
            T.plusSeconds(60),
            "ops",
            T.plusSeconds(90),
            "on it",
            null,
            T.plusSeconds(61),
            2);
    assertEquals(Optional.of(full), JnosqlAlertStore.alert(JnosqlAlertStore.document(full)));
    Alert bare =
        new Alert(
            "a2",
            AlertKind.MODEL_FAILED,
            Severity.WARNING,
            AlertState.CLEARED,
            "analytics",
            null,
            null,
            null,
            null,
            null,
            null,
            T,
            T,
            null,
            null,
            null,
            T,
            null,
            0);
    assertEquals(Optional.of(bare), JnosqlAlertStore.alert(JnosqlAlertStore.document(bare)));
  }

  @Test
  void aDocumentOfAnUnknownKindIsSkipped() {
    CommunicationEntity e =
        JnosqlAlertStore.document(
            new Alert(
                "a3",
                AlertKind.HUMIDITY,
                Severity.WARNING,
                AlertState.RAISED,
                "hall",
                null,
                "hall",
                null,
                65.0,
                60.0,
                "m",
                T,
                T,
                null,
                null,
                null,
                null,
                null,
                0));
    e.remove("kind");
    e.add("kind", "volcano");
    assertEquals(Optional.empty(), JnosqlAlertStore.alert(e));
  }

  @Test
  void ruleOverridesReadBackAsStored() {
    CommunicationEntity e = CommunicationEntity.of(JnosqlAlertRuleStore.COLLECTION);
    e.add("scope", "room:hall");
    e.add("overrides", Map.of("inletWarningC", 26.0, "inletCriticalC", 30.0));
    e.add("changedBy", "ops");
    e.add("changedAt", T.toEpochMilli());
    assertEquals(
        Optional.of(
            new Overrides(
                "room:hall", Map.of("inletWarningC", 26.0, "inletCriticalC", 30.0), "ops", T)),
        JnosqlAlertRuleStore.overrides(e));
  }
}
