package dev.setpoint.ingest.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The duplicate window: per device, its newest ids; devices least recently written go first. */
class RecentEventIdsTest {

  @Test
  void anIdWithinItsDevicesWindowIsKnownAndOneBeyondItIsNot() {
    RecentEventIds recent = new RecentEventIds(3, 10);
    for (int i = 1; i <= 5; i++) {
      recent.add("rack-1", "e" + i);
    }

    assertTrue(recent.contains("rack-1", "e5"));
    assertTrue(recent.contains("rack-1", "e3"));
    assertFalse(recent.contains("rack-1", "e2"), "beyond the window: stored again");
    assertFalse(recent.contains("rack-2", "e5"), "per device");
    assertEquals(3, recent.ids());
  }

  @Test
  void memoryIsBoundedByDevicesTimesWindow() {
    RecentEventIds recent = new RecentEventIds(4, 50);
    for (int d = 0; d < 200; d++) {
      for (int i = 0; i < 50; i++) {
        recent.add("rack-" + d, "e" + d + "-" + i);
      }
    }

    assertEquals(50, recent.devices());
    assertEquals(200, recent.ids(), "50 devices × 4 ids");
    assertTrue(recent.contains("rack-199", "e199-49"), "the most recently written device stays");
    assertFalse(recent.contains("rack-0", "e0-49"), "the least recently written went");
  }

  @Test
  void aDeviceCheckedOftenIsNotTheFirstToGo() {
    RecentEventIds recent = new RecentEventIds(2, 2);
    recent.add("rack-1", "a");
    recent.add("rack-2", "b");
    recent.add("rack-1", "c");
    recent.add("rack-3", "d");

    assertTrue(recent.contains("rack-1", "a"));
    assertFalse(recent.contains("rack-2", "b"), "least recently used");
  }

  @Test
  void anIdAddedTwiceTakesOneSlot() {
    RecentEventIds recent = new RecentEventIds(2, 2);
    recent.add("rack-1", "a");
    recent.add("rack-1", "a");
    recent.add("rack-1", "b");

    assertTrue(recent.contains("rack-1", "a"));
    assertEquals(2, recent.ids());
  }

  @Test
  void boundsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new RecentEventIds(0, 10));
    assertThrows(IllegalArgumentException.class, () -> new RecentEventIds(10, 0));
  }
}
