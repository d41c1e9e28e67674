/**
 * Alerts as analytics keeps them: an {@link dev.setpoint.analytics.domain.alert.Alert} with its
 * lifecycle ({@link dev.setpoint.analytics.domain.alert.AlertState}), and the port that tells
 * subscribers ({@link dev.setpoint.analytics.domain.alert.AlertNotifier}).
 */
package dev.setpoint.analytics.domain.alert;
