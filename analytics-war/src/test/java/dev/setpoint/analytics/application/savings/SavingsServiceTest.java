package dev.setpoint.analytics.application.savings;

import static dev.setpoint.analytics.application.audit.MemoryAuditStore.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.audit.MemoryAuditStore;
import dev.setpoint.analytics.application.energy.EnergyService;
import dev.setpoint.analytics.application.energy.FakeEnergyStore;
import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertState;
import dev.setpoint.analytics.domain.energy.AnomalyKind;
import dev.setpoint.analytics.domain.energy.EnergyAnomaly;
import dev.setpoint.analytics.domain.energy.HourEnergy;
import dev.setpoint.analytics.domain.energy.Meter;
import dev.setpoint.analytics.domain.energy.MeterAnomaly;
import dev.setpoint.analytics.domain.energy.MeterHour;
import dev.setpoint.analytics.domain.energy.Quantity;
import dev.setpoint.analytics.domain.savings.Decision;
import dev.setpoint.analytics.domain.savings.HourDrivers;
import dev.setpoint.analytics.domain.savings.InletMinute;
import dev.setpoint.analytics.domain.savings.MvPlan;
import dev.setpoint.analytics.domain.savings.MvPlanStore;
import dev.setpoint.analytics.domain.savings.Pilot;
import dev.setpoint.analytics.domain.savings.SavingsStore;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.model.mv.PilotSchedule;
import dev.setpoint.model.mv.PilotSchedule.Arm;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The savings over stores filled from a known plant: cooling = 1 + 0.08·max(0, T − 12) + 0.12·L kWh
 * per hour with a little noise, the IT meter's energy = L plus the server fans; a controller that
 * saves a known fraction from a given hour.
 */
class SavingsServiceTest {
  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  static final long H = 3_600_000L;
  static final String ROOM = "hall";

  final FakeEnergyStore energyStore = new FakeEnergyStore();
  final Series series = new Series();
  final Plans plans = new Plans();
  final MutableClock clock = new MutableClock();
  final MemoryAuditStore audit = new MemoryAuditStore();
  final SavingsService service =
      new SavingsService(
          plans,
          new EnergyService(energyStore, clock),
          series,
          (room, from, to) ->
              room.equals(ROOM) && !from.isAfter(Instant.parse("2026-01-06T10:05:00Z"))
                  ? List.of(roomAlert())
                  : List.of(),
          audit.trail(),
          clock);

  static Alert roomAlert() {
    Instant at = Instant.parse("2026-01-06T10:05:00Z");
    return new Alert(
        "a-1",
        AlertKind.INLET_HIGH,
        Severity.WARNING,
        AlertState.CLEARED,
        ROOM,
        "s1",
        ROOM,
        null,
        27.5,
        27.0,
        "room hall: hottest inlet 27.5 °C",
        at,
        at,
        null,
        null,
        null,
        at.plusSeconds(1800),
        at,
        1);
  }

  /** Fills {@code hours} hours from T0; {@code factor} scales each hour's cooling. */
  void plant(int hours, double noise, IntToDoubleFunction factor) {
    Random r = new Random(7);
    Meter cooling = new Meter("rc-1", Quantity.COOLING, ROOM, "s1");
    Meter it = new Meter("pdu-1", Quantity.IT, ROOM, "s1");
    for (int i = 0; i < hours; i++) {
      double day = i / 24.0;
      double t = 14 + 8 * Math.sin(2 * Math.PI * day / 40) + 5 * Math.cos(2 * Math.PI * i / 24);
      double load = 20 * (1 + 0.15 * Math.cos(2 * Math.PI * (i % 24 - 14) / 24));
      double kwh =
          factor.applyAsDouble(i)
              * (1 + 0.08 * Math.max(0, t - 12) + 0.12 * load + noise * r.nextGaussian());
      long start = T0.toEpochMilli() + i * H;
      energyStore.write(
          List.of(
              new MeterHour(cooling, new HourEnergy(start, kwh, H, 0, 0, 0, true)),
              new MeterHour(it, new HourEnergy(start, load + 0.5, H, 0, 0, 0, true))),
          List.of());
      series.drivers.add(new HourDrivers(Instant.ofEpochMilli(start), t, 60.0, load));
    }
    clock.now = T0.plusMillis(hours * H);
  }

