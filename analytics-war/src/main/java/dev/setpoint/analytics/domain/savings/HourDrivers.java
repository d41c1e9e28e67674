package dev.setpoint.analytics.domain.savings;

import java.time.Instant;

/**
 * A room's hour of what drives its cooling but that the controller does not set, as the telemetry
 * carried it: hourly means over the room's messages; null where no message of the hour had it.
 *
 * @param hour the hour's start (UTC hours)
 * @param outdoorC the outdoor temperature the relay attached, °C
 * @param outdoorRhPct the outdoor relative humidity, %
 * @param computeKw the servers' compute load ({@code compute_power}), kW
 */
public record HourDrivers(Instant hour, Double outdoorC, Double outdoorRhPct, Double computeKw) {}
