package dev.setpoint.analytics.domain.notify;

import java.util.Optional;

/**
 * Whether a subscription takes new alerts (EdgeX's admin state): a {@code LOCKED} one matches none,
 * so an operator can pause it without losing it; what was already recorded is still delivered.
 */
public enum AdminState {
  UNLOCKED,
  LOCKED;

  public static Optional<AdminState> fromCode(String code) {
    for (AdminState s : values()) {
      if (s.name().equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
