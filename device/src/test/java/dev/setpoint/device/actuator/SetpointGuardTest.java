package dev.setpoint.device.actuator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetpointGuardTest {
  private final List<Double> applied = new ArrayList<>();
  private final Actuator recording = applied::add;

  @Test
  void appliesOnlyValuesInsideTheSafeRange() {
    SetpointGuard guard = new SetpointGuard("ac", new SafeRange(18, 27), recording, 24);
    assertEquals(SetpointGuard.Outcome.APPLIED, guard.offer("25.5"));
    assertEquals(SetpointGuard.Outcome.UNCHANGED, guard.offer("25.5"));
    assertEquals(SetpointGuard.Outcome.REFUSED, guard.offer("30"));
    assertEquals(SetpointGuard.Outcome.REFUSED, guard.offer("17.99"));
    assertEquals(SetpointGuard.Outcome.REFUSED, guard.offer("NaN"));
    assertEquals(SetpointGuard.Outcome.REFUSED, guard.offer("Infinity"));
    assertEquals(SetpointGuard.Outcome.REFUSED, guard.offer("warm"));
    assertEquals(SetpointGuard.Outcome.REFUSED, guard.offer(null));
    assertEquals(SetpointGuard.Outcome.APPLIED, guard.offer("18"));
    assertEquals(SetpointGuard.Outcome.APPLIED, guard.offer(" 27 "));
    assertEquals(List.of(24.0, 25.5, 18.0, 27.0), applied);
    assertEquals(27.0, guard.applied());
  }

  @Test
  void aNarrowerInstallerRangeWinsOverTheProfile() {
    SetpointGuard guard = new SetpointGuard("ac", new SafeRange(20, 24), recording, 22);
    assertEquals(SetpointGuard.Outcome.REFUSED, guard.offer("26")); // the profile allows 27
    assertEquals(22.0, guard.applied());
    assertEquals(List.of(22.0), applied);
  }

  @Test
  void initialValueMustBeSafe() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SetpointGuard("ac", new SafeRange(18, 27), recording, 30));
    assertThrows(IllegalArgumentException.class, () -> new SafeRange(27, 18));
  }
}
