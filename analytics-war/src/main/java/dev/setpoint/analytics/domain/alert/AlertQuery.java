package dev.setpoint.analytics.domain.alert;

import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import java.time.Instant;

/**
 * A filter over the stored alerts, newest raised first, one page of them; a null field does not
 * filter.
 *
 * @param state the alerts in this state; {@link #OPEN} (null state, {@code open} true) for those
 *     raised or acknowledged
 * @param open only alerts not cleared
 * @param from raised at or after
 * @param to raised before
 * @param page the page, from 0
 * @param size alerts per page
 */
public record AlertQuery(
    AlertState state,
    boolean open,
    Severity severity,
    AlertKind kind,
    String site,
    String room,
    String device,
    Instant from,
    Instant to,
    int page,
    int size) {
  /** The {@code state} filter's code for raised and acknowledged together. */
  public static final String OPEN = "open";
}
