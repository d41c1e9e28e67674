package dev.setpoint.analytics.domain.energy;

/**
 * The tags an hour or anomaly of a meter is filed under.
 *
 * @param device the device that reports the counter
 * @param quantity what it measures
 * @param room the room the device was in at the time (its {@code room:} label, else the device
 *     itself, as the recommender counts rooms)
 * @param site its site, or {@code null}
 */
public record Meter(String device, Quantity quantity, String room, String site) {}
