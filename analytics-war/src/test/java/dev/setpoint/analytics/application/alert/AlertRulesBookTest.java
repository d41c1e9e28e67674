package dev.setpoint.analytics.application.alert;

import static dev.setpoint.analytics.application.audit.MemoryAuditStore.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.audit.MemoryAuditStore;
import dev.setpoint.analytics.domain.alert.AlertRuleStore;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.contracts.alert.AlertRules;
import dev.setpoint.contracts.audit.AuditRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesBookTest {
  final MemoryAuditStore audit = new MemoryAuditStore();
  final List<AlertRuleStore.Overrides> stored = new ArrayList<>();
  boolean down;
  final AlertRuleStore store =
      new AlertRuleStore() {
        @Override
        public List<Overrides> all() {
          if (down) {
            throw new ControlStoreUnavailableException("down", null);
          }
          return List.copyOf(stored);
        }

        @Override
        public void save(Overrides o) {
          stored.removeIf(x -> x.scope().equals(o.scope()));
          stored.add(o);
        }
      };
  final AlertRulesBook book =
      new AlertRulesBook(
          store, audit.trail(), Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void aRoomsRulesAreTheDefaultsThenTheDefaultSiteAndRoomOverrides() {
    book.set("default", Map.of("inletWarningC", 26.0), operator("ops"));
    book.set(
        "site:gwangju", Map.of("inletWarningC", 25.0, "inletCriticalC", 30.0), operator("ops"));
    book.set("room:hall", Map.of("inletWarningC", 24.0), operator("ops"));
    assertEquals(24.0, book.rules("gwangju", "hall").inletWarningC());
    assertEquals(30.0, book.rules("gwangju", "hall").inletCriticalC());
    assertEquals(25.0, book.rules("gwangju", "lab").inletWarningC());
    assertEquals(26.0, book.rules("busan", "lab").inletWarningC());
    assertEquals(AlertRules.DEFAULTS.inletCriticalC(), book.rules("busan", "lab").inletCriticalC());
    assertEquals(26.0, book.rules(null, null).inletWarningC());
  }

  @Test
  void overridesThatCannotStandAreRefusedAndAStoreOutageKeepsThoseReadBefore() {
    book.set("default", Map.of("inletCriticalC", 30.0), operator("ops"));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> book.set("site:x", Map.of("inletWarningC", 31.0), operator("ops")),
            "a warning above the default scope's critical limit");
    assertTrue(e.getMessage().contains("inletWarningC < inletCriticalC"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> book.set("rack:7", Map.of(), operator("ops")));
    book.refresh();
    down = true;
    book.refresh();
    assertEquals(30.0, book.rules("s", "r").inletCriticalC(), "the rules read before stand");
  }

  @Test
  void eachChangeOfAScopeIsAuditedCreatedUpdatedAndRemoved() {
    book.set("site:gwangju", Map.of("inletWarningC", 25.0), operator("ops"));
    book.set("site:gwangju", Map.of("inletWarningC", 24.0), operator("ops"));
    book.set("site:gwangju", Map.of(), operator("ops"));
    book.set("room:hall", Map.of(), operator("ops"));

    List<AuditRecord> records = audit.of("alert_rule");
    assertEquals(
        List.of("create", "update", "delete"),
        records.stream().map(AuditRecord::action).toList(),
        "removing overrides a scope never had changes nothing");
    assertEquals("site:gwangju", records.get(1).target());
    assertEquals("gwangju", records.get(1).site());
    assertEquals("{\"inletWarningC\":25.0}", records.get(1).before());
    assertEquals("{\"inletWarningC\":24.0}", records.get(1).after());
    assertEquals(null, records.get(2).after());
  }
}
