package dev.setpoint.analytics.domain.energy;

/**
 * One stored telemetry point of a meter, as far as the roll-up needs it.
 *
 * @param timeMs the reading's time, epoch milliseconds
 * @param counter the counter, kWh, or {@code null} when the point has none
 * @param power the power, kW, or {@code null}
 * @param room the point's room tag, or {@code null}
 * @param site the point's site tag, or {@code null}
 */
public record MeterReading(long timeMs, Double counter, Double power, String room, String site) {}
