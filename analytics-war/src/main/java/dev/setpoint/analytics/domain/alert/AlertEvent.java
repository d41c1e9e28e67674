package dev.setpoint.analytics.domain.alert;

import java.util.Locale;

/** Why subscribers are told about an alert. */
public enum AlertEvent {
  /** The condition started. */
  RAISED,
  /** It became more severe. */
  ESCALATED,
  /** Still open and unacknowledged after the re-notification interval. */
  REMINDER,
  /** An operator acknowledged it. */
  ACKNOWLEDGED,
  /** The condition ended. */
  CLEARED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
