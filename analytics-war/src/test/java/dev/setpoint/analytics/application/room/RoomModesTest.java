package dev.setpoint.analytics.application.room;

import static dev.setpoint.analytics.application.audit.MemoryAuditStore.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.audit.MemoryAuditStore;
import dev.setpoint.analytics.domain.room.ControlMode;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.analytics.domain.room.RoomControl;
import dev.setpoint.analytics.domain.room.RoomControlStore;
import dev.setpoint.contracts.audit.AuditRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoomModesTest {
  /** A store in a list, which can be made to fail. */
  private static final class ListStore implements RoomControlStore {
    final List<RoomControl> saved = new ArrayList<>();
    boolean down;

    private void check() {
      if (down) {
        throw new ControlStoreUnavailableException("down", null);
      }
    }

    @Override
    public Optional<RoomControl> find(String room) {
      check();
      return saved.stream().filter(c -> c.room().equals(room)).reduce((a, b) -> b);
    }

    @Override
    public List<RoomControl> all() {
      check();
      return saved.stream().map(c -> find(c.room()).orElseThrow()).distinct().toList();
    }

    @Override
    public void save(RoomControl control) {
      check();
      saved.add(control);
    }
  }

  private final ListStore store = new ListStore();
  private final MemoryAuditStore audit = new MemoryAuditStore();
  private final RoomModes modes =
      new RoomModes(
          store,
          audit.trail(),
          ControlMode.AUTO,
          Clock.fixed(Instant.parse("2026-12-03T04:00:00Z"), ZoneOffset.UTC));

  @Test
  void untilTheStoreWasReadAModeIsUnknownThenTheDefault() {
    store.down = true;
    assertFalse(modes.refresh());
    assertEquals(Optional.empty(), modes.mode("hall-a"), "unknown: never command");
    store.down = false;
    assertTrue(modes.refresh());
    assertEquals(Optional.of(ControlMode.AUTO), modes.mode("hall-a"));
  }

  @Test
  void aStoredModeAppliesAndSurvivesAnOutageOfTheStore() {
    store.saved.add(new RoomControl("hall-a", ControlMode.OFF, false, "ops", Instant.EPOCH));
    modes.refresh();
    assertEquals(Optional.of(ControlMode.OFF), modes.mode("hall-a"));
    store.down = true;
    assertFalse(modes.refresh());
    assertEquals(Optional.of(ControlMode.OFF), modes.mode("hall-a"), "the modes read before stand");
    assertFalse(modes.isReachable());
  }

  @Test
  void setStoresFirstAndChangesNothingWhenTheStoreRefuses() {
    modes.refresh();
    RoomControl set = modes.set("hall-a", ControlMode.ADVISORY, operator("alice"));
    assertEquals("alice", set.changedBy());
    assertEquals(Instant.parse("2026-12-03T04:00:00Z"), set.changedAt());
    assertEquals(List.of(set), store.saved);
    assertEquals(Optional.of(ControlMode.ADVISORY), modes.mode("hall-a"));

    store.down = true;
    assertThrows(
        ControlStoreUnavailableException.class,
        () -> modes.set("hall-a", ControlMode.OFF, operator("bob")));
    assertEquals(Optional.of(ControlMode.ADVISORY), modes.mode("hall-a"));
  }

  @Test
  void settingTheTapeFlagKeepsTheModeAndSettingTheModeKeepsTheFlag() {
    modes.refresh();
    modes.set("hall-a", ControlMode.OFF, operator("alice"));
    RoomControl taped = modes.setHoldingTape("hall-a", true, operator("bob"));
    assertEquals(new RoomControl("hall-a", ControlMode.OFF, true, "bob", taped.changedAt()), taped);
    assertTrue(modes.holdingTape("hall-a"));
    assertEquals(Optional.of(ControlMode.OFF), modes.mode("hall-a"));

    modes.set("hall-a", ControlMode.ADVISORY, operator("carol"));
    assertEquals(Optional.of(ControlMode.ADVISORY), modes.mode("hall-a"));
    assertTrue(modes.holdingTape("hall-a"), "the flag is kept");
    assertEquals(3, store.saved.size(), "append-only: one document per change");
  }

  @Test
  void aRoomOnlyMarkedAsHoldingTapeStaysInTheDefaultMode() {
    modes.refresh();
    RoomControl taped = modes.setHoldingTape("hall-a", true, operator("bob"));
    assertEquals(null, taped.mode());
    assertEquals(Optional.of(ControlMode.AUTO), modes.mode("hall-a"));
    assertFalse(modes.holdingTape("hall-b"));
  }

  @Test
  void aChangeKeepsWhatAnotherServerStoredSinceTheLastRefresh() {
    modes.refresh();
    store.saved.add(new RoomControl("hall-a", ControlMode.OFF, false, "ops", Instant.EPOCH));
    modes.setHoldingTape("hall-a", true, operator("bob"));
    assertEquals(Optional.of(ControlMode.OFF), modes.mode("hall-a"), "not undone to auto");
  }

  @Test
  void aModeAnotherServerStoredIsPickedUpAtTheNextRefresh() {
    modes.refresh();
    store.saved.add(new RoomControl("hall-b", ControlMode.OFF, false, "ops", Instant.EPOCH));
    assertEquals(Optional.of(ControlMode.AUTO), modes.mode("hall-b"));
    modes.refresh();
    assertEquals(Optional.of(ControlMode.OFF), modes.mode("hall-b"));
  }

  @Test
  void eachChangeIsAuditedWithTheModeAndFlagBeforeAndAfterAndARefusedOneIsNot() {
    modes.refresh();
    modes.set("hall-a", ControlMode.OFF, operator("alice"));
    modes.setHoldingTape("hall-a", true, operator("bob"));
    store.down = true;
    assertThrows(
        ControlStoreUnavailableException.class,
        () -> modes.set("hall-a", ControlMode.AUTO, operator("carol")));

    List<AuditRecord> records = audit.all();
    assertEquals(2, records.size());
    AuditRecord mode = records.get(0);
    assertEquals("room_mode", mode.kind());
    assertEquals("update", mode.action());
    assertEquals("hall-a", mode.target());
    assertEquals("hall-a", mode.room());
    assertEquals("alice", mode.actor());
    assertEquals("operator", mode.role());
    assertEquals("192.0.2.7", mode.address());
    assertEquals("analytics", mode.origin());
    assertEquals("{\"mode\":\"auto\",\"holdingTape\":false}", mode.before());
    assertEquals("{\"mode\":\"off\",\"holdingTape\":false}", mode.after());
    AuditRecord tape = records.get(1);
    assertEquals("room_tape", tape.kind());
    assertEquals("bob", tape.actor());
    assertEquals("{\"mode\":\"off\",\"holdingTape\":true}", tape.after());
  }
}
