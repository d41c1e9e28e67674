package dev.setpoint.analytics.application.history;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the time-series store keeps the climate series: raw points for {@code raw}, the 1-minute
 * and 1-hour roll-ups for {@code rollups}. They must match the store's retention policies (the
 * stack and the deploy make both from one setting), since a range older than {@code raw} can only
 * be read from the roll-ups.
 *
 * @param raw how long raw points are kept (30 days by default)
 * @param rollups how long the roll-ups are kept (730 days by default)
 */
public record Retention(Duration raw, Duration rollups) {
  public static final Retention DEFAULT = new Retention(Duration.ofDays(30), Duration.ofDays(730));

  public Retention {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(rollups, "rollups");
    if (raw.isNegative() || raw.isZero() || rollups.compareTo(raw) < 0) {
      throw new IllegalArgumentException(
          "the raw retention must be positive and the roll-up retention at least as long, not "
              + raw
              + " and "
              + rollups);
    }
  }
}
