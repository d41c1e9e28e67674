package dev.setpoint.analytics.application.savings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A room's pilot: its schedule, what the recommender did on each day, and the comparison of the two
 * arms over the days ended so far.
 *
 * @param status {@code scheduled} (not started), {@code running}, {@code finished} or {@code
 *     stopped}
 * @param zone the zone whose midnights cut the days
 * @param daysEnded days ended so far (the comparison's days)
 * @param schedule the arms as letters, F fixed and C controller, one per day
 * @param switchOvers the days whose arm differs from the day before's (day 0: the room ran its
 *     fixed setpoint before)
 * @param days every scheduled day
 * @param estimate the controller days' savings against a baseline fitted on the fixed days' hours,
 *     per meter
 * @param pairedFraction the model-free check: within each complete block of two periods with every
 *     hour metered, the fixed period's energy less the controller's, over the fixed periods'
 *     (cooling meter), or null before a block is complete
 * @param pairs blocks in the paired check
 */
public record PilotReport(
    String room,
    String status,
    LocalDate start,
    int days,
    int periodDays,
    long seed,
    double fixedSetpointC,
    String zone,
    int carryOverHours,
    Instant from,
    Instant to,
    Instant stoppedAt,
    int daysEnded,
    String schedule,
    List<Integer> switchOvers,
    List<PilotDay> dayRecords,
    List<MeterSavings> estimate,
    Double pairedFraction,
    int pairs,
    String setBy,
    Instant setAt) {

  /**
   * One pilot day.
   *
   * @param arm {@code fixed} or {@code controller}
   * @param fixedDecisions decisions that commanded the fixed setpoint on the day
   * @param controllerDecisions the recommender's own decisions on the day
   * @param firstDecision the day's first decision (on a switch-over day: when the switch-over took
   *     effect), or null
   * @param keptHours hours compared (null before the day ended)
   * @param meteredKwh their metered cooling energy
   * @param baselineKwh their cooling energy as the fixed days' baseline models it
   * @param meanOutdoorC the day's mean outdoor temperature
   */
  public record PilotDay(
      int day,
      LocalDate date,
      String arm,
      boolean switchOver,
      int fixedDecisions,
      int controllerDecisions,
      Instant firstDecision,
      Integer keptHours,
      Double meteredKwh,
      Double baselineKwh,
      Double meanOutdoorC) {}
}
