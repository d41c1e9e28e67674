package dev.setpoint.analytics.domain;

import java.time.Instant;

/**
 * One decision of the recommender for one device, as stored (InfluxDB measurement {@code
 * recommendation}) and sent ({@code setpoint.commands}).
 *
 * @param device the device
 * @param site its site, or {@code null}
 * @param time when it was decided
 * @param recommendedC the recommended setpoint, °C
 * @param predictedC the predicted inlet temperature for it, °C; NaN for a fallback
 * @param modelVersion the model's version, or {@code none} when no model was loaded
 * @param reason the policy's reason code ({@code model}, {@code window_incomplete}, …)
 * @param currentSetpointC the setpoint the decision started from, °C
 * @param predictedCurrentC the predicted inlet temperature had the current setpoint been kept, °C;
 *     NaN for a fallback or a current setpoint off the candidates
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
    double predictedCurrentC) {}
