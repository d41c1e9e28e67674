package dev.setpoint.analytics.application.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.domain.energy.AnomalyKind;
import dev.setpoint.analytics.domain.energy.EnergyAnomaly;
import dev.setpoint.analytics.domain.energy.HourEnergy;
import dev.setpoint.analytics.domain.energy.Meter;
import dev.setpoint.analytics.domain.energy.MeterAnomaly;
import dev.setpoint.analytics.domain.energy.MeterHour;
import dev.setpoint.analytics.domain.energy.Quantity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyServiceTest {
  private static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
  private static final long H = EnergyRollup.HOUR_MS;
  private static final Meter CRAC = new Meter("crac-1", Quantity.COOLING, "hall-a", "s");
  private static final Meter PDU = new Meter("pdu-1", Quantity.IT, "hall-a", "s");

  private final FakeEnergyStore store = new FakeEnergyStore();
  private final EnergyService service =
      new EnergyService(
          store, Clock.fixed(Instant.ofEpochMilli(T0 + 2 * H + 1_800_000), ZoneOffset.UTC));

  private void hour(Meter meter, long start, double kwh, long gapMs, boolean complete) {
    store.write(
        List.of(new MeterHour(meter, new HourEnergy(start, kwh, H - gapMs, gapMs, 0, 0, complete))),
        List.of());
  }

  @Test
  void hourRowsSumTheRoomsMetersUpToNow() {
    hour(CRAC, T0, 60, 0, true);
    hour(PDU, T0, 200, 0, true);
    hour(CRAC, T0 + H, 55, 600_000, false);
    hour(PDU, T0 + H, 210, 0, true);

    EnergyReport report =
        service.energy("hall-a", Instant.ofEpochMilli(T0 + 1).toString(), null, null);

    assertEquals(Instant.ofEpochMilli(T0), report.from(), "from goes down to its hour");
    assertEquals(List.of("crac-1/cooling", "pdu-1/it"), report.meters());
    assertEquals(3, report.rows().size(), report.toString());
    EnergyRow first = report.rows().get(0);
    assertEquals(60.0, first.coolingKwh());
    assertEquals(200.0, first.itKwh());
    assertTrue(first.complete());
    EnergyRow second = report.rows().get(1);
    assertEquals(600.0, second.gapSeconds());
    assertEquals(3000.0, second.coveredSeconds(), "the least covered meter's");
    assertFalse(second.complete());
    EnergyRow current = report.rows().get(2);
    assertEquals(0.0, current.coveredSeconds());
    assertFalse(current.complete(), "no point yet for the current hour");
  }

  @Test
  void dayRowsSumTheirHoursAndAreCompleteOnlyWithAll24() {
    for (int h = 0; h < 24; h++) {
      hour(CRAC, T0 - 24 * H + h * H, 10, 0, true);
    }
    hour(CRAC, T0, 10, 0, true);

    EnergyReport report =
        service.energy(
            "hall-a", Instant.ofEpochMilli(T0 - 24 * H + 5).toString(), null, EnergyService.DAY);

    assertEquals(2, report.rows().size());
    assertEquals(240.0, report.rows().get(0).coolingKwh(), 1e-9);
    assertNull(report.rows().get(0).itKwh());
    assertTrue(report.rows().get(0).complete());
    assertEquals(10.0, report.rows().get(1).coolingKwh(), 1e-9);
    assertFalse(report.rows().get(1).complete());
  }

  @Test
  void rangesAreLimitedAndEachRefusalNamesItsParameter() {
    InvalidHistoryRequestException step =
        assertThrows(
            InvalidHistoryRequestException.class,
            () -> service.energy("hall-a", null, null, "week"));
    InvalidHistoryRequestException hours =
        assertThrows(
            InvalidHistoryRequestException.class,
            () -> service.energy("hall-a", "2026-10-01T00:00:00Z", null, "hour"));
    InvalidHistoryRequestException days =
        assertThrows(
            InvalidHistoryRequestException.class,
            () -> service.energy("hall-a", "2025-10-01T00:00:00Z", null, "day"));
    InvalidHistoryRequestException order =
        assertThrows(
            InvalidHistoryRequestException.class,
            () -> service.energy("hall-a", "2026-12-01T01:00:00Z", "2026-12-01T00:00:00Z", null));
    InvalidHistoryRequestException from =
        assertThrows(
            InvalidHistoryRequestException.class,
            () -> service.anomalies("hall-a", "yesterday", null));
    InvalidHistoryRequestException room =
        assertThrows(
            InvalidHistoryRequestException.class, () -> service.anomalies("a\nb", null, null));

    assertEquals("step", step.parameter());
    assertEquals("from", hours.parameter());
    assertTrue(hours.getMessage().contains("at most 31 days for step=hour"), hours.getMessage());
    assertEquals("from", days.parameter());
    assertTrue(days.getMessage().contains("at most 400 days"), days.getMessage());
    assertEquals("to", order.parameter());
    assertEquals("from", from.parameter());
    assertEquals("room", room.parameter());
    // 400 days of days is fine
    assertEquals(400, service.energy("hall-a", "2025-10-28T00:00:00Z", null, "day").rows().size());
  }

  @Test
  void anomaliesAreJoinedAcrossHoursNewestFirstWithoutClearedOnes() {
    List<MeterAnomaly> pieces = new ArrayList<>();
    pieces.add(piece(CRAC, AnomalyKind.SILENT, T0 + 1_200_000, T0 + H, "silent, first words"));
    pieces.add(piece(CRAC, AnomalyKind.SILENT, T0 + H, T0 + H + 600_000, "silent, last words"));
    pieces.add(piece(PDU, AnomalyKind.JUMP, T0 + 60_000, T0 + 70_000, "jumped"));
    pieces.add(
        new MeterAnomaly(
            PDU, new EnergyAnomaly(AnomalyKind.SILENT, T0, T0 + 1, "filled later"), true));
    store.write(List.of(), pieces);

    List<RoomAnomaly> anomalies = service.anomalies("hall-a", null, null).anomalies();

    assertEquals(2, anomalies.size(), anomalies.toString());
    RoomAnomaly silent = anomalies.get(0);
    assertEquals("silent", silent.kind());
    assertEquals(Instant.ofEpochMilli(T0 + 1_200_000), silent.from());
    assertEquals(Instant.ofEpochMilli(T0 + H + 600_000), silent.to());
    assertEquals("silent, last words", silent.detail());
    assertEquals("jump", anomalies.get(1).kind());
    assertEquals("it", anomalies.get(1).quantity());
  }

  private static MeterAnomaly piece(
      Meter meter, AnomalyKind kind, long from, long to, String detail) {
    return new MeterAnomaly(meter, new EnergyAnomaly(kind, from, to, detail), false);
  }
}
