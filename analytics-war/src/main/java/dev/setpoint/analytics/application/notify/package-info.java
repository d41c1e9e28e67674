/**
 * Telling subscribers about alerts: {@link dev.setpoint.analytics.application.notify.Notifications}
 * is the alert engine's {@link dev.setpoint.analytics.domain.alert.AlertNotifier}, which records a
 * transmission per matching subscription and channel and sends it apart from the caller, retrying
 * with exponential backoff ({@link dev.setpoint.analytics.application.notify.RetryPolicy}); {@link
 * dev.setpoint.analytics.application.notify.Subscriptions} keeps the subscriptions, refusing a
 * webhook that is not http(s) or points at this service ({@link
 * dev.setpoint.analytics.application.notify.WebhookTargets}). Plain Java over the domain's ports.
 */
package dev.setpoint.analytics.application.notify;
