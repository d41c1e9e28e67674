package dev.setpoint.device.meter;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One reading of the meter. A quantity the register map does not read is NaN (power, energy) or
 * empty (IT power); a quantity it does read is always a finite number here, since a reading that is
 * not passes no further than {@link ModbusMeter}.
 *
 * @param time when the registers were read
 * @param powerKw the cooling unit's active power, kW (NaN: not read)
 * @param energyKwh the cooling unit's imported active energy counter, kWh (NaN: not read)
 * @param itPowerKw the IT load's active power, kW, where the map reads it
 */
public record MeterReading(
    Instant time, double powerKw, double energyKwh, OptionalDouble itPowerKw) {
  public MeterReading {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(itPowerKw, "itPowerKw");
  }

  public boolean hasPower() {
    return !Double.isNaN(powerKw);
  }

  public boolean hasEnergy() {
    return !Double.isNaN(energyKwh);
  }
}
