package dev.setpoint.analytics.application.energy;

import java.time.Instant;

/**
 * One anomaly of a room's meter, its hourly pieces joined again.
 *
 * @param device the meter's device
 * @param quantity {@code cooling} or {@code it}
 * @param kind {@code reset}, {@code jump}, {@code stuck}, {@code silent}, {@code decreased} or
 *     {@code negative}
 * @param from where it starts
 * @param to where it ends
 * @param detail the reason, with the numbers
 */
public record RoomAnomaly(
    String device, String quantity, String kind, Instant from, Instant to, String detail) {}
