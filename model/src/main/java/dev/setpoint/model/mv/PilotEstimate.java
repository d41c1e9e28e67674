package dev.setpoint.model.mv;

import dev.setpoint.model.mv.Observation.Meter;
import dev.setpoint.model.mv.PilotSchedule.Arm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A pilot's savings, from hourly observations over the pilot's days under its {@link
 * PilotSchedule}.
 *
 * <p><b>The estimate</b> ({@link #savings()}): a {@link Baseline} is fitted on the fixed arm's
 * hours and predicts what the controller's hours would have used under the fixed setpoint; savings
 * and their Guideline 14 uncertainty follow as for any baseline ({@link Savings}). The fixed days
 * are spread over the whole season by the schedule, so this baseline is concurrent with the
 * controller's days and never extrapolates to a season it did not see, which a baseline from before
 * the pilot must; the regression removes what differs between the two arms' days (the weather, the
 * load), which a plain difference of the arms' means leaves as noise. The controller's days are a
 * random half of the season, so their savings fraction estimates the season's.
 *
 * <p><b>A check</b> ({@link #pairedFraction()}): within each block of two periods, the fixed
 * period's energy less the controller's, summed over the complete blocks, over the fixed periods'
 * energy. No model, unbiased by the randomisation, but every block carries the weather's change
 * from one period to the next as noise.
 *
 * <p><b>Carry-over</b>: after a switch-over the room and the controller take time to settle. The
 * room relaxes in minutes, but the controller raises at most 1 °C per decision, and each raise
 * during that climb leaves the prediction made for holding the previous setpoint short of the inlet
 * that follows; its learnt bound keeps those residuals for a day (288 decisions) and runs the room
 * cooler until they age out. So the first {@code carryOverHours} hours after every switch-over
 * (they may run into the following days) are left out of both the fit and the estimate, and, for
 * the paired check, the same hours at the start of every period (both arms cover the same hours).
 *
 * @param schedule the schedule
 * @param meter the meter compared
 * @param carryOverHours hours left out after a switch-over
 * @param baseline the fixed arm's baseline model
 * @param savings the controller days' savings against it
 * @param pairedFraction the paired check's savings fraction
 * @param pairs complete blocks in the paired check
 * @param days each day's record: arm, switch-over, kept hours' metered and modelled energy
 */
public record PilotEstimate(
    PilotSchedule schedule,
    Meter meter,
    int carryOverHours,
    Baseline baseline,
    Savings savings,
    double pairedFraction,
    int pairs,
    List<Day> days) {

  /**
   * One pilot day.
   *
   * @param keptHours hours in the estimate (24 less those within the carry-over)
   * @param meteredKwh the kept hours' metered energy
   * @param baselineKwh the kept hours' energy as the fixed arm's baseline models it
   * @param meanOutdoorC the day's mean outdoor temperature
   */
  public record Day(
      int day,
      Arm arm,
      boolean switchOver,
      int keptHours,
      double meteredKwh,
      double baselineKwh,
      double meanOutdoorC) {}

  /**
   * The pilot's estimate. {@code hourly} starts at the pilot's first hour (local midnight of its
   * first day) and has one observation per hour, 24 per pilot day, in order; {@code carryOverHours}
   * must be shorter than a period. An hour that cannot be used (its meter's energy, the outdoor
   * temperature or dew point not finite: a metered room's gaps and excluded hours) is left out of
   * the fit, the estimate and the days' sums, and a block with such an hour is left out of the
   * paired check (its two periods would no longer cover the same hours).
   */
  public static PilotEstimate of(
      PilotSchedule schedule, List<Observation> hourly, Meter meter, int carryOverHours) {
    int days = schedule.days();
    if (hourly.size() != days * 24) {
      throw new IllegalArgumentException(
          "need 24 observations per pilot day: " + hourly.size() + " for " + days + " days");
    }
    if (carryOverHours < 0 || carryOverHours >= 24 * schedule.periodDays()) {
      throw new IllegalArgumentException(
          "carry-over must be shorter than a period: " + carryOverHours + " h");
    }
    for (int i = 1; i < hourly.size(); i++) {
      if (!Duration.between(hourly.get(i - 1).time(), hourly.get(i).time())
          .equals(Duration.ofHours(1))) {
        throw new IllegalArgumentException("observations must be hourly: " + hourly.get(i).time());
      }
    }
    // Hours since the last switch-over (a large number before the first).
    int[] since = new int[hourly.size()];
    int last = Integer.MIN_VALUE / 2;
    for (int d = 0; d < days; d++) {
      if (schedule.switchOver(d)) {
        last = d * 24;
      }
      for (int h = 0; h < 24; h++) {
        since[d * 24 + h] = d * 24 + h - last;
      }
    }
    List<Observation> fixed = new ArrayList<>();
    List<Observation> controller = new ArrayList<>();
    for (int i = 0; i < hourly.size(); i++) {
      if (since[i] >= carryOverHours && usable(hourly.get(i), meter)) {
        (schedule.arm(i / 24) == Arm.FIXED ? fixed : controller).add(hourly.get(i));
      }
    }
    Baseline baseline = Baseline.fit(fixed, meter);
    Savings savings = Savings.of(baseline, controller);

    List<Day> records = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      double metered = 0;
      double modelled = 0;
      double outdoor = 0;
      int outdoorHours = 0;
      int kept = 0;
      for (int h = 0; h < 24; h++) {
        Observation o = hourly.get(d * 24 + h);
        if (Double.isFinite(o.outdoorC())) {
          outdoor += o.outdoorC();
          outdoorHours++;
        }
        if (since[d * 24 + h] >= carryOverHours && usable(o, meter)) {
          metered += meter.energy(o);
          modelled += baseline.predict(o);
          kept++;
        }
      }
      records.add(
          new Day(
              d,
              schedule.arm(d),
              schedule.switchOver(d),
              kept,
              metered,
              modelled,
              outdoorHours == 0 ? Double.NaN : outdoor / outdoorHours));
    }

    // The paired check: complete blocks; in each period the same hours (from the carry-over on).
    int periodHours = 24 * schedule.periodDays();
    int blocks = days / (2 * schedule.periodDays());
    double fixedSum = 0;
    double controllerSum = 0;
    int pairs = 0;
    for (int b = 0; b < blocks; b++) {
      double fixedBlock = 0;
      double controllerBlock = 0;
      boolean whole = true;
      for (int i = b * 2 * periodHours; i < (b + 1) * 2 * periodHours && whole; i++) {
        if (i % periodHours >= carryOverHours) {
          whole = usable(hourly.get(i), meter);
          double e = meter.energy(hourly.get(i));
          if (schedule.arm(i / 24) == Arm.FIXED) {
            fixedBlock += e;
          } else {
            controllerBlock += e;
          }
        }
      }
      if (whole) {
        fixedSum += fixedBlock;
        controllerSum += controllerBlock;
        pairs++;
      }
    }
    double paired = pairs == 0 ? Double.NaN : (fixedSum - controllerSum) / fixedSum;
    return new PilotEstimate(
        schedule, meter, carryOverHours, baseline, savings, paired, pairs, List.copyOf(records));
  }

  /** Whether the hour can be used: its energy and the outdoor conditions are known. */
  private static boolean usable(Observation o, Meter meter) {
    return Double.isFinite(meter.energy(o))
        && Double.isFinite(o.outdoorC())
        && Double.isFinite(o.outdoorDewPointC());
  }
}
