/**
 * Alerts' shared vocabulary and rules, pure code that the edge and the cloud both evaluate: what an
 * alert is about ({@link dev.setpoint.contracts.alert.AlertKind}), how urgent ({@link
 * dev.setpoint.contracts.alert.Severity}), the thresholds with their ASHRAE defaults ({@link
 * dev.setpoint.contracts.alert.AlertRules}), the room conditions they raise with hysteresis ({@link
 * dev.setpoint.contracts.alert.RoomConditions}), and an alert's id ({@link
 * dev.setpoint.contracts.alert.AlertIds}), the same wherever it is raised.
 *
 * <p>The edge's own alerts: a room's climate from its sensors' readings ({@link
 * dev.setpoint.contracts.alert.RoomClimateTrack}, with {@link
 * dev.setpoint.contracts.alert.DewPoint}), judged into findings with the words an alert carries
 * ({@link dev.setpoint.contracts.alert.RoomConditions#judge}); the change of an alert the edge
 * sends the cloud and its LAN webhook ({@link dev.setpoint.contracts.alert.EdgeAlert}, {@link
 * dev.setpoint.contracts.alert.EdgeAlertCodec}); and how an alert webhook is signed ({@link
 * dev.setpoint.contracts.alert.WebhookSignature}).
 */
package dev.setpoint.contracts.alert;
