package dev.setpoint.device.sim;

import dev.setpoint.device.sensor.Climate;
import dev.setpoint.device.sensor.Sensor;

/** The inlet sensor of a {@link SimulatedRoom}. */
public final class SimulatedRoomSensor implements Sensor {
  private final SimulatedRoom room;
  private final String name;

  public SimulatedRoomSensor(SimulatedRoom room, String name) {
    this.room = room;
    this.name = name;
  }

  /** The room it senses. */
  public SimulatedRoom room() {
    return room;
  }

  @Override
  public Climate read() {
    return room.climate();
  }

  @Override
  public String describe() {
    return "simulated room " + name;
  }
}
