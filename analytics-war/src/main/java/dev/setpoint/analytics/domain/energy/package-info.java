/**
 * Energy values and the port to where they live: a meter's readings, its hours and anomalies as the
 * roll-up makes them ({@link dev.setpoint.analytics.domain.energy.HourEnergy}, {@link
 * dev.setpoint.analytics.domain.energy.EnergyAnomaly}), the tags they are filed under ({@link
 * dev.setpoint.analytics.domain.energy.Meter}), and {@link
 * dev.setpoint.analytics.domain.energy.EnergyStore}.
 */
package dev.setpoint.analytics.domain.energy;
