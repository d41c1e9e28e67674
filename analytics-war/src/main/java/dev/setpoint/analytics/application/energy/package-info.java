/**
 * Energy per room per hour and day from the meters' counters: the pure roll-up ({@link
 * dev.setpoint.analytics.application.energy.EnergyRollup}) that turns one meter's counter readings
 * into hours with their coverage, gaps, exclusions and anomalies; the scheduled use case that reads
 * the counters back from the time-series store and writes the hours and anomalies there ({@link
 * dev.setpoint.analytics.application.energy.EnergyRollupService}); and the operators' reads per
 * room ({@link dev.setpoint.analytics.application.energy.EnergyService}).
 */
package dev.setpoint.analytics.application.energy;
