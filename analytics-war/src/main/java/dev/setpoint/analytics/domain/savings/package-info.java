/**
 * Measured savings: a room's measurement plan ({@link
 * dev.setpoint.analytics.domain.savings.MvPlan}: its baseline period and its {@link
 * dev.setpoint.analytics.domain.savings.Pilot}), where plans are kept ({@link
 * dev.setpoint.analytics.domain.savings.MvPlanStore}), and what savings and reports read from the
 * time-series store ({@link dev.setpoint.analytics.domain.savings.SavingsStore}).
 */
package dev.setpoint.analytics.domain.savings;
