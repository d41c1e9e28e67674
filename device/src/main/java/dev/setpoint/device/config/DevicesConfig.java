package dev.setpoint.device.config;

import dev.setpoint.device.meter.MeterConfig;
import dev.setpoint.model.sim.RoomParameters;
import java.util.Optional;

/**
 * Which devices this process speaks for: one real device, one simulated room ({@code sensor =
 * simulated}), or ({@code simulate > 0}) a fleet of simulated rooms. All belong to the same device
 * service and site. One device is in the room {@code device.room} names (none when empty) and is
 * its controller or, with {@code device.role = sensor}, one more inlet sensor of it; a fleet names
 * its rooms and their devices' roles itself.
 */
public sealed interface DevicesConfig {
  String service();

  String site();

  /**
   * One device with its sensor and, as its room's controller, its actuator.
   *
   * @param name {@code device.name}; empty means the host name
   * @param room {@code device.room}; empty means none
   * @param actuator the controller's; empty for a room sensor ({@code device.role = sensor}), which
   *     posts readings only
   * @param meter the controller's energy meter ({@code meter.*}); empty with {@code meter = none}
   *     and always for a room sensor, which reports no energy
   */
  record Real(
      String service,
      String site,
      String room,
      String name,
      SensorConfig sensor,
      Optional<ActuatorConfig> actuator,
      Optional<MeterConfig> meter)
      implements DevicesConfig {
    public Real {
      if (meter.isPresent() && actuator.isEmpty()) {
        throw new IllegalArgumentException("a room sensor has no meter");
      }
    }
  }

  /**
   * One simulated room, driven by its own air conditioner whatever {@code actuator} says, and (as
   * its controller) metered by its own simulated meter whatever {@code meter} says.
   *
   * @param location {@code device.site-location}: the room feels the site's weather there
   * @param name {@code device.name}; empty means the host name
   * @param room {@code device.room}; empty means none
   * @param controls whether the device is the room's controller; false for a room sensor ({@code
   *     device.role = sensor}), which posts the room's reading only and drives nothing
   */
  record Simulated(
      String service,
      String site,
      SiteLocation location,
      String room,
      String name,
      boolean controls)
      implements DevicesConfig {}

  /**
   * {@code size} simulated rooms {@code <prefix>-0001 ...}, seeded from {@code seed}, each a
   * controller device named like the room. With {@code rackSensors} N above 0 each room also has N
   * sensor-only devices {@code <room>-rack1 ... -rackN}, one per rack of the simulated room, and
   * all the room's devices carry the label {@code room:<room>}; with 0 the controller is the room
   * on its own (no room label).
   *
   * @param location {@code device.site-location}: every room feels the site's weather there
   * @param rackSensors {@code fleet.rack-sensors}, at most the {@link #ROOM}'s racks
   */
  record Fleet(
      String service,
      String site,
      SiteLocation location,
      int size,
      String prefix,
      int seed,
      int rackSensors)
      implements DevicesConfig {
    /** Every simulated room of a fleet: the model's default room (its racks bound rackSensors). */
    public static final RoomParameters ROOM = RoomParameters.defaults();
  }
}
