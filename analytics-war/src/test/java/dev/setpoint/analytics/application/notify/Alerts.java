package dev.setpoint.analytics.application.notify;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertState;
import dev.setpoint.contracts.alert.AlertIds;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import java.time.Instant;

/** Alerts for the notification tests. */
public final class Alerts {
  public static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  private Alerts() {}

  /** An open alert of a room at a site. */
  public static Alert room(AlertKind kind, Severity severity, String site, String room) {
    return new Alert(
        AlertIds.of(kind, room, T0),
        kind,
        severity,
        AlertState.RAISED,
        room,
        site,
        room,
        null,
        28.4,
        27.0,
        "the hottest inlet is 28.4 °C, above 27 °C",
        T0,
        T0,
        null,
        null,
        null,
        null,
        null,
        0);
  }

  /** A critical inlet alert of room hall-a at site gwangju. */
  public static Alert hot() {
    return room(AlertKind.INLET_HIGH, Severity.CRITICAL, "gwangju", "hall-a");
  }
}
