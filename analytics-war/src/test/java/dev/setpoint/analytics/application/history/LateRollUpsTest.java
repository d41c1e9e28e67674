package dev.setpoint.analytics.application.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.history.RollUpBackfill;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LateRollUpsTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:30Z");
  private static final Duration RETENTION = Duration.ofDays(730);

  /** The default of {@code setpoint.analytics.history.late-quiet}. */
  private static final Duration QUIET = Duration.ofMinutes(1);

  /** Records the hours it is asked to roll up; fails while {@code failing} is set. */
  private static final class RecordingBackfill implements RollUpBackfill {
    final List<Instant> hours = new ArrayList<>();
    boolean available = true;
    boolean failing;

    @Override
    public boolean available() {
      return available;
    }

    @Override
    public void rollUpHour(Instant hour) {
      if (failing) {
        throw new IllegalStateException("store down");
      }
      hours.add(hour);
    }
  }

  private final RecordingBackfill backfill = new RecordingBackfill();
  private Instant now = NOW;
  private final Clock clock =
      new Clock() {
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
      };
  private final LateRollUps late = new LateRollUps(backfill, RETENTION, QUIET, clock);

  private static TelemetryMessage at(Instant origin) {
    return new TelemetryMessage(
        4,
        "e-" + origin.toEpochMilli(),
        "rs-1",
        "room-sensor",
        "climate",
        origin.toEpochMilli() * 1_000_000L,
        List.of(new TelemetryReading("temperature", 22.0, null)),
        "site-1",
        null,
        null,
        null,
        "hall");
  }

  @Test
  void pointsWithinTheContinuousQueriesWindowMarkNothing() {
    late.noteStored(at(NOW.minusSeconds(60)));
    late.noteStored(at(NOW.minus(Duration.ofDays(731))));
    assertEquals(0, late.pendingHours());
  }

  @Test
  void aLateHourIsRolledUpOnceNoLatePointTouchedItForAMinute() {
    late.noteStored(at(Instant.parse("2026-12-02T09:15:00Z")));
    late.noteStored(at(Instant.parse("2026-12-02T09:45:00Z")));
    late.noteStored(at(Instant.parse("2026-12-02T10:05:00Z")));
    assertEquals(2, late.pendingHours());
    assertEquals(0, late.round(), "still being delivered");

    now = NOW.plus(QUIET);
    assertEquals(2, late.round());
    assertEquals(
        List.of(Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T10:00:00Z")),
        backfill.hours,
        "oldest first, each hour once");
    assertEquals(0, late.pendingHours());
    assertEquals(2, late.hoursRolledUp());
  }

  @Test
  void aFailedBackfillKeepsTheHourForTheNextRound() {
    late.noteStored(at(Instant.parse("2026-12-02T09:15:00Z")));
    now = NOW.plus(QUIET);
    backfill.failing = true;
    assertEquals(0, late.round());
    assertEquals(1, late.pendingHours());
    backfill.failing = false;
    assertEquals(1, late.round());
    assertEquals(List.of(Instant.parse("2026-12-02T09:00:00Z")), backfill.hours);
  }

  @Test
  void aRoundRollsUpAtMostSixHours() {
    for (int h = 0; h < 8; h++) {
      late.noteStored(at(Instant.parse("2026-12-01T00:30:00Z").plus(Duration.ofHours(h))));
    }
    now = NOW.plus(QUIET);
    assertEquals(LateRollUps.HOURS_PER_ROUND, late.round());
    assertEquals(2, late.round());
  }

  @Test
  void aStoreWithoutContinuousQueriesDropsTheMarks() {
    backfill.available = false;
    late.noteStored(at(Instant.parse("2026-12-02T09:15:00Z")));
    now = NOW.plus(QUIET);
    assertEquals(0, late.round());
    assertEquals(0, late.pendingHours(), "bounded: nothing kept that nothing will use");
  }

  @Test
  void aShorterQuietTimeRollsUpSooner() {
    LateRollUps quick = new LateRollUps(backfill, RETENTION, Duration.ofSeconds(2), clock);
    quick.noteStored(at(Instant.parse("2026-12-02T09:15:00Z")));
    now = NOW.plusSeconds(1);
    assertEquals(0, quick.round(), "still being delivered");
    now = NOW.plusSeconds(2);
    assertEquals(1, quick.round());
    assertEquals(List.of(Instant.parse("2026-12-02T09:00:00Z")), backfill.hours);
  }

  @Test
  void aNegativeQuietTimeIsRefusedNamingItsKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LateRollUps(backfill, RETENTION, Duration.ofSeconds(-1), clock));
    assertTrue(e.getMessage().startsWith("setpoint.analytics.history.late-quiet "), e.getMessage());
  }
}
