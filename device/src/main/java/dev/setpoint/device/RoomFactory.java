package dev.setpoint.device;

import dev.setpoint.device.actuator.Actuator;
import dev.setpoint.device.config.DevicesConfig;
import dev.setpoint.device.sensor.Sensor;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The devices of the rooms this process speaks for: one real device (named after the host unless
 * {@code device.name} says otherwise, in the room {@code device.room} names) with its sensor and
 * actuator, one simulated room, or a simulated fleet (a controller per room, and its rack sensors).
 * What it opens is handed to the resources at once, so a failure later closes it.
 */
record RoomFactory(
    String host,
    SensorFactory sensors,
    ActuatorFactory actuators,
    SimulatedRooms simulated,
    Resources resources) {
  List<Room> create(DevicesConfig config) throws IOException {
    return switch (config) {
      case DevicesConfig.Fleet fleet -> owned(simulated.fleet(fleet));
      case DevicesConfig.Simulated one ->
          owned(List.of(simulated.one(identity(one.name(), one.room(), one))));
      case DevicesConfig.Real real -> List.of(real(real));
    };
  }

  private List<Room> owned(List<Room> rooms) {
    for (Room room : rooms) {
      resources.add(room.sensor());
      room.actuator().ifPresent(resources::add);
    }
    return rooms;
  }

  private Room real(DevicesConfig.Real config) throws IOException {
    DeviceIdentity id = identity(config.name(), config.room(), config);
    Sensor sensor = resources.add(sensors.open(config.sensor()));
    Actuator actuator = resources.add(actuators.open(config.actuator(), id.name()));
    return new Room(id, sensor, Optional.of(actuator), id.device(host, config.sensor().kind()));
  }

  private DeviceIdentity identity(String name, String room, DevicesConfig config) {
    return DeviceIdentity.controller(
        name.isEmpty() ? host : name, config.service(), config.site(), room);
  }
}
