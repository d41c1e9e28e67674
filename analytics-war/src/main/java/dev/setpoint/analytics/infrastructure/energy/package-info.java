/**
 * The energy adapters: {@link dev.setpoint.analytics.infrastructure.energy.InfluxEnergyStore} reads
 * the meters' counters from measurement {@code climate} and keeps their hours and anomalies in
 * measurements {@code energy} and {@code energy_anomaly} (InfluxQL reads, blocking writes), and
 * {@link dev.setpoint.analytics.infrastructure.energy.EnergyScheduler} runs the roll-up on the
 * managed scheduler.
 */
package dev.setpoint.analytics.infrastructure.energy;
