package dev.setpoint.analytics.domain.energy;

/**
 * One reading of a meter: a counter (kWh) or a power (kW) at a time.
 *
 * @param timeMs when it was taken, epoch milliseconds
 * @param value the reading
 */
public record Reading(long timeMs, double value) {}
