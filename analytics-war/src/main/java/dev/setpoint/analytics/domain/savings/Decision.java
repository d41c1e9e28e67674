package dev.setpoint.analytics.domain.savings;

import java.time.Instant;

/**
 * One recorded decision of the recommender for a room, as a report counts it.
 *
 * @param recommendedC the setpoint decided
 * @param currentC the setpoint the room was at
 * @param reason its reason code
 * @param commanded whether it was sent to the room's controller
 */
public record Decision(
    Instant time, double recommendedC, double currentC, String reason, boolean commanded) {

  /** Whether it moved the room's setpoint: sent, and different from where the room was. */
  public boolean changedSetpoint() {
    return commanded && Math.abs(recommendedC - currentC) > 0.01;
  }
}
