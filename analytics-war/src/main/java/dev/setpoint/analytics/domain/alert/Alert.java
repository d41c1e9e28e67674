package dev.setpoint.analytics.domain.alert;

import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import java.time.Instant;

/**
 * An alert as stored: one condition of one subject from the moment it was raised until it cleared.
 * A condition that escalates (a warning becoming critical) stays the same alert with the higher
 * severity; one that clears and comes back is a new alert.
 *
 * @param id derived from kind, subject and start ({@link dev.setpoint.contracts.alert.AlertIds})
 * @param subject what it is raised for: the room, the device, the hub or {@code analytics}
 * @param site the subject's site, or null
 * @param room the room, or null
 * @param device the device, or null
 * @param value the value that raised or last updated it, or null
 * @param threshold the limit it crossed, or null
 * @param message what happened, in words
 * @param raisedAt when the condition started
 * @param updatedAt when it last changed (severity, value, state)
 * @param acknowledgedBy the operator who acknowledged it, or null
 * @param acknowledgedAt when, or null
 * @param comment the operator's comment, or null
 * @param clearedAt when the condition ended, or null
 * @param notifiedAt when subscribers were last told, or null
 * @param notifications how many times subscribers were told
 */
public record Alert(
    String id,
    AlertKind kind,
    Severity severity,
    AlertState state,
    String subject,
    String site,
    String room,
    String device,
    Double value,
    Double threshold,
    String message,
    Instant raisedAt,
    Instant updatedAt,
    String acknowledgedBy,
    Instant acknowledgedAt,
    String comment,
    Instant clearedAt,
    Instant notifiedAt,
    int notifications) {

  /** This alert at a new severity, value and message (the condition escalated or eased). */
  public Alert updated(Severity s, Double v, Double limit, String text, Instant at) {
    return new Alert(
        id,
        kind,
        s,
        state,
        subject,
        site,
        room,
        device,
        v,
        limit,
        text,
        raisedAt,
        at,
        acknowledgedBy,
        acknowledgedAt,
        comment,
        clearedAt,
        notifiedAt,
        notifications);
  }

  /** This alert acknowledged by {@code operator} with {@code note}. */
  public Alert acknowledged(String operator, String note, Instant at) {
    return new Alert(
        id,
        kind,
        severity,
        AlertState.ACKNOWLEDGED,
        subject,
        site,
        room,
        device,
        value,
        threshold,
        message,
        raisedAt,
        at,
        operator,
        at,
        note,
        clearedAt,
        notifiedAt,
        notifications);
  }

  /** This alert cleared at {@code at}. */
  public Alert cleared(String text, Instant at) {
    return new Alert(
        id,
        kind,
        severity,
        AlertState.CLEARED,
        subject,
        site,
        room,
        device,
        value,
        threshold,
        text,
        raisedAt,
        at,
        acknowledgedBy,
        acknowledgedAt,
        comment,
        at,
        notifiedAt,
        notifications);
  }

  /** This alert with its subscribers told at {@code at}. */
  public Alert notified(Instant at) {
    return new Alert(
        id,
        kind,
        severity,
        state,
        subject,
        site,
        room,
        device,
        value,
        threshold,
        message,
        raisedAt,
        updatedAt,
        acknowledgedBy,
        acknowledgedAt,
        comment,
        clearedAt,
        at,
        notifications + 1);
  }
}
