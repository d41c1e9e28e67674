package dev.setpoint.analytics.domain;

import java.time.Instant;

/**
 * One decision of the recommender for one room, as stored (InfluxDB measurement {@code
 * recommendation}) and, in the room's {@code auto} mode, sent ({@code setpoint.commands}).
 *
 * @param device the room's controller (the device that reports its setpoint), or the room itself
 *     when no device of it reports one
 * @param site its site, or {@code null}
 * @param time when it was decided
 * @param recommendedC the recommended setpoint, °C
 * @param predictedC the predicted hottest inlet temperature for it, °C; NaN for a fallback
 * @param modelVersion the model's version, or {@code none} when no model was loaded
 * @param reason the policy's reason code ({@code model}, {@code window_incomplete}, …)
 * @param currentSetpointC the setpoint the decision started from, °C
 * @param predictedCurrentC the predicted hottest inlet had the current setpoint been kept, °C; NaN
 *     for a fallback or a current setpoint off the candidates
 * @param predictedPowerKw the predicted mean power the setpoint can change (cooling plus server
 *     fans above idle) over the model's power horizon with the recommended setpoint held, kW; NaN
 *     for a fallback, a decision the rate limit moved, or a model without a power head
 * @param predictedPowerCurrentKw the same had the current setpoint been kept, kW; NaN when {@code
 *     predictedCurrentC} is, or without a power head
 * @param room the room decided for
 * @param mode the room's mode when decided ({@code auto}, {@code advisory}, or {@code unknown} when
 *     the control store had not been read yet)
 * @param marginC the margin below the inlet limit the prediction had to keep, °C (the learnt bound)
 * @param commanded whether the decision was sent as a command
 * @param inputs what it was decided from (the newest sample of the room's window)
 */
public record DeviceRecommendation(
    String device,
    String site,
    Instant time,
    double recommendedC,
    double predictedC,
    String modelVersion,
    String reason,
    double currentSetpointC,
    double predictedCurrentC,
    double predictedPowerKw,
    double predictedPowerCurrentKw,
    String room,
    String mode,
    double marginC,
    boolean commanded,
    DecisionInputs inputs) {

  /** The mode recorded when the room's mode was not known. */
  public static final String MODE_UNKNOWN = "unknown";
}
