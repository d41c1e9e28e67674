package dev.setpoint.analytics.application.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.energy.AnomalyKind;
import dev.setpoint.analytics.domain.energy.EnergyAnomaly;
import dev.setpoint.analytics.domain.energy.HourEnergy;
import dev.setpoint.analytics.domain.energy.Quantity;
import dev.setpoint.analytics.domain.energy.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnergyRollupTest {
  private static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
  private static final long H = EnergyRollup.HOUR_MS;
  private static final long MIN = 60_000L;
  private static final EnergySettings SETTINGS =
      new EnergySettings(Duration.ofMinutes(5), Duration.ofHours(6), Duration.ofMinutes(10), 100);

  /** A counter read every minute from {@code start} to {@code end} (inclusive), at {@code kw}. */
  private static List<Reading> steady(long start, long end, double startKwh, double kw) {
    List<Reading> readings = new ArrayList<>();
    for (long t = start; t <= end; t += MIN) {
      readings.add(new Reading(t, startKwh + kw * (t - start) / H));
    }
    return readings;
  }

  private static List<Reading> power(long start, long end, double kw) {
    List<Reading> readings = new ArrayList<>();
    for (long t = start; t <= end; t += MIN) {
      readings.add(new Reading(t, kw));
    }
    return readings;
  }

  private static EnergyRollup.Result roll(
      List<Reading> counter, List<Reading> power, long hours, long now) {
    return EnergyRollup.rollup(Quantity.COOLING, counter, power, T0, T0 + hours * H, now, SETTINGS);
  }

  private static List<EnergyAnomaly> of(EnergyRollup.Result result, AnomalyKind kind) {
    return result.anomalies().stream().filter(a -> a.kind() == kind).toList();
  }

  @Test
  void aSteadyCounterGivesCompleteHoursOfItsEnergy() {
    List<Reading> counter = steady(T0 - MIN, T0 + 2 * H + MIN, 1000, 60);

    EnergyRollup.Result result = roll(counter, List.of(), 2, T0 + 3 * H);

    assertEquals(2, result.hours().size());
    for (HourEnergy hour : result.hours()) {
      assertEquals(60.0, hour.kwh(), 1e-9);
      assertEquals(H, hour.coveredMs());
      assertEquals(0, hour.gapMs());
      assertEquals(0, hour.excludedMs());
      assertTrue(hour.complete(), hour.toString());
    }
    assertEquals(T0 + H, result.hours().get(1).hourStartMs());
    assertEquals(List.of(), result.anomalies());
  }

  @Test
  void aPairAcrossAnHourBoundaryIsSplitInProportionToItsOverlap() {
    List<Reading> counter =
        List.of(new Reading(T0 + 58 * MIN, 100), new Reading(T0 + H + 6 * MIN, 108));

    EnergyRollup.Result result = roll(counter, List.of(), 2, T0 + H + 6 * MIN);

    assertEquals(2.0, result.hours().get(0).kwh(), 1e-9);
    assertEquals(2 * MIN, result.hours().get(0).coveredMs());
    assertEquals(6.0, result.hours().get(1).kwh(), 1e-9);
    assertEquals(6 * MIN, result.hours().get(1).coveredMs());
    // neither hour is wholly covered
    assertFalse(result.hours().get(0).complete());
  }

  @Test
  void anHourNotYetEndedIsNotComplete() {
    List<Reading> counter = steady(T0 - MIN, T0 + 61 * MIN, 0, 60);

    EnergyRollup.Result result = roll(counter, List.of(), 1, T0 + 59 * MIN);

    assertEquals(H, result.hours().get(0).coveredMs());
    assertFalse(result.hours().get(0).complete());
  }

  @Test
  void aRestartAtZeroCountsTheNewReadingAndMarksTheHour() {
    List<Reading> counter =
        new ArrayList<>(List.of(new Reading(T0 + 10 * MIN, 500), new Reading(T0 + 11 * MIN, 501)));
    counter.add(new Reading(T0 + 12 * MIN, 0.5));
    counter.add(new Reading(T0 + 13 * MIN, 1.5));

    EnergyRollup.Result result = roll(counter, List.of(), 1, T0 + 14 * MIN);

    HourEnergy hour = result.hours().get(0);
    assertEquals(2.5, hour.kwh(), 1e-9);
    assertEquals(1, hour.resets());
    assertEquals(3 * MIN, hour.coveredMs());
    assertFalse(hour.complete());
    List<EnergyAnomaly> resets = of(result, AnomalyKind.RESET);
    assertEquals(1, resets.size(), result.anomalies().toString());
    assertEquals(T0 + 11 * MIN, resets.get(0).fromMs());
    assertEquals(T0 + 12 * MIN, resets.get(0).toMs());
    assertTrue(resets.get(0).detail().contains("fell from 501 to 0.5 kWh"), resets.toString());
  }

  @Test
  void aWrapIsTakenAsARestartAndItsModulusNamedNotCredited() {
    List<Reading> counter =
        List.of(new Reading(T0 + 10 * MIN, 65_535.5), new Reading(T0 + 11 * MIN, 0.5));

    EnergyRollup.Result result = roll(counter, List.of(), 1, T0 + 11 * MIN);

    assertEquals(0.5, result.hours().get(0).kwh(), 1e-9);
    assertEquals(1, result.hours().get(0).resets());
    String detail = of(result, AnomalyKind.RESET).get(0).detail();
    assertTrue(detail.contains("had it wrapped at 65536 kWh, 0.5 kWh more ran"), detail);
  }

  @Test
  void aRestartIsNeverCreditedWithAGuessedWrap() {
    // 1040 kWh lies 8.6 kWh below 2^20 Wh, within the plausible energy of a minute at 2000 kW
    EnergySettings generous =
        new EnergySettings(
            Duration.ofMinutes(5), Duration.ofHours(6), Duration.ofMinutes(10), 2000);
    List<Reading> counter =
        List.of(new Reading(T0 + 10 * MIN, 1040), new Reading(T0 + 11 * MIN, 0.5));

    EnergyRollup.Result result =
        EnergyRollup.rollup(
            Quantity.COOLING, counter, List.of(), T0, T0 + H, T0 + 11 * MIN, generous);

    assertEquals(0.5, result.hours().get(0).kwh(), 1e-9, "never credited with a guessed wrap");
    assertEquals(0, EnergyRollup.wrapModulus(1500, 0.5, 36.7));
  }

  @Test
  void aFallNoRestartExplainsIsExcluded() {
    List<Reading> counter =
        List.of(
            new Reading(T0 + 10 * MIN, 1000),
            new Reading(T0 + 11 * MIN, 1001),
            new Reading(T0 + 12 * MIN, 400),
            new Reading(T0 + 13 * MIN, 401));

    EnergyRollup.Result result = roll(counter, List.of(), 1, T0 + 13 * MIN);

    HourEnergy hour = result.hours().get(0);
    assertEquals(2.0, hour.kwh(), 1e-9);
    assertEquals(MIN, hour.excludedMs());
    assertEquals(0, hour.resets());
    EnergyAnomaly decreased = of(result, AnomalyKind.DECREASED).get(0);
    assertTrue(
        decreased.detail().startsWith("cooling_energy decreased by 601 kWh (from 1001 to 400)"),
        decreased.detail());
  }

  @Test
  void aJumpOfAYearsEnergyIsExcludedAndTheRestCounted() {
    List<Reading> counter = new ArrayList<>(steady(T0 - MIN, T0 + 30 * MIN, 1000, 60));
    double last = counter.getLast().value();
    // a year of 60 kW in one minute
    for (Reading r : steady(T0 + 31 * MIN, T0 + H + MIN, last + 525_600, 60)) {
      counter.add(r);
    }

    EnergyRollup.Result result = roll(counter, List.of(), 1, T0 + 2 * H);

    HourEnergy hour = result.hours().get(0);
    assertEquals(59.0, hour.kwh(), 1e-6);
    assertEquals(MIN, hour.excludedMs());
    assertEquals(H - MIN, hour.coveredMs());
    assertFalse(hour.complete());
    EnergyAnomaly jump = of(result, AnomalyKind.JUMP).get(0);
    assertEquals(T0 + 30 * MIN, jump.fromMs());
    assertTrue(jump.detail().contains("more than the plausible 100 kW"), jump.detail());
  }

  @Test
  void aGapIsMarkedAndItsEnergyAllocatedEvenlyOverIt() {
    List<Reading> counter = new ArrayList<>(steady(T0 - MIN, T0 + 40 * MIN, 0, 60));
    double before = counter.getLast().value();
    // 40 minutes without a reading across the hour; the counter ran 40 kWh meanwhile
    counter.addAll(steady(T0 + H + 20 * MIN, T0 + 2 * H + MIN, before + 40, 60));

    EnergyRollup.Result result = roll(counter, List.of(), 2, T0 + 3 * H);

    HourEnergy first = result.hours().get(0);
    HourEnergy second = result.hours().get(1);
    assertEquals(60.0, first.kwh(), 1e-9);
    assertEquals(20 * MIN, first.gapMs());
    assertEquals(40 * MIN, first.coveredMs());
    assertEquals(60.0, second.kwh(), 1e-9);
    assertEquals(20 * MIN, second.gapMs());
    assertFalse(first.complete());
    assertFalse(second.complete());
  }

  @Test
  void aFlatCounterWhileThePowerSaysRunningIsStuck() {
    List<Reading> counter = new ArrayList<>(steady(T0 - MIN, T0 + 20 * MIN, 0, 60));
    double stuckAt = counter.getLast().value();
    for (long t = T0 + 21 * MIN; t <= T0 + 35 * MIN; t += MIN) {
      counter.add(new Reading(t, stuckAt));
    }
    counter.addAll(steady(T0 + 36 * MIN, T0 + H + MIN, stuckAt + 1, 60));

    EnergyRollup.Result result = roll(counter, power(T0 - MIN, T0 + H, 60), 1, T0 + 2 * H);

    HourEnergy hour = result.hours().get(0);
    assertEquals(15 * MIN, hour.excludedMs());
    assertFalse(hour.complete());
    EnergyAnomaly stuck = of(result, AnomalyKind.STUCK).get(0);
    assertEquals(T0 + 20 * MIN, stuck.fromMs());
    assertEquals(T0 + 35 * MIN, stuck.toMs());
    assertTrue(stuck.detail().contains("stood at 21 kWh for 15 min"), stuck.detail());
  }

  @Test
  void aFlatCounterWhileThePlantIsOffIsNotStuck() {
    List<Reading> counter = new ArrayList<>();
    for (long t = T0 - MIN; t <= T0 + H + MIN; t += MIN) {
      counter.add(new Reading(t, 42));
    }

    EnergyRollup.Result result = roll(counter, power(T0 - MIN, T0 + H, 0.05), 1, T0 + 2 * H);

    assertEquals(List.of(), result.anomalies());
    assertEquals(0.0, result.hours().get(0).kwh());
    assertTrue(result.hours().get(0).complete());
  }

  @Test
  void aCoarseRegisterThatTicksSlowlyIsNotStuck() {
    // 1 kWh steps at 2.5 kW: the counter stands for 24 minutes between ticks
    List<Reading> counter = new ArrayList<>();
    for (long t = T0 - MIN; t <= T0 + H + MIN; t += MIN) {
      counter.add(new Reading(t, Math.floor(2.5 * (t - T0 + MIN) / H)));
    }

    EnergyRollup.Result result = roll(counter, power(T0 - MIN, T0 + H + MIN, 2.5), 1, T0 + 2 * H);

    assertEquals(List.of(), of(result, AnomalyKind.STUCK));
  }

  @Test
  void noReadingForLongerThanTheGapUpToNowIsSilent() {
    List<Reading> counter = steady(T0 - MIN, T0 + 20 * MIN, 0, 60);

    EnergyRollup.Result result = roll(counter, List.of(), 2, T0 + H + 30 * MIN);

    List<EnergyAnomaly> silent = of(result, AnomalyKind.SILENT);
    // one piece per hour it touches
    assertEquals(2, silent.size(), result.anomalies().toString());
    assertEquals(T0 + 20 * MIN, silent.get(0).fromMs());
    assertEquals(T0 + H, silent.get(0).toMs());
    assertEquals(T0 + H, silent.get(1).fromMs());
    assertEquals(T0 + H + 30 * MIN, silent.get(1).toMs());
    assertTrue(silent.get(0).detail().contains("70 min"), silent.get(0).detail());
    assertEquals(20 * MIN, result.hours().get(0).coveredMs());
    assertFalse(result.hours().get(0).complete());
  }

  @Test
  void aNegativePowerExcludesTheCounterAroundIt() {
    List<Reading> counter = steady(T0 - MIN, T0 + H + MIN, 0, 60);
    List<Reading> power = new ArrayList<>(power(T0 - MIN, T0 + H, 60));
    power.set(31, new Reading(power.get(31).timeMs(), -3.5));

    EnergyRollup.Result result = roll(counter, power, 1, T0 + 2 * H);

    assertEquals(2 * MIN, result.hours().get(0).excludedMs());
    assertEquals(58.0, result.hours().get(0).kwh(), 1e-9);
    List<EnergyAnomaly> negative = of(result, AnomalyKind.NEGATIVE);
    assertEquals(1, negative.size(), result.anomalies().toString());
    assertTrue(negative.get(0).detail().contains("down to -3.5 kW"), negative.get(0).detail());
  }

  @Test
  void theSameReadingsGiveTheSameHoursInAnyOrderAndAnyWindow() {
    List<Reading> counter = new ArrayList<>(steady(T0 - MIN, T0 + 40 * MIN, 0, 60));
    counter.add(new Reading(T0 + 41 * MIN, 0.5)); // a restart
    counter.addAll(steady(T0 + H + 20 * MIN, T0 + 3 * H - 30 * MIN, 30, 45));
    List<Reading> shuffled = new ArrayList<>(counter);
    Collections.shuffle(shuffled, new Random(17));
    long now = T0 + 3 * H;

    EnergyRollup.Result once = roll(counter, List.of(), 3, now);
    EnergyRollup.Result again = roll(shuffled, List.of(), 3, now);
    // the last two hours alone, from the last reading before them on
    List<Reading> tail = counter.stream().filter(r -> r.timeMs() >= T0 + 41 * MIN).toList();
    EnergyRollup.Result later =
        EnergyRollup.rollup(Quantity.COOLING, tail, List.of(), T0 + H, T0 + 3 * H, now, SETTINGS);

    assertEquals(once, again);
    assertEquals(once.hours().subList(1, 3), later.hours());
    assertEquals(
        once.anomalies().stream().filter(a -> a.fromMs() >= T0 + H).toList(), later.anomalies());
  }

  @Test
  void boundsMustBeWholeHours() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EnergyRollup.rollup(Quantity.IT, List.of(), List.of(), T0 + 1, T0 + H, T0, SETTINGS));
    assertThrows(
        IllegalArgumentException.class,
        () -> EnergyRollup.rollup(Quantity.IT, List.of(), List.of(), T0, T0, T0, SETTINGS));
  }
}
