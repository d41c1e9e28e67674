package dev.setpoint.analytics.domain.alert;

import java.util.Locale;
import java.util.Optional;

/** Where an alert stands: raised, acknowledged by an operator (still active), or cleared. */
public enum AlertState {
  RAISED,
  ACKNOWLEDGED,
  CLEARED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AlertState> fromCode(String code) {
    for (AlertState s : values()) {
      if (s.code().equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Whether the condition still holds (raised or acknowledged). */
  public boolean open() {
    return this != CLEARED;
  }
}
