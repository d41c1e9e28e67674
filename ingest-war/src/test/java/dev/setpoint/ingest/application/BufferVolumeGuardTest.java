package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.ingest.ManualClock;
import dev.setpoint.ingest.application.BufferVolumeGuard.State;
import dev.setpoint.ingest.domain.BufferVolume;
import dev.setpoint.ingest.domain.VolumeNotMeasurableException;
import dev.setpoint.ingest.domain.VolumeUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BufferVolumeGuardTest {
  private static final long MB = 1_000_000;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final List<EdgeAlert> alerts = new ArrayList<>();
  private Supplier<VolumeUsage> measured = () -> used(0.5);

  /** A 1,000 MB volume with this fraction used. */
  private static VolumeUsage used(double fraction) {
    long used = Math.round(1000 * MB * fraction);
    return new VolumeUsage(used, 1000 * MB - used);
  }

  private final BufferVolume volume =
      new BufferVolume() {
        @Override
        public VolumeUsage measure() {
          return measured.get();
        }

        @Override
        public String describe() {
          return "a test volume";
        }
      };

  private final BufferVolumeGuard guard =
      new BufferVolumeGuard(
          volume,
          new VolumeWatermarks(0.90, 0.85, 10 * MB, 1000 * MB),
          Duration.ofSeconds(30),
          "s1",
          alerts::add,
          clock);

  private void measure(double fraction) {
    measured = () -> used(fraction);
    guard.sample();
  }

  @Test
  void refusesAboveTheHighWaterMarkWithRetryAfterAndCountsTheRefusals() {
    measure(0.89);
    assertEquals(State.ACCEPTING, guard.status().state());
    assertDoesNotThrow(guard::admit);

    measure(0.90);
    assertEquals(State.REFUSING, guard.status().state());
    BufferVolumeFullException e = assertThrows(BufferVolumeFullException.class, guard::admit);
    assertThrows(BufferVolumeFullException.class, guard::admit);
    assertEquals(Duration.ofSeconds(30), e.retryAfter());
    assertTrue(e.getMessage().contains("90.0 % used"), e.getMessage());
    assertTrue(e.getMessage().contains("100 MB free"), e.getMessage());
    assertTrue(e.getMessage().contains("refusing at 100 MB free or less"), e.getMessage());
    assertTrue(e.getMessage().contains("taking events again from 150 MB"), e.getMessage());
    assertEquals(2, guard.refusedCount());
  }

  @Test
  void doesNotFlapBetweenTheMarksAndAcceptsAgainAtTheLowWaterMark() {
    measure(0.95);
    measure(0.87); // below high-water, above low-water: still refusing
    assertEquals(State.REFUSING, guard.status().state());
    measure(0.85);
    assertEquals(State.ACCEPTING, guard.status().state());
    assertDoesNotThrow(guard::admit);
    measure(0.89); // below high-water: still accepting
    assertEquals(State.ACCEPTING, guard.status().state());
    assertEquals(0, guard.refusedCount());
  }

  @Test
  void tooFewFreeBytesRefusesWhateverTheFractionAndNeedsTwiceAsManyToEnd() {
    measured = () -> new VolumeUsage(50 * MB, 9 * MB); // 85 % used, under 10 MB free
    guard.sample();
    assertEquals(State.REFUSING, guard.status().state());
    measured = () -> new VolumeUsage(50 * MB, 15 * MB); // 77 %, 15 MB free: under 2 × 10 MB
    guard.sample();
    assertEquals(State.REFUSING, guard.status().state());
    measured = () -> new VolumeUsage(50 * MB, 20 * MB);
    guard.sample();
    assertEquals(State.ACCEPTING, guard.status().state());
  }

  /**
   * The CI machine's case: a 108 GB disk shared with other files, 91.5 % used, 9.2 GB free. A
   * fraction alone refused every event there; the headroom cap (1 GiB, the default) keeps the
   * buffer taking them until the space really runs short, and the fraction still rules small
   * volumes.
   */
  @Test
  void onALargeVolumeTheHeadroomCapsWhatTheFractionsAskFor() {
    long gib = 1L << 30;
    VolumeWatermarks marks = new VolumeWatermarks(0.90, 0.85, 256 * MB, gib);
    long size = 108_000 * MB;
    VolumeUsage ciDisk = new VolumeUsage(size - 9_200 * MB, 9_200 * MB);
    assertEquals(false, marks.full(ciDisk, false));
    assertEquals(gib, marks.refuseAt(ciDisk));
    assertEquals(2 * gib, marks.acceptFrom(ciDisk));
    assertEquals(true, marks.full(new VolumeUsage(size - gib, gib), false));
    assertEquals(true, marks.full(new VolumeUsage(size - gib - MB, gib + MB), true), "hysteresis");
    assertEquals(false, marks.full(new VolumeUsage(size - 2 * gib, 2 * gib), true));

    VolumeUsage sdCard = new VolumeUsage(7_300 * MB, 700 * MB); // 8 GB, 91 % used
    assertEquals(800 * MB, marks.refuseAt(sdCard));
    assertEquals(1_200 * MB, marks.acceptFrom(sdCard));
    assertEquals(true, marks.full(sdCard, false));
    VolumeUsage tiny = new VolumeUsage(0, 1_000 * MB); // empty, 1 GB: min-free rules
    assertEquals(256 * MB, marks.refuseAt(tiny));
    assertEquals(512 * MB, marks.acceptFrom(tiny));
  }

  @Test
  void raisesTheHubsCriticalAlertOnceAndClearsItUnderTheSameId() {
    measure(0.5);
    measure(0.93);
    clock.advance(2_000);
    measure(0.95);
    clock.advance(60_000);
    measure(0.80);
    measure(0.70);

    assertEquals(2, alerts.size(), alerts.toString());
    EdgeAlert raised = alerts.get(0);
    EdgeAlert cleared = alerts.get(1);
    assertEquals(AlertKind.EDGE_BUFFER_FULL, raised.kind());
    assertEquals(Severity.CRITICAL, raised.severity());
    assertEquals(EdgeAlert.Event.RAISED, raised.event());
    assertEquals("s1", raised.hub());
    assertEquals("s1", raised.room());
    assertEquals(0.93, raised.value(), 1e-9);
    assertEquals(0.90, raised.threshold(), 1e-9);
    assertEquals(EdgeAlert.Event.CLEARED, cleared.event());
    assertEquals(raised.id(), cleared.id());
    assertEquals(raised.start(), cleared.start());
    assertEquals(raised.start().plusSeconds(62), cleared.at());
  }

  @Test
  void aVolumeThatCannotBeMeasuredLeavesTheCheckOffAndSaysWhy() {
    assertEquals(State.UNMEASURED, guard.status().state(), "before the first measurement");
    measured =
        () -> {
          throw new VolumeNotMeasurableException("the server reports no fsUsedSize");
        };
    guard.sample();
    assertEquals(State.UNMEASURED, guard.status().state());
    assertEquals("the server reports no fsUsedSize", guard.status().reason());
    assertNull(guard.status().usage());
    assertDoesNotThrow(guard::admit);
  }

  @Test
  void aRefusalEndsWhenTheVolumeCannotBeMeasuredAnyMoreAndItsAlertClears() {
    measure(0.95);
    measured =
        () -> {
          throw new VolumeNotMeasurableException("setpoint.ingest.buffer.volume.path is gone");
        };
    guard.sample();
    assertEquals(State.UNMEASURED, guard.status().state());
    assertDoesNotThrow(guard::admit);
    assertEquals(
        List.of(EdgeAlert.Event.RAISED, EdgeAlert.Event.CLEARED),
        alerts.stream().map(EdgeAlert::event).toList());
  }

  @Test
  void aFailedMeasurementKeepsTheLastDecision() {
    measure(0.95);
    measured =
        () -> {
          throw new IllegalStateException("MongoDB unreachable");
        };
    guard.sample();
    assertEquals(State.REFUSING, guard.status().state());
    assertThrows(BufferVolumeFullException.class, guard::admit);
    assertEquals(1, alerts.size());
  }

  @Test
  void marksThatMakeNoSenseStopTheDeploymentNamingTheKey() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new VolumeWatermarks(0.8, 0.9, 0, MB));
    assertTrue(e.getMessage().contains("low-water"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new VolumeWatermarks(1.5, 0.9, 0, MB));
    assertTrue(e.getMessage().contains("high-water"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new VolumeWatermarks(0.9, 0.8, -1, MB));
    assertTrue(e.getMessage().contains("min-free"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new VolumeWatermarks(0.9, 0.8, 0, 0));
    assertTrue(e.getMessage().contains("max-headroom"), e.getMessage());
  }
}
