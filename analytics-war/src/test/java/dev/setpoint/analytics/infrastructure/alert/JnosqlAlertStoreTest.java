package dev.setpoint.analytics.infrastructure.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertQuery;
import dev.setpoint.analytics.domain.alert.AlertRuleStore.Overrides;
import dev.setpoint.analytics.domain.alert.AlertState;
import dev.setpoint.analytics.infrastructure.store.TestMongo;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import java.time.Instant;
import java.util.List;
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
  void storedAlertsAreFoundFilteredAndPagedThroughTheDriver() {
    try (TestMongo mongo = new TestMongo()) {
      JnosqlAlertStore store = new JnosqlAlertStore(mongo.database);
      for (int i = 0; i < 5; i++) {
        store.save(alert("r" + i, AlertState.RAISED, T.plusSeconds(i)));
      }
      Alert acked = alert("k", AlertState.RAISED, T.plusSeconds(10));
      store.save(acked);
      store.save(acked.acknowledged("ops", "seen", T.plusSeconds(20))); // replaced, not added
      store.save(alert("c", AlertState.CLEARED, T.plusSeconds(30)));

      assertEquals(6, store.open().size());
      assertEquals(AlertState.ACKNOWLEDGED, store.find("k").orElseThrow().state());
      assertEquals(6, store.count(query(null, true, 0, 10)));
      assertEquals(1, store.count(query(AlertState.CLEARED, false, 0, 10)));
      assertEquals(7, store.count(query(null, false, 0, 10)));
      List<Alert> first = store.query(query(null, true, 0, 4));
      assertEquals(List.of("k", "r4", "r3", "r2"), first.stream().map(Alert::id).toList());
      List<Alert> second = store.query(query(null, true, 1, 4));
      assertEquals(List.of("r1", "r0"), second.stream().map(Alert::id).toList());
    }
  }

  static Alert alert(String id, AlertState state, Instant raised) {
    return new Alert(
        id,
        AlertKind.INLET_HIGH,
        Severity.WARNING,
        state,
        "hall",
        "s1",
        "hall",
        null,
        27.5,
        27.0,
        "m",
        raised,
        raised,
        null,
        null,
        null,
        state == AlertState.CLEARED ? raised : null,
        null,
        0);
  }

  static AlertQuery query(AlertState state, boolean open, int page, int size) {
    return new AlertQuery(state, open, null, null, null, "hall", null, null, null, page, size);
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