  @Test
  void aBaselineMeetsGuideline14AndMeasuresAKnownSaving() {
    int baselineHours = 6 * 7 * 24;
    plant(baselineHours + 4 * 7 * 24, 0.03, i -> i < baselineHours ? 1.0 : 0.88);
    Instant split = T0.plusMillis(baselineHours * H);
    service.setBaseline(ROOM, T0, split, operator("ops"));

    BaselineReport b = service.baseline(ROOM);
    assertTrue(b.loadTerm());
    assertEquals(2, b.meters().size());
    MeterBaseline cooling = b.meters().getFirst();
    assertEquals("cooling", cooling.meter());
    assertTrue(cooling.accepted(), cooling.verdict());
    assertEquals(baselineHours, cooling.usableHours());
    assertTrue(cooling.cvRmse() < 0.30, cooling.toString());
    assertTrue(cooling.model().contains("compute load"), cooling.model());
    assertEquals("ops", b.setBy());

    RoomSavings s = service.savings(ROOM, split, clock.now);
    MeterSavings c = s.meters().getFirst();
    assertTrue(c.measured(), c.reason());
    assertEquals(0.12, c.savingsFraction(), 0.01);
    assertEquals(4 * 7 * 24, c.usableHours());
    assertTrue(c.halfWidth90Kwh() > c.halfWidth68Kwh() && c.halfWidth68Kwh() > 0, c.toString());
    assertEquals(c.adjustedBaselineKwh() - c.meteredKwh(), c.savingsKwh(), 1e-9);
    MeterSavings total = s.meters().get(1);
    assertEquals("cooling_it", total.meter());
    assertEquals(c.savingsKwh(), total.savingsKwh(), 0.02 * c.savingsKwh());
  }

  @Test
  void aMetersAnomalyAndAWeatherGapAreExcludedFromSavingsWithTheirReasons() {
    int baselineHours = 3 * 7 * 24;
    plant(baselineHours + 7 * 24, 0.03, i -> i < baselineHours ? 1.0 : 0.9);
    Instant split = T0.plusMillis(baselineHours * H);
    service.setBaseline(ROOM, T0, split, operator("ops"));
    // a jump in the cooling counter excludes 5 hours; the weather feed missed 2 others
    Meter cooling = new Meter("rc-1", Quantity.COOLING, ROOM, "s1");
    for (int i = 0; i < 5; i++) {
      long start = split.toEpochMilli() + (10 + i) * H;
      energyStore.write(
          List.of(new MeterHour(cooling, new HourEnergy(start, 0.0, H, 0, H, 0, false))),
          List.of(
              new MeterAnomaly(
                  cooling,
                  new EnergyAnomaly(AnomalyKind.JUMP, start, start + H, "jumped by 9000 kWh"),
                  false)));
    }
    series.drivers.removeIf(
        d ->
            d.hour().equals(split.plusMillis(50 * H)) || d.hour().equals(split.plusMillis(51 * H)));

    MeterSavings c = service.savings(ROOM, split, clock.now).meters().getFirst();
    assertEquals(7 * 24 - 7, c.usableHours());
    assertEquals(Map.of(RoomHours.METER_EXCLUDED, 5, RoomHours.NO_WEATHER, 2), c.excludedHours());
    assertEquals(0.10, c.savingsFraction(), 0.015);

    MonthReport m = service.month(ROOM, YearMonth.of(2026, 1), ZoneOffset.UTC);
    assertEquals(1, m.alerts().size(), "the jump's five hourly pieces are one alert");
    assertEquals("jump", m.alerts().getFirst().kind());
    assertEquals(split.plusMillis(10 * H), m.alerts().getFirst().from());
    assertEquals(split.plusMillis(15 * H), m.alerts().getFirst().to());
  }

