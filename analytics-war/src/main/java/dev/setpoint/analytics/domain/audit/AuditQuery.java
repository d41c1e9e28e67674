package dev.setpoint.analytics.domain.audit;

import java.time.Instant;

/**
 * A filter over the audit trail, newest first, one page of it; a null field does not filter.
 *
 * @param from made at or after
 * @param to made before
 * @param user the actor (a user, a device, {@code recommender}, {@code system})
 * @param device the device concerned
 * @param kind what was changed ({@link dev.setpoint.contracts.audit.AuditKind})
 * @param page the page, from 0
 * @param size records per page
 */
public record AuditQuery(
    Instant from, Instant to, String user, String device, String kind, int page, int size) {}
