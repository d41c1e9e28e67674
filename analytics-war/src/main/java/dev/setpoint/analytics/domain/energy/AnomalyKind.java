package dev.setpoint.analytics.domain.energy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a meter's readings were not taken at face value (the {@code kind} tag of an anomaly). */
public enum AnomalyKind {
  /**
   * The counter restarted at 0 (or wrapped): counted, but what it ran before the restart is lost.
   */
  RESET,
  /** The counter rose by more than the maximum plausible power could deliver: excluded. */
  JUMP,
  /** The counter stood still while its power said the plant was running: excluded. */
  STUCK,
  /** No counter reading for longer than the gap threshold, up to now. */
  SILENT,
  /** The counter fell to a value no restart explains: excluded. */
  DECREASED,
  /** A negative counter or power reading: the meter's readings around it are excluded. */
  NEGATIVE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AnomalyKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
  }
}
