package dev.setpoint.analytics.domain.notify;

import java.util.Optional;

/**
 * Where a transmission stands (EdgeX's transmission status, with {@code PENDING} for one recorded
 * and not yet tried): {@code FAILED} is the dead letter, a transmission given up on.
 */
public enum TransmissionStatus {
  /** Recorded, not yet tried. */
  PENDING,
  /** Tried and failed; tried again at its next attempt. */
  RESENDING,
  /** The receiver took it. */
  SENT,
  /** Given up: the receiver failed every attempt, or it could not be sent at all. */
  FAILED;

  /** Whether it is still to be sent. */
  public boolean open() {
    return this == PENDING || this == RESENDING;
  }

  public static Optional<TransmissionStatus> fromCode(String code) {
    for (TransmissionStatus s : values()) {
      if (s.name().equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
