package dev.setpoint.analytics.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.analytics.infrastructure.inference.OnnxSetpointModel;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.model.recommend.SetpointPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The recommender's memory per room, measured: 10,000 rooms, each with a full window (a sample a
 * minute for twelve minutes, outdoor conditions, a controller's setpoint) and one decision made,
 * then the heap retained after a full collection, per 10,000 rooms. The bound is loose (what a room
 * keeps is a window of six samples, its sensors' latest readings, a climatology of 24 hours and its
 * last decision); the figure is printed for docs/benchmarks.md.
 */
class RecommenderMemoryTest {
  private static final int ROOMS = 10_000;

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Test
  void tenThousandRoomsFitInAFewTensOfMegabytes() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
    AtomicLong decisions = new AtomicLong();
    TimeSeriesStore store =
        new TimeSeriesStore() {
          @Override
          public void write(TelemetryMessage message) {}

          @Override
          public void write(DeviceRecommendation recommendation) {}

          @Override
          public boolean isReachable() {
            return true;
          }
        };
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.empty(), Clock.systemUTC())) {
      long before = usedAfterGc(memory);
      Recommender recommender =
          new Recommender(
              new SetpointPolicy(),
              model,
              store,
              command -> CompletableFuture.completedFuture(null),
              clock,
              Duration.ofMinutes(1),
              Duration.ofMinutes(5),
              decision -> decisions.incrementAndGet(),
              Recommender.ALL_DEVICES,
              Recommender.DEFAULT_OUTDOOR_HOLD,
              Recommender.ALL_AUTO,
              room -> 20,
              Recommender.NO_PILOTS);
      for (int minute = 0; minute < 12; minute++) {
        long origin = clock.instant().getEpochSecond() * 1_000_000_000L;
        for (int r = 0; r < ROOMS; r++) {
          recommender.accept(message("room-" + r, origin, minute));
        }
        clock.now = clock.now.plus(Duration.ofMinutes(1));
      }
      recommender.decideDue();
      long after = usedAfterGc(memory);
      assertEquals(ROOMS, recommender.roomCount());
      assertEquals(ROOMS, decisions.get(), "one decision per room");
      double mib = (after - before) / (1024.0 * 1024.0);
      System.out.printf("recommender heap per %d rooms: %.1f MiB%n", ROOMS, mib);
      assertTrue(mib < 100, "per 10,000 rooms: " + mib + " MiB");
    }
  }

  private static TelemetryMessage message(String device, long originNs, int minute) {
    long ms = originNs / 1_000_000L;
    return new TelemetryMessage(
        4,
        device + "-" + minute,
        device,
        "room-controller",
        "climate",
        originNs,
        List.of(
            new TelemetryReading("temperature", 24.0 + minute / 10.0, "degC"),
            new TelemetryReading("humidity", 40.0, "%RH")),
        "site-1",
        new OutdoorConditions(12.0, 60.0, 3, ms, "simulated", false, 10, true),
        22.0,
        ms,
        null);
  }
}
