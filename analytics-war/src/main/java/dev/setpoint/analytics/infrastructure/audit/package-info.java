/**
 * The audit trail's adapters: {@link dev.setpoint.analytics.infrastructure.audit.JnosqlAuditStore}
 * in analytics' own MongoDB (collection {@code audit}), and the producer of the one {@link
 * dev.setpoint.analytics.application.audit.AuditTrail}.
 */
package dev.setpoint.analytics.infrastructure.audit;