  @Test
  void aBaselineThatFailsGuideline14IsRefusedAsABasisWithTheReason() {
    int baselineHours = 2 * 7 * 24;
    plant(baselineHours + 48, 3.0, i -> 1.0);
    Instant split = T0.plusMillis(baselineHours * H);
    service.setBaseline(ROOM, T0, split, operator("ops"));
    MeterBaseline cooling = service.baseline(ROOM).meters().getFirst();
    assertFalse(cooling.accepted());
    assertTrue(cooling.verdict().startsWith("refused: CV(RMSE)"), cooling.verdict());
    MeterSavings c = service.savings(ROOM, split, clock.now).meters().getFirst();
    assertFalse(c.measured());
    assertTrue(c.reason().startsWith("the baseline is refused: refused: CV(RMSE)"), c.reason());
    assertNull(c.savingsKwh());
  }

  @Test
  void periodsAreCheckedAndAReportingPeriodInsideTheBaselineIsAConflict() {
    plant(3 * 7 * 24, 0.03, i -> 1.0);
    assertThrows(
        SavingsConflictException.class, () -> service.baseline(ROOM), "no baseline period yet");
    assertThrows(
        InvalidHistoryRequestException.class,
        () -> service.setBaseline(ROOM, T0, T0.plusMillis(24 * H), operator("ops")),
        "shorter than a week");
    assertThrows(
        InvalidHistoryRequestException.class,
        () -> service.setBaseline(ROOM, T0, clock.now.plusMillis(H), operator("ops")),
        "not ended");
    service.setBaseline(ROOM, T0, T0.plusMillis(14 * 24 * H), operator("ops"));
    AuditRecord set = audit.of("baseline").getLast();
    assertEquals("create", set.action(), "the refused periods changed nothing");
    assertEquals(
        "{\"from\":\"" + T0 + "\",\"to\":\"" + T0.plusMillis(14 * 24 * H) + "\"}", set.after());
    var e =
        assertThrows(
            SavingsConflictException.class,
            () -> service.savings(ROOM, T0.plusMillis(13 * 24 * H), clock.now));
    assertTrue(e.getMessage().contains("overlaps the baseline period"), e.getMessage());
  }

  @Test
  void aPilotAlternatesOnItsScheduleAndItsComparisonFindsTheSaving() {
    clock.now = T0.minusMillis(H); // the evening before
    Pilot pilot = new Pilot(LocalDate.of(2026, 1, 5), 28, 7, 3, 20.0, ZoneOffset.UTC, 24, null);
    service.startPilot(ROOM, pilot, operator("ops"));
    assertThrows(
        SavingsConflictException.class,
        () -> service.startPilot(ROOM, pilot, operator("ops")),
        "one pilot at a time");
    PilotSchedule schedule = pilot.schedule();
    // the controller saves 15 % on its days, from the second hour after a switch-over
    plant(28 * 24, 0.03, i -> schedule.arm(i / 24) == Arm.CONTROLLER ? 0.85 : 1.0);
    for (int d = 0; d < 28; d++) {
      Instant noon = T0.plusMillis((d * 24L + 12) * H);
      boolean fixed = schedule.arm(d) == Arm.FIXED;
      series.decisions.add(
          new Decision(noon, fixed ? 20.0 : 24.0, 22.0, fixed ? "pilot_fixed" : "model", true));
      assertEquals(fixed ? Optional.of(20.0) : Optional.empty(), pilot.fixedSetpointAt(noon));
    }

    PilotReport r = service.pilot(ROOM);
    assertEquals("finished", r.status());
    assertEquals(28, r.daysEnded());
    assertEquals(schedule.code(), r.schedule());
    MeterSavings c = r.estimate().getFirst();
    assertTrue(c.measured(), c.reason());
    assertEquals(0.15, c.savingsFraction(), 0.01);
    assertEquals(0.15, r.pairedFraction(), 0.03);
    assertEquals(2, r.pairs());
    for (PilotReport.PilotDay d : r.dayRecords()) {
      assertEquals(d.arm().equals("fixed") ? 1 : 0, d.fixedDecisions(), d.toString());
      assertNotNull(d.keptHours());
    }
    assertEquals(schedule.switchOvers(), r.switchOvers());
  }

