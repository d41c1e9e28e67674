package dev.setpoint.contracts.alert;

import java.util.Locale;
import java.util.Optional;

/** How urgent an alert is: {@code warning} (the recommended envelope) or {@code critical}. */
public enum Severity {
  WARNING,
  CRITICAL;

  /** The name in the API, the store and notifications. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> fromCode(String code) {
    for (Severity s : values()) {
      if (s.code().equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
