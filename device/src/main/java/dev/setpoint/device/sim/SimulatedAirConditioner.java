package dev.setpoint.device.sim;

import dev.setpoint.device.actuator.Actuator;

/** The air conditioner of a {@link SimulatedRoom}: an applied setpoint steers the simulation. */
public final class SimulatedAirConditioner implements Actuator {
  private final SimulatedRoom room;

  public SimulatedAirConditioner(SimulatedRoom room) {
    this.room = room;
  }

  @Override
  public void apply(double setpoint) {
    room.setpoint(setpoint);
  }
}
