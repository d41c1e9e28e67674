package dev.setpoint.device.sim;

import dev.setpoint.device.sensor.Climate;
import dev.setpoint.device.sensor.Sensor;
import dev.setpoint.device.sensor.SensorException;
import dev.setpoint.model.sim.RoomState;

/**
 * The inlet sensor of one rack of a {@link SimulatedRoom}: that rack's reading (the room's own
 * reading is the hottest of them) and the room's humidity. It shares the room with the room's
 * controller, so both see the same air.
 */
public final class SimulatedRackSensor implements Sensor {
  private final SimulatedRoom room;
  private final int rack;
  private final String roomName;

  /**
   * @param rack the rack, 1 to the room's {@link SimulatedRoom#racks() racks}
   * @param roomName the room, for {@link #describe}
   */
  public SimulatedRackSensor(SimulatedRoom room, int rack, String roomName) {
    if (rack < 1 || rack > room.racks()) {
      throw new IllegalArgumentException(
          "rack " + rack + " of room " + roomName + ", which has " + room.racks() + " racks");
    }
    this.room = room;
    this.rack = rack;
    this.roomName = roomName;
  }

  /**
   * @throws SensorException when the simulated sensor gives no reading (a missing-sensor fault)
   */
  @Override
  public Climate read() throws SensorException {
    RoomState state = room.state();
    double inlet = state.rackInletsC().get(rack - 1);
    if (Double.isNaN(inlet)) {
      throw new SensorException(describe() + " gives no reading");
    }
    return new Climate(inlet, state.relativeHumidityPct());
  }

  @Override
  public String describe() {
    return "simulated rack " + rack + " of room " + roomName;
  }
}
