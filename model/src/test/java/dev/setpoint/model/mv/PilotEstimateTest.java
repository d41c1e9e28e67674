package dev.setpoint.model.mv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.model.mv.Observation.Meter;
import dev.setpoint.model.mv.PilotSchedule.Arm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PilotEstimateTest {
  /**
   * A plant whose controller days use 15 % less energy, and whose first 30 hours after every switch
   * to the controller use as much as the fixed setpoint (the carry-over).
   */
  @Test
  void theControllersHoursAgainstTheFixedArmsBaseline() {
    PilotSchedule s = new PilotSchedule(84, 7, 11);
    List<Observation> base = BaselineTest.plant(84 * 24, 12, 0.03);
    List<Observation> pilot = new ArrayList<>();
    int sinceSwitch = 0;
    for (int i = 0; i < base.size(); i++) {
      int day = i / 24;
      if (i % 24 == 0 && s.switchOver(day)) {
        sinceSwitch = 0;
      }
      Observation o = base.get(i);
      double factor = s.arm(day) == Arm.CONTROLLER && sinceSwitch >= 30 ? 0.85 : 1.0;
      pilot.add(
          new Observation(
              o.time(),
              factor * o.coolingKwh(),
              Double.NaN,
              o.outdoorC(),
              o.outdoorDewPointC(),
              o.computeKw()));
      sinceSwitch++;
    }
    PilotEstimate e = PilotEstimate.of(s, pilot, Meter.COOLING, 48);
    assertEquals(0.15, e.savings().fraction(), 0.01);
    assertEquals(0.15, e.pairedFraction(), 0.03);
    assertEquals(6, e.pairs());
    assertEquals(84, e.days().size());
    int kept = e.days().stream().mapToInt(PilotEstimate.Day::keptHours).sum();
    assertEquals(84 * 24 - 48 * s.switchOvers().size(), kept);
    // without the carry-over the estimate is diluted by the first 30 hours of each period
    PilotEstimate none = PilotEstimate.of(s, pilot, Meter.COOLING, 0);
    assertEquals(0.15 * (1 - 30.0 / (7 * 24)), none.savings().fraction(), 0.015);
  }

  @Test
  void hoursWithoutAReadingAreLeftOutAndTheirBlockLeavesThePairedCheck() {
    PilotSchedule s = new PilotSchedule(56, 7, 5);
    List<Observation> pilot = new ArrayList<>();
    for (Observation o : BaselineTest.plant(56 * 24, 3, 0.03)) {
      int hour = pilot.size();
      int day = hour / 24;
      double factor = s.arm(day) == Arm.CONTROLLER ? 0.9 : 1.0;
      // a meter gap of 5 hours on day 3 (block 0): no energy is known for those hours
      boolean gap = day == 3 && hour % 24 >= 10 && hour % 24 < 15;
      pilot.add(
          new Observation(
              o.time(),
              gap ? Double.NaN : factor * o.coolingKwh(),
              Double.NaN,
              o.outdoorC(),
              o.outdoorDewPointC(),
              o.computeKw()));
    }
    PilotEstimate e = PilotEstimate.of(s, pilot, Meter.COOLING, 0);
    assertEquals(0.10, e.savings().fraction(), 0.01);
    assertEquals(0.10, e.pairedFraction(), 0.03);
    assertEquals(3, e.pairs()); // 4 blocks, the one with the gap left out
    assertEquals(19, e.days().get(3).keptHours());
    assertEquals(56 * 24 - 5, e.days().stream().mapToInt(PilotEstimate.Day::keptHours).sum());
  }

  @Test
  void refusesWhatItCannotCompare() {
    PilotSchedule s = new PilotSchedule(14, 7, 1);
    List<Observation> hourly = BaselineTest.plant(14 * 24, 1, 0.03);
    assertThrows(
        IllegalArgumentException.class,
        () -> PilotEstimate.of(s, hourly.subList(0, 100), Meter.COOLING, 2));
    assertThrows(
        IllegalArgumentException.class, () -> PilotEstimate.of(s, hourly, Meter.COOLING, 7 * 24));
  }
}
