package dev.setpoint.analytics.domain.history;

/**
 * The latest point of measurement {@code recommendation} for a device, as analytics' recommender
 * wrote it.
 *
 * @param time milliseconds since the epoch
 * @param recommended the recommended setpoint, °C
 * @param predicted the room temperature the model predicts under it, °C (null when unknown)
 * @param modelVersion the model that made it (null when none, e.g. the safe fallback)
 * @param reason why this setpoint, in words
 * @param currentSetpoint the setpoint at the time of the decision, °C
 * @param predictedCurrent the room temperature the model predicted had the current setpoint been
 *     kept, °C (null when unknown)
 * @param predictedPower the mean power the setpoint can change (cooling plus server fans above
 *     idle) the model predicts under the recommended setpoint, kW (null when unknown: a fallback,
 *     or a model without a power head)
 * @param predictedPowerCurrent the same had the current setpoint been kept, kW (null when unknown)
 */
public record Recommendation(
    long time,
    Double recommended,
    Double predicted,
    String modelVersion,
    String reason,
    Double currentSetpoint,
    Double predictedCurrent,
    Double predictedPower,
    Double predictedPowerCurrent) {}