  @Test
  void aPilotsDaysMustBeWholeUtcHoursLongAndItCannotStartInThePast() {
    clock.now = Instant.parse("2026-03-01T00:00:00Z");
    var past =
        assertThrows(
            InvalidHistoryRequestException.class,
            () ->
                service.startPilot(
                    ROOM,
                    new Pilot(LocalDate.of(2026, 2, 1), 28, 7, 1, 20, ZoneOffset.UTC, 24, null),
                    operator("ops")));
    assertEquals("start", past.parameter());
    var india =
        assertThrows(
            InvalidHistoryRequestException.class,
            () ->
                service.startPilot(
                    ROOM,
                    new Pilot(
                        LocalDate.of(2026, 3, 2),
                        28,
                        7,
                        1,
                        20,
                        ZoneId.of("Asia/Kolkata"),
                        24,
                        null),
                    operator("ops")));
    assertTrue(india.getMessage().contains("whole UTC hour"), india.getMessage());
    var berlin =
        assertThrows(
            InvalidHistoryRequestException.class,
            () ->
                service.startPilot(
                    ROOM,
                    new Pilot(
                        LocalDate.of(2026, 3, 2),
                        56,
                        7,
                        1,
                        20,
                        ZoneId.of("Europe/Berlin"),
                        24,
                        null),
                    operator("ops")));
    assertTrue(
        berlin.getMessage().contains("changes its clocks on 2026-03-29"), berlin.getMessage());
    // Seoul keeps one offset all year
    service.startPilot(
        ROOM,
        new Pilot(LocalDate.of(2026, 3, 2), 56, 7, 1, 20, ZoneId.of("Asia/Seoul"), 24, null),
        operator("ops"));
    MvPlan stopped = service.stopPilot(ROOM, operator("ops"));
    assertEquals(clock.now, stopped.pilot().stoppedAt());
    List<AuditRecord> pilots = audit.of("pilot");
    assertEquals(
        List.of("create", "stop"),
        pilots.stream().map(AuditRecord::action).toList(),
        "the refused pilots changed nothing");
    assertTrue(pilots.get(0).after().contains("\"zone\":\"Asia/Seoul\""), pilots.get(0).after());
    assertTrue(
        pilots.get(1).after().contains("\"stoppedAt\":\"" + clock.now + "\""),
        pilots.get(1).after());
    assertEquals(ROOM, pilots.get(1).room());
    assertEquals("stopped", service.pilot(ROOM).status());
    assertEquals(Optional.empty(), stopped.pilot().arm(clock.now.plusMillis(72 * H)));
  }

