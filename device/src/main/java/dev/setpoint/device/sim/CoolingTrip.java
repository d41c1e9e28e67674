package dev.setpoint.device.sim;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A cooling trip of a {@link SimulatedRoom}, all on the wall clock: every unit of its air
 * conditioner goes out {@code after} the room's start and, with a {@code duration}, runs again that
 * much later. While out, the units remove no heat and draw no power, so the room's inlet rises and
 * its meter reads no cooling power. With a {@code heatRateCPerMinute} the inlet rises by that rate
 * instead of by the room's heat balance, whatever the room's speed, and after the restore falls
 * back at least as fast to where the trip began ({@link
 * dev.setpoint.model.sim.RoomSimulator#setTripAirRate}): for tests that must see a breach come and
 * go within minutes.
 *
 * @param after wall-clock time from the room's start to the trip, above 0
 * @param duration how long the units stay out; empty: until the agent stops
 * @param heatRateCPerMinute °C per wall-clock minute the room air rises while the units are out;
 *     empty: as fast as the room's heat capacity gives (up to about 0.6 °C a minute at speed 1)
 */
public record CoolingTrip(
    Duration after, Optional<Duration> duration, OptionalDouble heatRateCPerMinute) {
  public CoolingTrip {
    if (after.isNegative() || after.isZero()) {
      throw new IllegalArgumentException("a trip comes after the start: " + after);
    }
    if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
      throw new IllegalArgumentException("a trip lasts a positive time: " + duration.get());
    }
    if (heatRateCPerMinute.isPresent()
        && !(heatRateCPerMinute.getAsDouble() > 0
            && Double.isFinite(heatRateCPerMinute.getAsDouble()))) {
      throw new IllegalArgumentException(
          "a trip's heat rate is above 0 °C a minute: " + heatRateCPerMinute.getAsDouble());
    }
  }
}
