package dev.setpoint.device;

import dev.setpoint.device.config.DevicesConfig;
import dev.setpoint.device.sim.SimulatedAirConditioner;
import dev.setpoint.device.sim.SimulatedRoom;
import dev.setpoint.device.sim.SimulatedRoomSensor;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.SiteClimate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated rooms, the model's {@link RoomSimulator} stepped with the clock, each sensed by its
 * inlet sensor and driven by its own air conditioner: one room named like a real device, or a fleet
 * {@code <prefix>-0001 ...} whose rooms differ by a seed.
 *
 * @param initialSetpoint each air conditioner's setpoint until a command arrives
 * @param host the host, for the registration records
 */
record SimulatedRooms(Clock clock, double initialSetpoint, String host) {
  /** One room, seeded by its name (the same name, the same room). */
  Room one(DeviceIdentity id) {
    return room(id, RoomSimulator.gwangju(id.name().hashCode()));
  }

  /** The fleet: every room its own day of the year, setpoint 20..26 °C and seed. */
  List<Room> fleet(DevicesConfig.Fleet config) {
    SplittableRandom seeds = new SplittableRandom(config.seed());
    List<Room> rooms = new ArrayList<>(config.size());
    for (int i = 1; i <= config.size(); i++) {
      DeviceIdentity id =
          new DeviceIdentity(
              String.format("%s-%04d", config.prefix(), i), config.service(), config.site());
      rooms.add(
          room(
              id,
              new RoomSimulator(
                  RoomParameters.defaults(),
                  SiteClimate.GWANGJU,
                  seeds.nextInt(365),
                  20 + seeds.nextDouble() * 6,
                  seeds.nextLong())));
    }
    return rooms;
  }

  private Room room(DeviceIdentity id, RoomSimulator simulator) {
    SimulatedRoom room = new SimulatedRoom(simulator, clock, 1, initialSetpoint);
    return new Room(
        id,
        new SimulatedRoomSensor(room, id.name()),
        new SimulatedAirConditioner(room),
        id.device(host, "simulated"));
  }
}
