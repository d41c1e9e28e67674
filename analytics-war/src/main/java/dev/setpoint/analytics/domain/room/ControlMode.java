package dev.setpoint.analytics.domain.room;

import java.util.Locale;
import java.util.Optional;

/** What the recommender may do for a room, set per room by an operator. */
public enum ControlMode {
  /** Recommendations are recorded and sent to the room's controller as commands. */
  AUTO,
  /** Recommendations are recorded and shown; no command is sent. */
  ADVISORY,
  /** The recommender makes no decision for the room. */
  OFF;

  /** The name in the API and the store: {@code auto}, {@code advisory}, {@code off}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode a code names, or empty for anything else. */
  public static Optional<ControlMode> fromCode(String code) {
    for (ControlMode mode : values()) {
      if (mode.code().equals(code)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
