package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.alert.AlertService;
import dev.setpoint.analytics.domain.alert.Alert;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the API shows it: kinds, severities and states as their lower-case codes (the same
 * the filters take and notifications carry).
 */
public record AlertView(
    String id,
    String kind,
    String severity,
    String state,
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

  static AlertView of(Alert a) {
    return new AlertView(
        a.id(),
        a.kind().code(),
        a.severity().code(),
        a.state().code(),
        a.subject(),
        a.site(),
        a.room(),
        a.device(),
        a.value(),
        a.threshold(),
        a.message(),
        a.raisedAt(),
        a.updatedAt(),
        a.acknowledgedBy(),
        a.acknowledgedAt(),
        a.comment(),
        a.clearedAt(),
        a.notifiedAt(),
        a.notifications());
  }

  /** A page of alerts as the API shows it. */
  public record Page(List<AlertView> alerts, long total, int page, int size) {
    static Page of(AlertService.Page p) {
      return new Page(
          p.alerts().stream().map(AlertView::of).toList(), p.total(), p.page(), p.size());
    }
  }
}
