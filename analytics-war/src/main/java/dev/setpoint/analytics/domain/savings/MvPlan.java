package dev.setpoint.analytics.domain.savings;

import java.time.Instant;

/**
 * How a room's savings are measured, as operators last set it: its baseline period and its pilot,
 * each optional. Each change stores the whole plan, the other part carried over.
 *
 * @param room the room
 * @param baseline the baseline period, or null
 * @param pilot the pilot, or null
 * @param changedBy the operator who made the last change
 * @param changedAt when
 */
public record MvPlan(
    String room, BaselinePeriod baseline, Pilot pilot, String changedBy, Instant changedAt) {

  /** A room without a plan. */
  public static MvPlan none(String room) {
    return new MvPlan(room, null, null, null, null);
  }

  public MvPlan withBaseline(BaselinePeriod period, String by, Instant at) {
    return new MvPlan(room, period, pilot, by, at);
  }

  public MvPlan withPilot(Pilot newPilot, String by, Instant at) {
    return new MvPlan(room, baseline, newPilot, by, at);
  }
}
