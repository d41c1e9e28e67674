/**
 * The audit trail as analytics keeps it: the {@link dev.setpoint.analytics.domain.audit.AuditStore}
 * of every {@link dev.setpoint.contracts.audit.AuditRecord} (analytics' own and those the edge
 * sends), and the {@link dev.setpoint.analytics.domain.audit.AuditQuery} that reads them.
 */
package dev.setpoint.analytics.domain.audit;
