package dev.setpoint.device;

import dev.setpoint.device.config.DevicesConfig;
import dev.setpoint.device.config.SiteLocation;
import dev.setpoint.device.sensor.Sensor;
import dev.setpoint.device.sim.CoolingTrip;
import dev.setpoint.device.sim.SimulatedAirConditioner;
import dev.setpoint.device.sim.SimulatedMeter;
import dev.setpoint.device.sim.SimulatedRackSensor;
import dev.setpoint.device.sim.SimulatedRoom;
import dev.setpoint.device.sim.SimulatedRoomSensor;
import dev.setpoint.device.sim.SiteOutdoor;
import dev.setpoint.model.sim.OutdoorSource;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.SiteClimate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Simulated rooms, the model's {@link RoomSimulator} stepped with the clock, each sensed by its
 * controller's inlet sensor, driven by its controller's air conditioner and metered by its
 * controller's meter (the simulator's true cooling and IT power and counters): one room named like
 * a real device, or a fleet {@code <prefix>-0001 ...} whose rooms differ by a seed. A fleet's room
 * may also have sensor-only rack devices {@code <room>-rack1 ...}, each reading its rack of the
 * same simulated room. One room may instead be sensed by a room sensor alone: its inlet reading
 * (the hottest rack's), with its air conditioner left at the initial setpoint.
 *
 * <p>Every room feels its site's outdoor weather ({@link SiteOutdoor}) at the wall clock's instant:
 * the weather the relay's simulated provider attaches to the site's telemetry, so what a room feels
 * is what its telemetry says, and the rooms of a site all feel one weather.
 *
 * <p>With a {@link CoolingTrip} ({@code sim.trip-*}) every room's cooling trips the same time after
 * its start (the process's start: a fleet's rooms trip together) and comes back alike.
 *
 * @param initialSetpoint each air conditioner's setpoint until a command arrives
 * @param host the host, for the registration records
 * @param trip when every room's cooling trips; empty: never
 */
record SimulatedRooms(
    Clock clock, double initialSetpoint, String host, Optional<CoolingTrip> trip) {
  /** Rooms whose cooling never trips. */
  SimulatedRooms(Clock clock, double initialSetpoint, String host) {
    this(clock, initialSetpoint, host, Optional.empty());
  }

  /**
   * One room, seeded by its name (the same name, the same room), sensed by the device: as its
   * controller, or as a room sensor that reads the room's inlet and drives nothing.
   */
  Room one(DeviceIdentity id, SiteLocation location) {
    // RoomSimulator.gwangju's room, outdoors at its site.
    SimulatedRoom room =
        simulated(
            id.name(),
            id.site(),
            location,
            outdoor ->
                new RoomSimulator(
                    RoomParameters.defaults(),
                    SiteClimate.GWANGJU,
                    0,
                    22.0,
                    id.name().hashCode(),
                    outdoor));
    if (id.controls()) {
      return controller(id, room);
    }
    return sensorOnly(id, new SimulatedRoomSensor(room, id.name()));
  }

  /**
   * The fleet: every room its own day of the year, setpoint 20..26 °C and seed; its controller,
   * then its rack sensors, if any, which are all in the room named like the controller.
   */
  List<Room> fleet(DevicesConfig.Fleet config) {
    SplittableRandom seeds = new SplittableRandom(config.seed());
    List<Room> devices = new ArrayList<>(config.size() * (1 + config.rackSensors()));
    for (int i = 1; i <= config.size(); i++) {
      String name = String.format("%s-%04d", config.prefix(), i);
      // A room of its own (no label) unless it has rack sensors to share it with.
      String room = config.rackSensors() > 0 ? name : "";
      int startDay = seeds.nextInt(365);
      double initialAirC = 20 + seeds.nextDouble() * 6;
      long seed = seeds.nextLong();
      SimulatedRoom simulated =
          simulated(
              name,
              config.site(),
              config.location(),
              outdoor ->
                  new RoomSimulator(
                      DevicesConfig.Fleet.ROOM,
                      SiteClimate.GWANGJU,
                      startDay,
                      initialAirC,
                      seed,
                      outdoor));
      devices.add(
          controller(
              DeviceIdentity.controller(name, config.service(), config.site(), room), simulated));
      for (int rack = 1; rack <= config.rackSensors(); rack++) {
        DeviceIdentity id =
            DeviceIdentity.sensor(name + "-rack" + rack, config.service(), config.site(), room);
        devices.add(sensorOnly(id, new SimulatedRackSensor(simulated, rack, name)));
      }
    }
    return devices;
  }

  /**
   * A room started now, at the millisecond (so that its instant is the wall clock's to the
   * millisecond), outdoors at the device's site, named {@code name} in its log.
   */
  private SimulatedRoom simulated(
      String name,
      String site,
      SiteLocation location,
      Function<OutdoorSource, RoomSimulator> room) {
    Instant start = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    OutdoorSource outdoor =
        new SiteOutdoor(
            SiteOutdoor.relaySiteName(site), location.latitude(), location.longitude(), start);
    return new SimulatedRoom(room.apply(outdoor), clock, start, 1, initialSetpoint, name, trip);
  }

  private Room controller(DeviceIdentity id, SimulatedRoom room) {
    return new Room(
        id,
        new SimulatedRoomSensor(room, id.name()),
        Optional.of(new SimulatedAirConditioner(room)),
        Optional.of(new SimulatedMeter(room, clock, id.name())),
        id.device(host, "simulated"));
  }

  private Room sensorOnly(DeviceIdentity id, Sensor sensor) {
    return new Room(id, sensor, Optional.empty(), Optional.empty(), id.device(host, "simulated"));
  }
}
