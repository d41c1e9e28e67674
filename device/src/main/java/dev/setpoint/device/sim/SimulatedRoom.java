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
 */
public final class SimulatedRoom {
  private final RoomSimulator simulator;
  private final Clock clock;
  private final double speed;
  private Instant last;
  private double setpoint;

  /**
   * @param simulator the room
   * @param clock the wall clock
   * @param speed simulated seconds per wall-clock second, at least 1
   * @param initialSetpoint the unit's setpoint until the agent applies one, °C
   */
  public SimulatedRoom(RoomSimulator simulator, Clock clock, double speed, double initialSetpoint) {
    if (!(speed >= 1)) {
      throw new IllegalArgumentException("speed must be at least 1, was " + speed);
    }
    this.simulator = simulator;
    this.clock = clock;
    this.speed = speed;
    this.last = clock.instant();
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
    Instant now = clock.instant();
    long millis = (long) (Duration.between(last, now).toMillis() * speed);
    if (millis > 0) {
      simulator.step(Duration.ofMillis(millis), setpoint);
      last = now;
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
