package dev.setpoint.model.sim;

import java.time.Duration;

/**
 * Outdoor weather a {@link RoomSimulator} takes from outside instead of generating its own: the
 * device agent's simulated rooms feel their site's weather, the one the relay reports for the site,
 * so what a room feels is what its telemetry says.
 */
@FunctionalInterface
public interface OutdoorSource {
  /** The weather {@code elapsed} after the room started (its {@link RoomSimulator#elapsed()}). */
  Weather at(Duration elapsed);
}
