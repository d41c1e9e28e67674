package dev.setpoint.analytics.domain.energy;

/**
 * One meter's energy in one hour.
 *
 * @param hourStartMs the hour's start, epoch milliseconds (UTC hours)
 * @param kwh the energy the counter shows in the hour, gaps' energy allocated evenly over them
 * @param coveredMs time covered by readings at most the gap threshold apart, counted
 * @param gapMs time spanned by readings further apart: their energy is the counter's real energy,
 *     but how it was spread over the gap is an estimate
 * @param excludedMs time whose readings were excluded (a jump, a stuck or negative reading, a fall
 *     no restart explains): no energy counted for it
 * @param resets counter restarts (or wraps) seen in the hour
 * @param complete whether the hour has ended and is wholly covered, without gap, exclusion or
 *     anomaly: only such hours prove savings
 */
public record HourEnergy(
    long hourStartMs,
    double kwh,
    long coveredMs,
    long gapMs,
    long excludedMs,
    int resets,
    boolean complete) {}
