package dev.setpoint.device;

import dev.setpoint.device.actuator.Actuator;
import dev.setpoint.device.config.DevicesConfig;
import dev.setpoint.device.meter.Meter;
import dev.setpoint.device.meter.ModbusMeter;
import dev.setpoint.device.sensor.Sensor;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The devices of the rooms this process speaks for: one real device (named after the host unless
 * {@code device.name} says otherwise, in the room {@code device.room} names) with its sensor and,
 * as the room's controller, its actuator and its energy meter if it has one; one simulated room,
 * sensed by its controller or by a room sensor; or a simulated fleet (a controller per room, and
 * its rack sensors). What it opens is handed to the resources at once, so a failure later closes
 * it.
 *
 * @param simulated the simulated rooms; empty when the settings hold no setpoint for their air
 *     conditioners (a real room sensor's), and so no simulated room is asked for
 */
record RoomFactory(
    String host,
    SensorFactory sensors,
    ActuatorFactory actuators,
    Optional<SimulatedRooms> simulated,
    Resources resources) {
  List<Room> create(DevicesConfig config) throws IOException {
    return switch (config) {
      case DevicesConfig.Fleet fleet -> owned(simulated.orElseThrow().fleet(fleet));
      case DevicesConfig.Simulated one -> owned(List.of(simulatedRoom(one)));
      case DevicesConfig.Real real -> List.of(real(real));
    };
  }

  private Room simulatedRoom(DevicesConfig.Simulated config) {
    DeviceIdentity id = identity(config.name(), config.room(), config.controls(), config);
    return simulated.orElseThrow().one(id, config.location());
  }

  private List<Room> owned(List<Room> rooms) {
    for (Room room : rooms) {
      resources.add(room.sensor());
      room.actuator().ifPresent(resources::add);
      room.meter().ifPresent(resources::add);
    }
    return rooms;
  }

  private Room real(DevicesConfig.Real config) throws IOException {
    DeviceIdentity id =
        identity(config.name(), config.room(), config.actuator().isPresent(), config);
    Sensor sensor = resources.add(sensors.open(config.sensor()));
    Optional<Actuator> actuator = Optional.empty();
    if (config.actuator().isPresent()) {
      actuator = Optional.of(resources.add(actuators.open(config.actuator().get(), id.name())));
    }
    // Connects at its first reading, so a meter that is away does not stop the start.
    Optional<Meter> meter = config.meter().map(m -> resources.add(new ModbusMeter(m)));
    return new Room(id, sensor, actuator, meter, id.device(host, config.sensor().kind()));
  }

  private DeviceIdentity identity(
      String name, String room, boolean controls, DevicesConfig config) {
    return new DeviceIdentity(
        name.isEmpty() ? host : name,
        config.service(),
        config.site(),
        room,
        controls ? DeviceIdentity.Role.CONTROLLER : DeviceIdentity.Role.SENSOR);
  }
}
