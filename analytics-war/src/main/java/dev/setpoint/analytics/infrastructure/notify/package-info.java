/**
 * Adapters of alert notifications: the subscriptions and transmissions in analytics' own MongoDB
 * database, the webhook sender (JDK HttpClient, HMAC-SHA256-signed JSON or a Slack-compatible body)
 * and the e-mail sender (Jakarta Mail through the configured SMTP server), and the CDI producer
 * that puts them together on the managed scheduler.
 */
package dev.setpoint.analytics.infrastructure.notify;
