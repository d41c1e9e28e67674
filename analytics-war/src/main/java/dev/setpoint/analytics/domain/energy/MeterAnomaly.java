package dev.setpoint.analytics.domain.energy;

/**
 * A meter's anomaly (one hour's piece of it) as stored.
 *
 * @param cleared a piece a later roll-up no longer finds (data that came late filled the silence),
 *     overwritten so that it no longer counts
 */
public record MeterAnomaly(Meter meter, EnergyAnomaly anomaly, boolean cleared) {}
