package dev.setpoint.device.meter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.device.meter.MeterException.Reason;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PlausibilityTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private static final Register SDM_ENERGY =
      new Register(Register.Kind.INPUT, 0x48, Encoding.FLOAT32, 1);

  private final Plausibility check = new Plausibility(20, SDM_ENERGY);

  private static MeterReading at(long seconds, double kw, double kwh) {
    return new MeterReading(
        T0.plusSeconds(seconds),
        kw,
        kwh,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty());
  }

  private Reason refusal(MeterReading r) {
    return assertThrows(MeterException.class, () -> check.check(r)).reason();
  }

  @Test
  void aCounterRisingWithinTheRatedPowerPasses() {
    assertDoesNotThrow(() -> check.check(at(0, 10, 1000)));
    // 20 kW for one hour is 20 kWh
    assertDoesNotThrow(() -> check.check(at(3600, 19, 1019.9)));
  }

  @Test
  void aCounterRisingFasterThanTheRatedPowerIsAJump() throws Exception {
    check.check(at(0, 10, 1000));

    assertEquals(Reason.COUNTER_JUMP, refusal(at(60, 10, 1001))); // 1 kWh a minute is 60 kW
    assertDoesNotThrow(() -> check.check(at(120, 10, 1001.2)), "the new value is the baseline");
  }

  @Test
  void aCounterGoingDownIsAReset() throws Exception {
    check.check(at(0, 10, 1000));

    assertEquals(Reason.COUNTER_RESET, refusal(at(10, 10, 999)));
    assertDoesNotThrow(() -> check.check(at(20, 10, 999.01)));
  }

  @Test
  void aCounterStepOfOneCountIsNoJump() throws Exception {
    Register em24 = new Register(Register.Kind.INPUT, 0x34, Encoding.INT32_SWAPPED, 0.1);
    Plausibility coarse = new Plausibility(20, em24);
    coarse.check(at(0, 10, 1000.0));

    // 0.1 kWh in one second is 360 kW, but it is the counter's resolution
    assertDoesNotThrow(() -> coarse.check(at(1, 10, 1000.1)));
  }

  @Test
  void powerBeyondItsBoundsIsNonsense() {
    assertEquals(Reason.NONSENSE, refusal(at(0, -0.5, 1000)));
    assertEquals(Reason.NONSENSE, refusal(at(0, 25, 1000)));
    assertEquals(
        Reason.NONSENSE,
        refusal(
            new MeterReading(
                T0,
                1,
                1,
                OptionalDouble.of(Double.POSITIVE_INFINITY),
                OptionalDouble.empty(),
                OptionalDouble.empty())));
    assertDoesNotThrow(() -> check.check(at(0, -0.05, 1000)), "within the negative tolerance");
  }

  @Test
  void aNegativeItEnergyCounterIsNonsense() {
    assertEquals(
        Reason.NONSENSE,
        refusal(
            new MeterReading(
                T0, 1, 1, OptionalDouble.empty(), OptionalDouble.of(-1), OptionalDouble.empty())));
    assertDoesNotThrow(
        () ->
            check.check(
                new MeterReading(
                    T0,
                    1,
                    1,
                    OptionalDouble.of(3),
                    OptionalDouble.of(42),
                    OptionalDouble.empty())));
  }

  @Test
  void quantitiesNotReadAreNotChecked() {
    assertDoesNotThrow(() -> check.check(at(0, Double.NaN, Double.NaN)));
    assertDoesNotThrow(() -> check.check(at(1, Double.NaN, 5)));
  }
}
