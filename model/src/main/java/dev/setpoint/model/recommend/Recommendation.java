package dev.setpoint.model.recommend;

/**
 * One decision of the {@link SetpointPolicy}.
 *
 * @param setpointC the recommended setpoint, °C
 * @param predictedInletC the model's predicted inlet temperature for it, °C; NaN for a fallback
 * @param reason why
 */
public record Recommendation(double setpointC, double predictedInletC, Reason reason) {}
