package dev.setpoint.device.meter;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One reading of the meter. A quantity the register map does not read is NaN (power, energy) or
 * empty (IT power, IT energy); a quantity it does read is always a finite number here, since a
 * reading that is not passes no further than {@link ModbusMeter}.
 *
 * @param time when the registers were read
 * @param powerKw the cooling unit's active power, kW (NaN: not read)
 * @param energyKwh the cooling unit's imported active energy counter, kWh (NaN: not read)
 * @param itPowerKw the IT load's active power, kW, where the map reads it
 * @param itEnergyKwh the IT load's energy counter, kWh, where the meter reads it: a simulated
 *     room's; no register map reads it yet, so a {@link ModbusMeter}'s reading leaves it empty
 */
public record MeterReading(
    Instant time,
    double powerKw,
    double energyKwh,
    OptionalDouble itPowerKw,
    OptionalDouble itEnergyKwh) {
  public MeterReading {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(itPowerKw, "itPowerKw");
    Objects.requireNonNull(itEnergyKwh, "itEnergyKwh");
  }

  public boolean hasPower() {
    return !Double.isNaN(powerKw);
  }

  public boolean hasEnergy() {
    return !Double.isNaN(energyKwh);
  }
}