  @Test
  void theMonthlyReportSumsTheMetersAndCountsTheEnvelopeAndTheSetpointChanges() {
    plant(31 * 24 + 5 * 24, 0.03, i -> 1.0); // all of January and five days of February
    Instant jan = Instant.parse("2026-01-01T00:00:00Z");
    for (int m = 0; m < 120; m++) {
      // two hours of minutes on 6 January: 30 above 27 °C, 10 below 18 °C, 80 within
      double hottest = m < 30 ? 27.5 : m < 40 ? 17.5 : 24.0;
      series.minutes.add(
          new InletMinute(
              Instant.parse("2026-01-06T10:00:00Z").plusSeconds(60L * m), hottest, 23, 50.0));
    }
    series.decisions.add(
        new Decision(Instant.parse("2026-01-07T10:00:00Z"), 24, 23, "model", true));
    series.decisions.add(
        new Decision(Instant.parse("2026-01-07T10:05:00Z"), 24, 24, "dwell", true));
    series.decisions.add(
        new Decision(Instant.parse("2026-01-07T10:10:00Z"), 25, 24, "model", false));

    MonthReport r = service.month(ROOM, YearMonth.of(2026, 1), ZoneOffset.UTC);
    double expected =
        energyStore.hours.values().stream()
            .filter(h -> h.meter().quantity() == Quantity.COOLING)
            .filter(
                h -> h.hour().hourStartMs() < Instant.parse("2026-02-01T00:00:00Z").toEpochMilli())
            .mapToDouble(h -> h.hour().kwh())
            .sum();
    assertEquals(expected, r.energy().coolingKwh(), 1e-6);
    assertEquals(31, r.days().size());
    assertFalse(r.days().getFirst().complete(), "1–4 January have no meter hours");
    assertNull(r.days().getFirst().coolingKwh());
    assertTrue(r.days().get(10).complete());
    assertEquals(30, r.envelope().minutesAbove());
    assertEquals(10, r.envelope().minutesBelow());
    assertEquals(120, r.envelope().minutesObserved());
    assertEquals(40, r.days().get(5).minutesOutside());
    assertEquals(3, r.setpoints().decisions());
    assertEquals(List.of("a-1"), r.roomAlerts().stream().map(MonthReport.RoomAlert::id).toList());
    assertEquals("inlet_high", r.roomAlerts().getFirst().kind());
    assertEquals(1, r.setpoints().changes(), "the dwell moved nothing, the third was not sent");
    assertNull(r.savings());
    assertEquals("no baseline period set for the room", r.savingsNote());
    assertEquals(jan, r.from());

    SiteMonthReport site = service.siteMonth("s1", YearMonth.of(2026, 1), ZoneOffset.UTC);
    assertEquals(1, site.rooms().size());
    assertEquals(expected, site.coolingKwh(), 1e-6);
    assertEquals(30, site.minutesAbove());
    assertThrows(
        InvalidHistoryRequestException.class,
        () -> service.month(ROOM, YearMonth.of(2026, 3), ZoneOffset.UTC),
        "a month that has not begun");
  }

  /** The series the savings read besides the energy hours. */
  static final class Series implements SavingsStore {
    final List<HourDrivers> drivers = new ArrayList<>();
    final List<InletMinute> minutes = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();

    @Override
    public List<HourDrivers> drivers(String room, Instant from, Instant to) {
      return drivers.stream().filter(d -> ours(room) && within(d.hour(), from, to)).toList();
    }

    @Override
    public List<InletMinute> inletMinutes(String room, Instant from, Instant to) {
      return minutes.stream().filter(m -> ours(room) && within(m.minute(), from, to)).toList();
    }

    @Override
    public List<Decision> decisions(String room, Instant from, Instant to) {
      return decisions.stream().filter(d -> ours(room) && within(d.time(), from, to)).toList();
    }

    @Override
    public Set<String> roomsOfSite(String site, Instant from, Instant to) {
      return new TreeSet<>(Set.of(ROOM, "empty-room"));
    }

    /** The series hold one room's data. */
    private static boolean ours(String room) {
      return room.equals(ROOM);
    }

    private static boolean within(Instant t, Instant from, Instant to) {
      return !t.isBefore(from) && t.isBefore(to);
    }
  }

  /** Plans in memory, the latest per room. */
  static final class Plans implements MvPlanStore {
    final Map<String, MvPlan> plans = new HashMap<>();

    @Override
    public Optional<MvPlan> find(String room) {
      return Optional.ofNullable(plans.get(room));
    }

    @Override
    public List<MvPlan> all() {
      return List.copyOf(plans.values());
    }

    @Override
    public void save(MvPlan plan) {
      plans.put(plan.room(), plan);
    }
  }

  static final class MutableClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
