package dev.setpoint.analytics.application.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.alert.AlertRuleStore;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.contracts.alert.AlertRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesBookTest {
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
      new AlertRulesBook(store, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void aRoomsRulesAreTheDefaultsThenTheDefaultSiteAndRoomOverrides() {
    book.set("default", Map.of("inletWarningC", 26.0), "ops");
    book.set("site:gwangju", Map.of("inletWarningC", 25.0, "inletCriticalC", 30.0), "ops");
    book.set("room:hall", Map.of("inletWarningC", 24.0), "ops");
    assertEquals(24.0, book.rules("gwangju", "hall").inletWarningC());
    assertEquals(30.0, book.rules("gwangju", "hall").inletCriticalC());
    assertEquals(25.0, book.rules("gwangju", "lab").inletWarningC());
    assertEquals(26.0, book.rules("busan", "lab").inletWarningC());
    assertEquals(AlertRules.DEFAULTS.inletCriticalC(), book.rules("busan", "lab").inletCriticalC());
    assertEquals(26.0, book.rules(null, null).inletWarningC());
  }

  @Test
  void overridesThatCannotStandAreRefusedAndAStoreOutageKeepsThoseReadBefore() {
    book.set("default", Map.of("inletCriticalC", 30.0), "ops");
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> book.set("site:x", Map.of("inletWarningC", 31.0), "ops"),
            "a warning above the default scope's critical limit");
    assertTrue(e.getMessage().contains("inletWarningC < inletCriticalC"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> book.set("rack:7", Map.of(), "ops"));
    book.refresh();
    down = true;
    book.refresh();
    assertEquals(30.0, book.rules("s", "r").inletCriticalC(), "the rules read before stand");
  }
}
