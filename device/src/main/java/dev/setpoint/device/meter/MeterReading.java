package dev.setpoint.device.meter;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One reading of the meter. A quantity the register map does not read is NaN (power, energy) or
 * empty (IT power, IT energy, compute load); a quantity it does read is always a finite number
 * here, since a reading that is not passes no further than {@link ModbusMeter}.
 *
 * @param time when the registers were read
 * @param powerKw the cooling unit's active power, kW (NaN: not read)
 * @param energyKwh the cooling unit's imported active energy counter, kWh (NaN: not read)
 * @param itPowerKw the IT load's active power, kW, where the map reads it
 * @param itEnergyKwh the IT load's energy counter, kWh, where the meter reads it: a simulated
 *     room's; no register map reads it yet, so a {@link ModbusMeter}'s reading leaves it empty
 * @param computePowerKw the servers' compute load, kW: IT power less the server fans' power above
 *     idle, where the IT side reports it (servers' BMCs over Redfish or IPMI, or DCIM); a simulated
 *     room's. A meter cannot tell the fans' share apart, so a {@link ModbusMeter}'s reading always
 *     leaves it empty. Analytics' savings baseline regresses cooling energy on it rather than on IT
 *     power, which a warmer room raises through the fans.
 */
public record MeterReading(
    Instant time,
    double powerKw,
    double energyKwh,
    OptionalDouble itPowerKw,
    OptionalDouble itEnergyKwh,
    OptionalDouble computePowerKw) {
  public MeterReading {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(itPowerKw, "itPowerKw");
    Objects.requireNonNull(itEnergyKwh, "itEnergyKwh");
    Objects.requireNonNull(computePowerKw, "computePowerKw");
  }

  public boolean hasPower() {
    return !Double.isNaN(powerKw);
  }

  public boolean hasEnergy() {
    return !Double.isNaN(energyKwh);
  }
}
