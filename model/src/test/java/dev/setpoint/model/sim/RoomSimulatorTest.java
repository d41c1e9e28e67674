package dev.setpoint.model.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

  @Test
  void energyGrowsAsTheSetpointDrops() {
    double previous = 0;
    for (double setpoint : new double[] {26, 23, 20, 18}) {
      RoomState s = run(RoomSimulator.gwangju(7), setpoint, Duration.ofDays(3));
      assertTrue(
          s.cumulativeCoolingKwh() > previous,
          setpoint + " °C used " + s.cumulativeCoolingKwh() + " kWh, not more than " + previous);
      previous = s.cumulativeCoolingKwh();
    }
  }

  @Test
  void holdsTheSetpointWithinCapacityAndInletSitsAboveIt() {
    RoomState s = run(RoomSimulator.gwangju(3), 22, Duration.ofHours(6));
    assertEquals(22.0, s.roomAirTemperatureC(), 0.05);
    assertTrue(s.inletTemperatureC() > 22.5 && s.inletTemperatureC() < 26, "inlet " + s);
    assertTrue(!s.capacityLimited());
  }

  @Test
  void aTooSmallUnitCannotHoldTheSetpoint() {
    RoomParameters small = RoomParameters.defaults().withRatedCapacityKw(12);
    RoomSimulator sim = new RoomSimulator(small, SiteClimate.GWANGJU, 200, 22, 3);
    RoomState s = run(sim, 20, Duration.ofHours(3));
    assertTrue(s.capacityLimited());
    assertTrue(s.roomAirTemperatureC() > 24, "room air " + s.roomAirTemperatureC());
    // capacity at this outdoor temperature, capped at 110 % of rated
    double capacity = 12 * Math.min(1.1, 1 - 0.01 * (s.outdoorTemperatureC() - 35));
    assertTrue(s.coolingKw() <= capacity + 1e-9, s.coolingKw() + " kW > " + capacity);
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
}
