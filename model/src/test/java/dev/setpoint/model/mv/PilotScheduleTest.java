package dev.setpoint.model.mv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.mv.PilotSchedule.Arm;
import org.junit.jupiter.api.Test;

class PilotScheduleTest {
  @Test
  void everyBlockHasOnePeriodOfEachArm() {
    PilotSchedule s = new PilotSchedule(91, 7, 42);
    assertEquals(91, s.days());
    for (int block = 0; block < 6; block++) {
      int start = block * 14;
      Arm first = s.arm(start);
      for (int d = start; d < start + 7; d++) {
        assertEquals(first, s.arm(d));
        assertNotEquals(first, s.arm(d + 7));
      }
    }
    // 6 complete blocks and a lone week: 42 + 42 days, and 7 of one arm
    assertEquals(91, s.count(Arm.FIXED) + s.count(Arm.CONTROLLER));
    assertEquals(7, Math.abs(s.count(Arm.FIXED) - s.count(Arm.CONTROLLER)));
  }

  @Test
  void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
    assertEquals(new PilotSchedule(60, 1, 7).code(), new PilotSchedule(60, 1, 7).code());
    assertNotEquals(new PilotSchedule(60, 1, 7).code(), new PilotSchedule(60, 1, 8).code());
  }

  @Test
  void theOrderWithinBlocksIsRandomNotAlternating() {
    PilotSchedule s = new PilotSchedule(400, 1, 1);
    int controllerFirst = 0;
    for (int b = 0; b < 200; b++) {
      if (s.arm(2 * b) == Arm.CONTROLLER) {
        controllerFirst++;
      }
    }
    assertTrue(controllerFirst > 70 && controllerFirst < 130, "coin: " + controllerFirst);
    assertEquals(200, s.count(Arm.CONTROLLER));
  }

  @Test
  void switchOversAreTheDaysTheArmChanges() {
    PilotSchedule s = new PilotSchedule(28, 7, 3);
    String code = s.code();
    for (int d = 0; d < 28; d++) {
      char before = d == 0 ? 'F' : code.charAt(d - 1);
      assertEquals(code.charAt(d) != before, s.switchOver(d), code + " day " + d);
    }
    assertTrue(s.switchOvers().contains(7) || s.switchOvers().contains(14), code);
    assertTrue(code.matches("[FC]{28}"), code);
  }
}
