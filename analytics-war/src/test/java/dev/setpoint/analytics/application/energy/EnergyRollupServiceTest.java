package dev.setpoint.analytics.application.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.energy.AnomalyKind;
import dev.setpoint.analytics.domain.energy.MeterAnomaly;
import dev.setpoint.analytics.domain.energy.MeterHour;
import dev.setpoint.analytics.domain.energy.MeterReading;
import dev.setpoint.analytics.domain.energy.Quantity;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnergyRollupServiceTest {
  private static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
  private static final long H = EnergyRollup.HOUR_MS;
  private static final long MIN = 60_000L;
  private static final EnergySettings SETTINGS =
      new EnergySettings(Duration.ofMinutes(5), Duration.ofHours(6), Duration.ofMinutes(10), 2000);

  private final FakeEnergyStore store = new FakeEnergyStore();

  private EnergyRollupService at(long nowMs) {
    return new EnergyRollupService(
        store, SETTINGS, Clock.fixed(Instant.ofEpochMilli(nowMs), ZoneOffset.UTC));
  }

  /** A cooling counter at 60 kW read every minute in {@code [start, end]}, in a room. */
  private void cooling(String device, String room, long start, long end, double startKwh) {
    for (long t = start; t <= end; t += MIN) {
      double kwh = startKwh + 60.0 * (t - start) / H;
      store.add(device, Quantity.COOLING, new MeterReading(t, kwh, 60.0, room, "site-1"));
    }
  }

  private Map<Long, MeterHour> hoursOf(String device) {
    return store.hours.values().stream()
        .filter(h -> h.meter().device().equals(device))
        .collect(
            java.util.stream.Collectors.toMap(h -> h.hour().hourStartMs(), h -> h, (a, b) -> b));
  }

  @Test
  void writesEachHourUpToTheCurrentOneUnderTheMetersRoom() {
    cooling("crac-1", "hall-a", T0, T0 + 2 * H + 30 * MIN, 1000);

    int meters = at(T0 + 2 * H + 30 * MIN).rollUp(Duration.ofHours(6));

    assertEquals(1, meters);
    Map<Long, MeterHour> hours = hoursOf("crac-1");
    assertEquals(3, hours.size(), hours.toString());
    assertEquals("hall-a", hours.get(T0).meter().room());
    assertEquals("site-1", hours.get(T0).meter().site());
    assertEquals(60.0, hours.get(T0 + H).hour().kwh(), 1e-9);
    assertTrue(hours.get(T0 + H).hour().complete());
    assertFalse(hours.get(T0 + 2 * H).hour().complete(), "the current hour");
  }

  @Test
  void aRerunWritesTheSamePointsAgainAndAddsNone() {
    cooling("crac-1", "hall-a", T0, T0 + 90 * MIN, 1000);
    cooling("crac-1", "hall-a", T0 + 2 * H, T0 + 3 * H, 1200); // after a 30-minute gap

    at(T0 + 3 * H).rollUp(Duration.ofHours(6));
    Map<FakeEnergyStore.Key, MeterHour> first = Map.copyOf(store.hours);
    Map<FakeEnergyStore.Key, MeterAnomaly> firstAnomalies = Map.copyOf(store.anomalies);
    at(T0 + 3 * H).rollUp(Duration.ofHours(6));

    assertEquals(first, store.hours);
    assertEquals(firstAnomalies, store.anomalies);
  }

  @Test
  void aDeviceWithoutARoomIsARoomOfItsOwnAndAMovedDeviceKeepsItsPastHours() {
    cooling("crac-1", null, T0, T0 + H - MIN, 1000);
    cooling("crac-1", "hall-b", T0 + H, T0 + 2 * H, 1060 - 1);

    at(T0 + 2 * H).rollUp(Duration.ofHours(6));

    Map<Long, MeterHour> hours = hoursOf("crac-1");
    assertEquals("crac-1", hours.get(T0).meter().room());
    assertEquals("hall-b", hours.get(T0 + H).meter().room());
  }

  @Test
  void aSilenceLateDataFilledIsClearedAndItsGapEnergyCounted() {
    cooling("crac-1", "hall-a", T0, T0 + 20 * MIN, 1000);
    at(T0 + 50 * MIN).rollUp(Duration.ofHours(6));
    assertEquals(
        List.of(AnomalyKind.SILENT),
        store.anomalies.values().stream().map(a -> a.anomaly().kind()).toList());

    // the edge hub delivers the readings it held back
    cooling("crac-1", "hall-a", T0 + 21 * MIN, T0 + 50 * MIN, 1000 + 21);
    at(T0 + 50 * MIN).rollUp(Duration.ofHours(6));

    MeterAnomaly silent = store.anomalies.values().iterator().next();
    assertTrue(silent.cleared(), silent.toString());
    assertEquals(50.0, hoursOf("crac-1").get(T0).hour().kwh(), 1e-9);
    assertEquals(50 * MIN, hoursOf("crac-1").get(T0).hour().coveredMs());
  }

  @Test
  void aMeterSilentBeyondTheLookbackGetsItsGapEnergySpreadBackOverTheSilence() {
    cooling("crac-1", "hall-a", T0, T0 + 30 * MIN, 1000);
    // silent for 10 hours, the counter ran 600 kWh meanwhile
    cooling("crac-1", "hall-a", T0 + 10 * H + 30 * MIN, T0 + 11 * H, 1030 + 600);

    at(T0 + 11 * H).rollUp(Duration.ofHours(6));

    Map<Long, MeterHour> hours = hoursOf("crac-1");
    assertEquals(60.0, hours.get(T0).hour().kwh(), 1e-6);
    assertEquals(30 * MIN, hours.get(T0).hour().gapMs());
    assertEquals(60.0, hours.get(T0 + 5 * H).hour().kwh(), 1e-6);
    assertEquals(H, hours.get(T0 + 5 * H).hour().gapMs());
  }

  @Test
  void aMeterSilentBeyondTheLookbackStaysSilentOnRecordUntilItSpeaksAgain() {
    cooling("crac-1", "hall-a", T0, T0 + H, 1000);
    for (long now = T0 + H; now <= T0 + 9 * H; now += H) {
      at(now).rollUp(Duration.ofHours(6));
    }

    List<MeterAnomaly> silent =
        store.anomalies.values().stream()
            .filter(a -> a.anomaly().kind() == AnomalyKind.SILENT && !a.cleared())
            .sorted(Comparator.comparingLong(a -> a.anomaly().fromMs()))
            .toList();
    assertEquals(8, silent.size(), silent.toString());
    assertEquals(T0 + 9 * H, silent.getLast().anomaly().toMs());
    assertEquals(0, hoursOf("crac-1").get(T0 + 8 * H).hour().coveredMs());

    cooling("crac-1", "hall-a", T0 + 9 * H + MIN, T0 + 9 * H + 2 * MIN, 1060 + 481);
    at(T0 + 9 * H + 2 * MIN).rollUp(Duration.ofHours(6));

    assertTrue(
        store.anomalies.values().stream()
            .filter(a -> a.anomaly().kind() == AnomalyKind.SILENT)
            .allMatch(MeterAnomaly::cleared),
        store.anomalies.values().toString());
    assertEquals(60.0, hoursOf("crac-1").get(T0 + 4 * H).hour().kwh(), 1e-6);
    assertEquals(H, hoursOf("crac-1").get(T0 + 4 * H).hour().gapMs());
  }

  @Test
  void countersDeliveredLaterThanTheLookbackAreRolledUpInTheNextRound() {
    cooling("crac-1", "hall-a", T0, T0 + H, 1000);
    EnergyRollupService rollup = at(T0 + 20 * H);
    assertEquals(0, rollup.rollUp(Duration.ofHours(6)), "too old for the lookback");

    // the edge hub delivers a day-old backlog: the recorder shows each stored message
    rollup.noteStored(message("crac-1", T0 + 30 * MIN, "cooling_energy"));
    rollup.noteStored(message("crac-1", T0 + 31 * MIN, "temperature"));
    // within the lookback: the schedule finds it anyway, no hint needed
    rollup.noteStored(message("rack-1", T0 + 19 * H, "cooling_energy"));

    assertEquals(1, rollup.rollUp(Duration.ofHours(6)));
    assertEquals(60.0, hoursOf("crac-1").get(T0).hour().kwh(), 1e-9);
    assertTrue(hoursOf("crac-1").get(T0).hour().complete());
    assertTrue(hoursOf("rack-1").isEmpty());
  }

  private static TelemetryMessage message(String device, long timeMs, String resource) {
    return new TelemetryMessage(
        4,
        "e-" + timeMs,
        device,
        "room-controller",
        "energy",
        timeMs * 1_000_000L,
        List.of(new TelemetryReading(resource, 1.0, null)),
        "site-1",
        null,
        null,
        null,
        "hall-a");
  }

  @Test
  void onlyMetersThatReportedWithinTheLookbackAreRolledUp() {
    cooling("crac-old", "hall-a", T0, T0 + H, 1000);
    cooling("crac-new", "hall-a", T0 + 9 * H, T0 + 10 * H, 1000);

    int meters = at(T0 + 10 * H).rollUp(Duration.ofHours(6));

    assertEquals(1, meters);
    assertTrue(hoursOf("crac-old").isEmpty());
  }
}
