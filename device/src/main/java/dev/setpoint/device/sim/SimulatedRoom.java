package dev.setpoint.device.sim;

import dev.setpoint.device.sensor.Climate;
import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.RoomState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A simulated server room, the model module's {@link RoomSimulator}, advanced in step with the wall
 * clock (or {@code speed} times faster): reading it integrates the room up to now under the
 * setpoint the simulated air conditioner holds. So a setpoint the agent applies changes what it
 * reads next: the closed loop of the real room, with no hardware. Thread-safe.
 *
 * <p>The room's instant is its start plus its simulated time: the wall clock at speed 1, ahead of
 * it at a higher speed. A room whose weather is its site's ({@link SiteOutdoor}) feels the weather
 * of that instant, so only at speed 1 is it the weather the relay reports, which is the wall
 * clock's.
 */
public final class SimulatedRoom {
  private final RoomSimulator simulator;
  private final Clock clock;
  private final double speed;
  private final Instant start;
  private final long startElapsedMs;
  private double setpoint;

  /**
   * @param simulator the room
   * @param clock the wall clock
   * @param speed simulated seconds per wall-clock second, at least 1
   * @param initialSetpoint the unit's setpoint until the agent applies one, °C
   */
  public SimulatedRoom(RoomSimulator simulator, Clock clock, double speed, double initialSetpoint) {
    this(simulator, clock, clock.instant(), speed, initialSetpoint);
  }

  /**
   * A room that started at {@code start} (when its simulator's time was its elapsed time now), for
   * a simulator whose {@link SiteOutdoor} knows that start.
   */
  public SimulatedRoom(
      RoomSimulator simulator, Clock clock, Instant start, double speed, double initialSetpoint) {
    if (!(speed >= 1)) {
      throw new IllegalArgumentException("speed must be at least 1, was " + speed);
    }
    this.simulator = simulator;
    this.clock = clock;
    this.speed = speed;
    this.start = start;
    this.startElapsedMs = simulator.elapsed().toMillis();
    this.setpoint = initialSetpoint;
  }

  /** Integrates the room up to now and answers its inlet air (the hottest rack's reading). */
  public synchronized Climate climate() {
    RoomState state = state();
    return new Climate(state.inletTemperatureC(), state.relativeHumidityPct());
  }

  /**
   * Integrates the room up to now and answers its state: every sensor of the room (its controller's
   * and its racks') reads the same room.
   */
  public synchronized RoomState state() {
    // From the start, not from the last step, so that rounding to the millisecond never adds up:
    // at speed 1 the room's instant stays the wall clock's.
    long target =
        startElapsedMs + (long) (Duration.between(start, clock.instant()).toMillis() * speed);
    long millis = target - simulator.elapsed().toMillis();
    if (millis > 0) {
      simulator.step(Duration.ofMillis(millis), setpoint);
    }
    return simulator.state();
  }

  /** The racks of the room, each with an inlet sensor. */
  public int racks() {
    return simulator.parameters().racks();
  }

  /** The setpoint the simulated air conditioner holds from now on. */
  public synchronized void setpoint(double celsius) {
    climate(); // the time so far ran under the old setpoint
    this.setpoint = celsius;
  }

  public synchronized double setpoint() {
    return setpoint;
  }
}
