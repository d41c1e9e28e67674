/**
 * Alerts' shared vocabulary and rules, pure code that the edge and the cloud both evaluate: what an
 * alert is about ({@link dev.setpoint.contracts.alert.AlertKind}), how urgent ({@link
 * dev.setpoint.contracts.alert.Severity}), the thresholds with their ASHRAE defaults ({@link
 * dev.setpoint.contracts.alert.AlertRules}), the room conditions they raise with hysteresis ({@link
 * dev.setpoint.contracts.alert.RoomConditions}), and an alert's id ({@link
 * dev.setpoint.contracts.alert.AlertIds}), the same wherever it is raised.
 */
package dev.setpoint.contracts.alert;
