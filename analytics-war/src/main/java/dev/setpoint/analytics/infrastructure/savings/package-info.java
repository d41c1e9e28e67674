/**
 * Where measured savings read and keep their data: the rooms' measurement plans in analytics' own
 * MongoDB database ({@link dev.setpoint.analytics.infrastructure.savings.JnosqlMvPlanStore}), the
 * rooms' drivers, inlet minutes and decisions in InfluxDB ({@link
 * dev.setpoint.analytics.infrastructure.savings.InfluxSavingsStore}).
 */
package dev.setpoint.analytics.infrastructure.savings;
