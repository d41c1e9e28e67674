package dev.setpoint.analytics.domain.savings;

import java.time.Instant;

/**
 * The period a room's baseline is fitted on: the room under its own fixed setpoint, before the
 * controller took over (IPMVP's baseline period), {@code [from, to)}.
 */
public record BaselinePeriod(Instant from, Instant to) {
  public BaselinePeriod {
    if (from == null || to == null || !to.isAfter(from)) {
      throw new IllegalArgumentException("a baseline period ends after it starts");
    }
  }
}
