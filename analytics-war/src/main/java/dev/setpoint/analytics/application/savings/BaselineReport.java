package dev.setpoint.analytics.application.savings;

import java.time.Instant;
import java.util.List;

/**
 * A room's baseline period and the baselines fitted on it: the cooling meter's, and cooling + IT's
 * where IT is metered.
 *
 * @param loadTerm whether the compute load is a driver (the room reports {@code compute_power})
 * @param setBy the operator who set the period
 */
public record BaselineReport(
    String room,
    Instant from,
    Instant to,
    boolean loadTerm,
    List<MeterBaseline> meters,
    String setBy,
    Instant setAt) {}
