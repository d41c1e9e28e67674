/**
 * The audit trail: {@link dev.setpoint.analytics.application.audit.AuditTrail} records analytics'
 * own changes (room modes, pilots and baselines, alert rules and acknowledgements, subscriptions,
 * model reloads), stores those the edge sends through Kafka once each, and pages through them all
 * for the API. Plain Java over the domain's port.
 */
package dev.setpoint.analytics.application.audit;
