package dev.setpoint.analytics.domain.alert;

import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import java.time.Instant;

/**
 * A filter over the stored alerts, newest raised first, one page of them; a null field does not
 * filter.
 *
 * @param from raised at or after
 * @param to raised before
 * @param page the page, from 0
 * @param size alerts per page
 */
public record AlertQuery(
    AlertState state,
    Severity severity,
    AlertKind kind,
    String site,
    String room,
    String device,
    Instant from,
    Instant to,
    int page,
    int size) {}
