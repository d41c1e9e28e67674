package dev.setpoint.model.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoomSimulatorTest {
  private static final Duration STEP = Duration.ofSeconds(10);

  private static RoomState run(RoomSimulator sim, double setpoint, Duration length) {
    RoomState s = sim.state();
    for (long i = 0; i < length.dividedBy(STEP); i++) {
      s = sim.step(STEP, setpoint);
    }
    return s;
  }

  private static RoomSimulator summer(RoomParameters p, long seed, double setpoint) {
    return new RoomSimulator(p, SiteClimate.GWANGJU, 200, setpoint, seed);
  }

  @Test
  void inSummerCoolingEnergyGrowsAsTheSetpointDrops() {
    double previous = 0;
    for (double setpoint : new double[] {26, 23, 20, 18}) {
      RoomState s =
          run(summer(RoomParameters.defaults(), 7, setpoint), setpoint, Duration.ofDays(3));
      assertTrue(
          s.cumulativeCoolingKwh() > previous,
          setpoint + " °C used " + s.cumulativeCoolingKwh() + " kWh, not more than " + previous);
      previous = s.cumulativeCoolingKwh();
    }
  }

  @Test
  void inWinterWithFreeCoolingAHighSetpointCostsServerFanPower() {
    // Helsinki in January: the economiser carries everything, so the fans decide, and the best
    // setpoint is an interior one, not the highest.
    double[] controllable = new double[3];
    double[] setpoints = {20, 22, 25};
    for (int i = 0; i < 3; i++) {
      RoomSimulator sim =
          new RoomSimulator(RoomParameters.defaults(), SiteClimate.HELSINKI, 10, setpoints[i], 5);
      RoomState s = run(sim, setpoints[i], Duration.ofDays(2));
      assertEquals(1.0, s.freeCoolingShare(), 1e-9, "full free cooling");
      controllable[i] = s.cumulativeControllableKwh();
    }
    assertTrue(controllable[2] > controllable[1], "25 °C costs more than 22 °C");
    assertTrue(controllable[2] > controllable[0], "25 °C costs more than 20 °C");
  }

  @Test
  void serverFanPowerRisesByThePublishedShareOfItPowerPerKelvin() {
    RoomSimulator sim = RoomSimulator.gwangju(1);
    assertEquals(0, sim.serverFanExtraKw(100, 20), 1e-12, "idle speed below the knee");
    assertEquals(0, sim.serverFanExtraKw(100, 23), 1e-12);
    for (double inlet = 23; inlet < 30; inlet += 1) {
      double perK = sim.serverFanExtraKw(100, inlet + 1) - sim.serverFanExtraKw(100, inlet);
      assertTrue(perK >= 0.3 && perK <= 0.55, inlet + " °C: " + perK + " % of IT per K");
    }
    double above = sim.serverFanExtraKw(100, 35) - sim.serverFanExtraKw(100, 34);
    assertTrue(above > 0.55, "more above 30 °C: " + above);
  }

  @Test
  void theHeatBalanceCloses() {
    RoomSimulator sim = summer(RoomParameters.defaults(), 3, 22);
    double startAir = sim.state().roomAirTemperatureC();
    RoomState s = run(sim, 25, Duration.ofHours(12));
    double[] ledger = sim.heatLedgerKj();
    double stored =
        RoomParameters.defaults().heatCapacityKjPerK() * (s.roomAirTemperatureC() - startAir);
    assertEquals(stored, ledger[0] - ledger[1], 1e-6 * ledger[0]);
    assertTrue(s.cumulativeItKwh() > 12 * 15, "IT energy counted: " + s.cumulativeItKwh());
  }

  @Test
  void theEconomiserTakesTheLoadWhenItIsColdAndNoneWhenItIsHot() {
    RoomSimulator winter =
        new RoomSimulator(RoomParameters.defaults(), SiteClimate.HELSINKI, 15, 24, 2);
    RoomState w = run(winter, 24, Duration.ofHours(6));
    assertEquals(1.0, w.freeCoolingShare(), 1e-9);
    assertTrue(w.cop() > 15, "free cooling COP " + w.cop());
    RoomSimulator hot =
        new RoomSimulator(RoomParameters.defaults(), SiteClimate.SINGAPORE, 100, 24, 2);
    RoomState h = run(hot, 24, Duration.ofHours(14));
    assertEquals(0.0, h.freeCoolingShare(), 1e-9);
    assertTrue(h.cop() > 2 && h.cop() < 9, "DX COP " + h.cop());
    RoomParameters none = RoomParameters.defaults().toBuilder().economiser(false).build();
    RoomState n =
        run(new RoomSimulator(none, SiteClimate.HELSINKI, 15, 24, 2), 24, Duration.ofHours(6));
    assertEquals(0.0, n.freeCoolingShare(), 1e-9);
    assertTrue(n.cumulativeCoolingKwh() > 2 * w.cumulativeCoolingKwh());
  }

  @Test
  void holdsTheSetpointWithinCapacityAndTheHottestInletSitsAboveIt() {
    RoomState s = run(RoomSimulator.gwangju(3), 22, Duration.ofHours(6));
    assertEquals(22.0, s.roomAirTemperatureC(), 0.05);
    assertTrue(s.hottestInletC() > 22.5 && s.hottestInletC() < 26, "inlet " + s);
    assertEquals(4, s.rackInletsC().size());
    double max = s.rackInletsC().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertEquals(max, s.inletTemperatureC(), 1e-12, "the room reads its hottest sensor");
    assertTrue(!s.capacityLimited());
  }

  @Test
  void aSetpointDropCoolsTheHottestInletAndNeverLiftsIt() {
    // the units pull down at full capacity after a 3 K drop; the racks' exhaust is no larger, so
    // their inlets only fall (a recirculation term driven by the units' output lifted them 2 K)
    RoomSimulator sim = RoomSimulator.gwangju(3);
    RoomState before = run(sim, 24, Duration.ofHours(6));
    double previous = before.hottestInletC();
    for (int i = 0; i < 30; i++) {
      RoomState s = sim.step(STEP, 21);
      assertTrue(
          s.hottestInletC() < before.hottestInletC() + 0.2,
          "step " + i + ": " + s.hottestInletC() + " after " + before.hottestInletC());
      previous = s.hottestInletC();
    }
    assertTrue(previous < before.hottestInletC() - 1.0, "five minutes on: " + previous);
  }

  @Test
  void aTooSmallUnitCannotHoldTheSetpoint() {
    RoomParameters small = RoomParameters.defaults().withUnitCapacityKw(6);
    RoomSimulator sim = new RoomSimulator(small, SiteClimate.GWANGJU, 200, 22, 3);
    RoomState s = run(sim, 20, Duration.ofHours(3));
    assertTrue(s.capacityLimited());
    assertTrue(s.roomAirTemperatureC() > 24, "room air " + s.roomAirTemperatureC());
    double capacity = 2 * 6 * Math.min(1.1, 1 - 0.01 * (s.outdoorTemperatureC() - 35));
    assertTrue(s.coolingKw() <= capacity + 1e-9, s.coolingKw() + " kW > " + capacity);
  }

  @Test
  void aTrippedUnitAndARackSwitchedOnHeatTheRoom() {
    RoomSimulator normal = summer(RoomParameters.defaults(), 9, 24);
    RoomSimulator tripped = summer(RoomParameters.defaults(), 9, 24);
    RoomSimulator loaded = summer(RoomParameters.defaults(), 9, 24);
    run(normal, 24, Duration.ofHours(14));
    run(tripped, 24, Duration.ofHours(14));
    run(loaded, 24, Duration.ofHours(14));
    tripped.setUnitsTripped(1);
    tripped.setItLoadFactor(1.3);
    loaded.setItLoadFactor(1.3);
    RoomState n = run(normal, 24, Duration.ofMinutes(30));
    RoomState t = run(tripped, 24, Duration.ofMinutes(30));
    RoomState l = run(loaded, 24, Duration.ofMinutes(30));
    assertTrue(t.capacityLimited(), "one 25 kW unit, 30 % more load, a July afternoon");
    assertTrue(
        t.hottestInletC() > l.hottestInletC() + 0.5,
        t.hottestInletC() + " vs " + l.hottestInletC());
    assertEquals(1.3, l.itLoadKw() / n.itLoadKw(), 0.05);
    assertTrue(l.hottestInletC() > n.hottestInletC());
  }

  @Test
  void aCoolingTripHeatsTheRoomByItsHeatBalanceAndTheRestoreCoolsItBack() {
    RoomSimulator sim = summer(RoomParameters.defaults(), 9, 24);
    RoomState before = run(sim, 24, Duration.ofHours(6));
    assertTrue(before.electricKw() > 0 && before.coolingKw() > 0, before.toString());
    double[] ledgerBefore = sim.heatLedgerKj();

    sim.tripCooling(true);
    assertTrue(sim.coolingTripped());
    RoomState tripped = run(sim, 24, Duration.ofMinutes(10));
    assertEquals(0.0, tripped.electricKw(), "no compressor, no economiser, no indoor fan");
    assertEquals(0.0, tripped.coolingKw());
    assertEquals(0.0, tripped.freeCoolingShare());
    assertTrue(tripped.capacityLimited());
    // Nothing removes heat: the air rises by the gains over the heat capacity, as the ledger says.
    double[] ledger = sim.heatLedgerKj();
    assertEquals(ledgerBefore[1], ledger[1], 1e-9, "no heat removed while tripped");
    double rise = tripped.roomAirTemperatureC() - before.roomAirTemperatureC();
    assertEquals(
        (ledger[0] - ledgerBefore[0]) / RoomParameters.defaults().heatCapacityKjPerK(), rise, 1e-9);
    assertTrue(rise > 4 && rise < 9, "about 0.6 K a minute: " + rise + " K in 10 min");
    assertTrue(tripped.hottestInletC() > before.hottestInletC() + 4, tripped.toString());

    sim.tripCooling(false);
    assertTrue(!sim.coolingTripped());
    RoomState pulling = run(sim, 24, Duration.ofMinutes(1));
    assertTrue(pulling.electricKw() > before.electricKw(), "the units pull down at capacity");
    assertTrue(pulling.roomAirTemperatureC() < tripped.roomAirTemperatureC());
    RoomState restored = run(sim, 24, Duration.ofMinutes(40));
    assertEquals(24.0, restored.roomAirTemperatureC(), 0.1);
    assertTrue(restored.hottestInletC() < before.hottestInletC() + 0.5, restored.toString());
    // The heat balance decided throughout: the ledger still closes.
    double stored =
        RoomParameters.defaults().heatCapacityKjPerK() * (restored.roomAirTemperatureC() - 24);
    double[] end = sim.heatLedgerKj();
    assertEquals(stored, end[0] - end[1], 1e-6 * end[0]);
  }

  @Test
  void aTripAirRateReplacesTheHeatBalanceWhileTrippedAndUntilTheTripsHeatIsGone() {
    RoomSimulator sim = summer(RoomParameters.defaults(), 9, 24);
    run(sim, 24, Duration.ofHours(6));
    sim.setTripAirRate(3.0);
    RoomState before = run(sim, 24, Duration.ofMinutes(1));
    double startAir = before.roomAirTemperatureC();

    sim.tripCooling(true);
    RoomState tripped = run(sim, 24, Duration.ofMinutes(4));
    assertEquals(startAir + 12, tripped.roomAirTemperatureC(), 1e-9, "3 K a minute");
    assertEquals(0.0, tripped.electricKw());
    assertTrue(tripped.hottestInletC() > before.hottestInletC() + 11.5, tripped.toString());

    sim.tripCooling(false);
    RoomState halfway = run(sim, 24, Duration.ofMinutes(2));
    assertTrue(
        halfway.roomAirTemperatureC() <= startAir + 6 + 1e-9,
        "at least 3 K a minute down: " + halfway.roomAirTemperatureC());
    assertTrue(halfway.electricKw() > before.electricKw(), "the units pull down at capacity");
    RoomState back = run(sim, 24, Duration.ofMinutes(2));
    assertEquals(startAir, back.roomAirTemperatureC(), 0.2);
    // Then the heat balance again: the units hold their setpoint.
    RoomState later = run(sim, 24, Duration.ofMinutes(30));
    assertEquals(24.0, later.roomAirTemperatureC(), 0.1);

    // Tripped for long, the air stops at the ceiling.
    sim.tripCooling(true);
    assertEquals(
        RoomSimulator.TRIP_AIR_CEILING_C,
        run(sim, 24, Duration.ofMinutes(20)).roomAirTemperatureC(),
        1e-9);
  }

  @Test
  void aTripAirRateWithoutATripChangesNothing() {
    RoomSimulator plain = summer(RoomParameters.defaults(), 4, 24);
    RoomSimulator withRate = summer(RoomParameters.defaults(), 4, 24);
    withRate.setTripAirRate(12);
    // One unit of two out is no cooling trip: the heat balance still decides.
    plain.setUnitsTripped(1);
    withRate.setUnitsTripped(1);
    assertEquals(run(plain, 23, Duration.ofHours(3)), run(withRate, 23, Duration.ofHours(3)));
    plain.setUnitsTripped(0);
    withRate.setUnitsTripped(0);
    assertEquals(run(plain, 23, Duration.ofHours(3)), run(withRate, 23, Duration.ofHours(3)));
    for (double bad : new double[] {0, -1, Double.POSITIVE_INFINITY}) {
      assertThrows(IllegalArgumentException.class, () -> withRate.setTripAirRate(bad));
    }
    withRate.setTripAirRate(Double.NaN);
  }

  @Test
  void sensorFaultsChangeReadingsNotTheRoom() {
    RoomSimulator sim = RoomSimulator.gwangju(4);
    run(sim, 23, Duration.ofHours(1));
    sim.setSensorFault(0, SensorFault.stuck());
    double stuck = sim.state().rackInletsC().get(0);
    sim.setSensorFault(1, SensorFault.missing());
    sim.setSensorFault(2, SensorFault.drift(-1.0));
    RoomState s = run(sim, 20, Duration.ofHours(2));
    assertEquals(stuck, s.rackInletsC().get(0), 1e-12);
    assertTrue(Double.isNaN(s.rackInletsC().get(1)));
    double truth = sim.rackInlets()[2];
    assertEquals(truth - 2.0, s.rackInletsC().get(2), 0.3, "drifted 2 K in 2 h");
    assertTrue(s.hottestInletC() < stuck, "the room cooled; the stuck sensor did not see it");
    sim.setSensorFault(1, null);
    assertTrue(!Double.isNaN(run(sim, 20, STEP).rackInletsC().get(1)));
  }

  @Test
  void theSameSeedGivesTheSameRoomAndAnotherSeedAnother() {
    RoomState a = run(RoomSimulator.gwangju(11), 24, Duration.ofDays(2));
    RoomState b = run(RoomSimulator.gwangju(11), 24, Duration.ofDays(2));
    RoomState c = run(RoomSimulator.gwangju(12), 24, Duration.ofDays(2));
    assertEquals(a, b);
    assertNotEquals(a.inletTemperatureC(), c.inletTemperatureC());
    assertNotEquals(a.cumulativeCoolingKwh(), c.cumulativeCoolingKwh());
  }

  @Test
  void longStepsAreSubSteppedAndTimeAdvances() {
    RoomSimulator sim = RoomSimulator.gwangju(5);
    RoomState s = sim.step(Duration.ofMinutes(10), 23);
    assertEquals(Duration.ofMinutes(10), sim.elapsed());
    assertEquals(sim.state(), s);
    assertTrue(s.weatherCategory() >= 1 && s.weatherCategory() <= 9);
    assertTrue(s.relativeHumidityPct() >= 0 && s.relativeHumidityPct() <= 100);
    assertTrue(s.cumulativeCoolingKwh() > 0);
  }

  @Test
  void copFallsWithOutdoorHeatAndWithLowerSetpoints() {
    RoomSimulator sim = RoomSimulator.gwangju(1);
    double coil = 23 - RoomParameters.defaults().coilApproachK();
    assertTrue(sim.cop(coil, 35) < sim.cop(coil, 25));
    assertTrue(sim.cop(18 - 8, 25) < sim.cop(coil, 25));
  }

  @Test
  void anOutdoorSourceIsTheWeatherTheRoomFeelsAndReports() {
    // Warmer by a kelvin a minute, from -10 °C: the room reports the source's weather now.
    OutdoorSource warming =
        elapsed -> new Weather(-10 + elapsed.toSeconds() / 60.0, 40 + elapsed.toMinutes(), 3);
    RoomSimulator sim =
        new RoomSimulator(RoomParameters.defaults(), SiteClimate.GWANGJU, 0, 24, 2, warming);
    assertEquals(-10.0, sim.state().outdoorTemperatureC());
    assertEquals(40.0, sim.state().outdoorHumidityPct());
    RoomState s = sim.step(Duration.ofSeconds(95), 24);
    assertEquals(-10 + 95 / 60.0, s.outdoorTemperatureC(), 1e-12);
    assertEquals(41.0, s.outdoorHumidityPct());
    assertEquals(3, s.weatherCategory());

    // Cold outside, the economiser takes the whole load; hot outside, none of it.
    RoomState cold = run(outside(-10), 24, Duration.ofHours(2));
    RoomState hot = run(outside(38), 24, Duration.ofHours(2));
    assertEquals(1.0, cold.freeCoolingShare(), 1e-9);
    assertEquals(0.0, hot.freeCoolingShare(), 1e-9);
    assertTrue(hot.cumulativeCoolingKwh() > 3 * cold.cumulativeCoolingKwh());
  }

  @Test
  void givenItsOwnGeneratorsWeatherAsASourceTheRoomIsTheRoomWithoutOne() {
    // The seed's first draw seeds the generator (RoomSimulator's constructor); a source leaves the
    // room's other random streams (IT load, hot spots, sensor noise) as they were.
    WeatherGenerator twin =
        new WeatherGenerator(SiteClimate.GWANGJU, new SplittableRandom(9).nextLong());
    RoomSimulator own = summer(RoomParameters.defaults(), 9, 24);
    RoomSimulator sourced =
        new RoomSimulator(
            RoomParameters.defaults(),
            SiteClimate.GWANGJU,
            200,
            24,
            9,
            elapsed -> twin.at(Duration.ofDays(200).plus(elapsed)));
    RoomState a = run(own, 23, Duration.ofHours(3));
    RoomState b = run(sourced, 23, Duration.ofHours(3));
    assertEquals(a.roomAirTemperatureC(), b.roomAirTemperatureC());
    assertEquals(a.inletTemperatureC(), b.inletTemperatureC());
    assertEquals(a.relativeHumidityPct(), b.relativeHumidityPct());
    assertEquals(a.itLoadKw(), b.itLoadKw());
    assertEquals(a.cumulativeCoolingKwh(), b.cumulativeCoolingKwh());
  }

  private static RoomSimulator outside(double celsius) {
    return new RoomSimulator(
        RoomParameters.defaults(),
        SiteClimate.GWANGJU,
        0,
        24,
        2,
        elapsed -> new Weather(celsius, 50, 1));
  }
}
