package dev.setpoint.device;

import dev.setpoint.device.actuator.Actuator;
import dev.setpoint.device.config.DevicesConfig;
import dev.setpoint.device.sensor.Sensor;
import java.io.IOException;
import java.util.List;

/**
 * The rooms this process speaks for: one real device (named after the host unless {@code
 * device.name} says otherwise) with its sensor and actuator, one simulated room, or a simulated
 * fleet. What it opens is handed to the resources at once, so a failure later closes it.
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
      case DevicesConfig.Simulated one -> owned(List.of(simulated.one(identity(one.name(), one))));
      case DevicesConfig.Real real -> List.of(real(real));
    };
  }

  private List<Room> owned(List<Room> rooms) {
    for (Room room : rooms) {
      resources.add(room.sensor());
      resources.add(room.actuator());
    }
    return rooms;
  }

  private Room real(DevicesConfig.Real config) throws IOException {
    DeviceIdentity id = identity(config.name(), config);
    Sensor sensor = resources.add(sensors.open(config.sensor()));
    Actuator actuator = resources.add(actuators.open(config.actuator(), id.name()));
    return new Room(id, sensor, actuator, id.device(host, config.sensor().kind()));
  }

  private DeviceIdentity identity(String name, DevicesConfig config) {
    return new DeviceIdentity(name.isEmpty() ? host : name, config.service(), config.site());
  }
}
