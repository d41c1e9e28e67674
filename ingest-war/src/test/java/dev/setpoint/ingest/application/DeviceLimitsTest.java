package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.ingest.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class DeviceLimitsTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T12:00:00Z"));
  private final Map<String, Long> pendingInStore = new ConcurrentHashMap<>();
  private final List<String> counted = new ArrayList<>();

  /** The background counts, run when the test says so. */
  private final List<Runnable> background = new ArrayList<>();

  private DeviceLimits limits(double rate, int burst, long cap) {
    return new DeviceLimits(
        new DeviceLimits.Settings(rate, burst, cap, Duration.ofMinutes(1), Duration.ofHours(1), 3),
        device -> {
          counted.add(device);
          return pendingInStore.getOrDefault(device, 0L);
        },
        clock,
        background::add);
  }

  private void runBackground() {
    List<Runnable> due = new ArrayList<>(background);
    background.clear();
    due.forEach(Runnable::run);
  }

  @Test
  void aDeviceOverItsRateIsRefusedWithTheWaitAndOthersAreNot() {
    DeviceLimits limits = limits(2.0, 3, 1_000);
    for (int i = 0; i < 3; i++) {
      limits.admitPost("flooder");
    }
    DeviceRateLimitedException e =
        assertThrows(DeviceRateLimitedException.class, () -> limits.admitPost("flooder"));
    assertEquals(Duration.ofMillis(500), e.retryAfter());
    assertEquals(1, e.retryAfterSeconds());
    assertTrue(e.getMessage().contains("flooder"), e.getMessage());
    assertDoesNotThrow(() -> limits.admitPost("neighbour"));
    clock.advance(500);
    assertDoesNotThrow(() -> limits.admitPost("flooder"));
  }

  @Test
  void aDeviceAtItsPendingCapIsRefusedUntilTheRelayForwards() {
    DeviceLimits limits = limits(100, 100, 10);
    pendingInStore.put("backlog", 10L);
    limits.admitPending("backlog"); // first sight: counted in the background, zero until then
    limits.stored("backlog");
    runBackground();
    assertEquals(List.of("backlog"), counted);

    PendingCapReachedException e =
        assertThrows(PendingCapReachedException.class, () -> limits.admitPending("backlog"));
    assertEquals(Duration.ofMinutes(1), e.retryAfter());
    assertEquals(60, e.retryAfterSeconds());
    assertDoesNotThrow(() -> limits.admitPending("other"), "another device is not affected");

    // No count per refused post: only once per recount interval.
    for (int i = 0; i < 50; i++) {
      assertThrows(PendingCapReachedException.class, () -> limits.admitPending("backlog"));
    }
    runBackground();
    assertEquals(1, counted.stream().filter("backlog"::equals).count());

    // The relay forwards the backlog; after the recount interval the device may post again.
    pendingInStore.put("backlog", 0L);
    clock.advance(60_000);
    assertThrows(PendingCapReachedException.class, () -> limits.admitPending("backlog"));
    runBackground();
    assertDoesNotThrow(() -> limits.admitPending("backlog"));
  }

  @Test
  void countsInTheBackgroundAtHalfTheCapNotPerPost() {
    DeviceLimits limits = limits(1_000, 1_000, 100);
    limits.admitPending("sensor");
    runBackground(); // first sight
    for (int i = 0; i < 49; i++) {
      limits.admitPending("sensor");
      limits.stored("sensor");
    }
    runBackground();
    assertEquals(1, counted.size(), "below half the cap: no count");
    clock.advance(60_000);
    limits.admitPending("sensor");
    limits.stored("sensor"); // the 50th
    limits.admitPending("sensor");
    runBackground();
    assertEquals(2, counted.size(), "at half the cap: counted again");
    // The relay forwarded them all (the store says 0): the estimate starts again from there.
    for (int i = 0; i < 99; i++) {
      limits.admitPending("sensor");
      limits.stored("sensor");
    }
  }

  @Test
  void forgetsIdleDevicesAndHoldsNoMoreThanTheBound() {
    DeviceLimits limits = limits(10, 10, 100);
    for (String device : List.of("a", "b", "c", "d", "e")) {
      limits.admitPost(device);
    }
    assertTrue(limits.tracked() <= 3, "at most max-tracked: " + limits.tracked());
    clock.advance(Duration.ofHours(1).plusSeconds(1).toMillis());
    assertEquals(0, limits.tracked());
  }

  @Test
  void aFailedCountLeavesTheEstimateAndIsTriedAgainLater() {
    DeviceLimits limits =
        new DeviceLimits(
            new DeviceLimits.Settings(10, 10, 5, Duration.ofMinutes(1), Duration.ofHours(1), 10),
            device -> {
              throw new dev.setpoint.ingest.domain.StoreUnavailableException("down", null);
            },
            clock,
            background::add);
    limits.admitPending("r1");
    runBackground();
    clock.advance(60_000);
    limits.admitPending("r1");
    assertEquals(1, background.size(), "tried again after the recount interval");
  }
}
