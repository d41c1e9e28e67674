package dev.setpoint.analytics.domain.savings;

import dev.setpoint.model.mv.PilotSchedule;
import dev.setpoint.model.mv.PilotSchedule.Arm;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A room's pilot: from local midnight of {@code start} in {@code zone}, for {@code days} days, the
 * controller and the room's fixed setpoint alternate on the randomised {@link PilotSchedule} of
 * {@code periodDays}-day periods drawn with {@code seed}; on a fixed day the recommender commands
 * {@code fixedSetpointC} instead of deciding. {@code carryOverHours} after each switch-over are
 * left out of the comparison (the room and the controller settling).
 *
 * @param stoppedAt when an operator stopped the pilot early (no arm from then on), or null
 */
public record Pilot(
    LocalDate start,
    int days,
    int periodDays,
    long seed,
    double fixedSetpointC,
    ZoneId zone,
    int carryOverHours,
    Instant stoppedAt) {

  public Pilot {
    if (start == null || zone == null) {
      throw new IllegalArgumentException("a pilot needs a start day and a zone");
    }
    if (days < 1 || periodDays < 1 || carryOverHours < 0 || carryOverHours >= 24 * periodDays) {
      throw new IllegalArgumentException(
          "days and periodDays must be positive and the carry-over shorter than a period");
    }
    if (!Double.isFinite(fixedSetpointC)) {
      throw new IllegalArgumentException("the fixed setpoint must be a number");
    }
  }

  /** The schedule of arms. */
  public PilotSchedule schedule() {
    return new PilotSchedule(days, periodDays, seed);
  }

  /** The pilot's first instant: local midnight of its first day. */
  public Instant from() {
    return start.atStartOfDay(zone).toInstant();
  }

  /** The instant after its last scheduled day. */
  public Instant to() {
    return start.plusDays(days).atStartOfDay(zone).toInstant();
  }

  /** Where the pilot ends: its last day's end, or the moment it was stopped. */
  public Instant end() {
    return stoppedAt != null && stoppedAt.isBefore(to()) ? stoppedAt : to();
  }

  /** The pilot day {@code time} falls on (0 the first), or empty outside the pilot. */
  public Optional<Integer> day(Instant time) {
    if (time.isBefore(from()) || !time.isBefore(end())) {
      return Optional.empty();
    }
    long d = ChronoUnit.DAYS.between(start, time.atZone(zone).toLocalDate());
    return d < 0 || d >= days ? Optional.empty() : Optional.of((int) d);
  }

  /** The arm in charge at {@code time}, or empty outside the pilot (or after it was stopped). */
  public Optional<Arm> arm(Instant time) {
    return day(time).map(d -> schedule().arm(d));
  }

  /** The setpoint to command at {@code time}: the fixed one on a fixed day, else empty. */
  public Optional<Double> fixedSetpointAt(Instant time) {
    return arm(time).filter(a -> a == Arm.FIXED).map(a -> fixedSetpointC);
  }

  /** This pilot stopped at {@code at}. */
  public Pilot stopped(Instant at) {
    return new Pilot(start, days, periodDays, seed, fixedSetpointC, zone, carryOverHours, at);
  }
}
