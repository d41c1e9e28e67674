package dev.setpoint.analytics.application.energy;

import java.time.Instant;
import java.util.List;

/**
 * A room's energy rows over a range.
 *
 * @param room the room
 * @param from the first row's start
 * @param to the end of the range (rows start before it)
 * @param step {@code hour} or {@code day}
 * @param meters the meters with hours in the range, as {@code device/quantity}
 * @param rows one per hour or UTC day up to now, oldest first
 */
public record EnergyReport(
    String room,
    Instant from,
    Instant to,
    String step,
    List<String> meters,
    List<EnergyRow> rows) {}
