package dev.setpoint.analytics.application.energy;

import java.time.Instant;

/**
 * A room's energy in one hour or one UTC day, all its meters together.
 *
 * @param time the hour's or day's start
 * @param coolingKwh the cooling meters' energy, or {@code null} when the room has none in the range
 * @param itKwh the IT meters' energy, or {@code null} likewise
 * @param coveredSeconds time covered by readings at most the gap threshold apart (with several
 *     meters: the least covered meter's)
 * @param gapSeconds time whose energy was spread over a gap (the most of any meter): estimated
 * @param excludedSeconds time excluded for an anomaly (the most of any meter)
 * @param resets counter restarts, all meters
 * @param complete every meter's every hour ended, wholly covered, without gap, exclusion or anomaly
 */
public record EnergyRow(
    Instant time,
    Double coolingKwh,
    Double itKwh,
    double coveredSeconds,
    double gapSeconds,
    double excludedSeconds,
    int resets,
    boolean complete) {}
