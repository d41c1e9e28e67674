package dev.setpoint.analytics.application.savings;

import dev.setpoint.analytics.application.energy.RoomAnomaly;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A room's month: its energy, its measured savings, the time its inlet spent outside the envelope,
 * the setpoint changes, and the meters' alerts, in total and per local day.
 *
 * @param month {@code yyyy-MM}
 * @param zone the zone whose months and days the report cuts
 * @param from the month's first instant
 * @param to the instant after it (data up to now for the running month)
 * @param energy the month's energy
 * @param savings the baseline method's savings over the month (when the room has a baseline period)
 * @param pilot the room's pilot when it overlaps the month (its whole comparison so far), or null
 * @param envelope the inlet against ASHRAE's recommended envelope
 * @param setpoints the recommender's decisions and setpoint changes
 * @param alerts the meters' anomalies in the month (they also exclude their hours from savings)
 * @param roomAlerts the alerts raised for the room in the month (README "Alerts"), newest first
 * @param days one row per local day
 */
public record MonthReport(
    String room,
    String month,
    String zone,
    Instant from,
    Instant to,
    Energy energy,
    RoomSavings savings,
    String savingsNote,
    PilotSummary pilot,
    Envelope envelope,
    Setpoints setpoints,
    List<RoomAnomaly> alerts,
    List<RoomAlert> roomAlerts,
    List<Day> days) {

  /** An alert raised for the room, as the report lists it. */
  public record RoomAlert(
      String id,
      String kind,
      String severity,
      String state,
      Instant raisedAt,
      Instant clearedAt,
      String acknowledgedBy,
      String message) {}

  /**
   * @param hours hours of the month up to now
   * @param completeHours those every meter wholly covered
   * @param coolingKwh the cooling meters' energy, or null without one
   * @param itKwh the IT meters' energy, or null without one
   */
  public record Energy(int hours, int completeHours, Double coolingKwh, Double itKwh) {}

  /**
   * @param minutesObserved minutes with an inlet reading
   * @param minutesAbove minutes whose hottest inlet was above {@code highC}
   * @param minutesBelow minutes whose hottest inlet was below {@code lowC}
   * @param minutesDewPointAbove minutes whose mean inlet dew point was above {@code dewPointC}
   * @param hottestC the month's hottest inlet, or null
   */
  public record Envelope(
      double lowC,
      double highC,
      double dewPointC,
      int minutesObserved,
      int minutesAbove,
      int minutesBelow,
      int minutesDewPointAbove,
      Double hottestC) {}

  /**
   * @param decisions the recommender's decisions
   * @param commanded those sent to the room's controller
   * @param changes those that moved the room's setpoint
   * @param pilotFixed those that commanded a pilot's fixed setpoint
   * @param meanSetpointC the decided setpoints' mean, or null
   */
  public record Setpoints(
      int decisions, int commanded, int changes, int pilotFixed, Double meanSetpointC) {}

  /** The pilot in a line: status, the arms so far, its cooling estimate. */
  public record PilotSummary(
      String status, String schedule, int daysEnded, MeterSavings cooling, Double pairedFraction) {}

  /**
   * One local day.
   *
   * @param complete every hour of the day ended and complete
   * @param savingsKwh the baseline method's savings over the day's usable hours (cooling), or null
   * @param minutesOutside minutes whose hottest inlet was outside the envelope
   * @param hottestC the day's hottest inlet, or null
   * @param pilotArm the pilot's arm on the day, or null
   */
  public record Day(
      LocalDate date,
      Double coolingKwh,
      Double itKwh,
      boolean complete,
      Double savingsKwh,
      int minutesOutside,
      Double hottestC,
      int setpointChanges,
      String pilotArm) {}
}
