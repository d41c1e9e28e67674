package dev.setpoint.analytics.domain.history;

/**
 * A device that reported climate points, where, and when last.
 *
 * @param device the device name (tag {@code device})
 * @param site its site (tag {@code site}); null when its points carry none
 * @param lastSeen time of its newest point, milliseconds since the epoch
 */
public record DeviceSeen(String device, String site, long lastSeen) {}
