package dev.setpoint.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.device.actuator.LogActuator;
import dev.setpoint.device.actuator.RelayThermostat;
import dev.setpoint.device.config.ActuatorConfig;
import dev.setpoint.device.config.DevicesConfig;
import dev.setpoint.device.config.SensorConfig;
import dev.setpoint.device.config.SiteLocation;
import dev.setpoint.device.meter.MeterConfig;
import dev.setpoint.device.meter.ModbusMeter;
import dev.setpoint.device.sensor.IioDhtSensor;
import dev.setpoint.device.sim.SimulatedAirConditioner;
import dev.setpoint.device.sim.SimulatedMeter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rooms' factories (rooms, sensors, actuators, simulated rooms) on Pi4J's mock platform. */
class RoomFactoryTest {
  private static final SensorConfig.Dht DHT =
      new SensorConfig.Dht("dht11", Path.of("/sys/bus/iio/devices/iio:device3"), 3, Duration.ZERO);

  private static final SiteLocation HERE = new SiteLocation(35.1595, 126.8526);
  private final Clock clock = Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC);
  private final Resources resources = new Resources();
  private Context pi4j;
  private int contextsAsked;

  private Context mockContext() {
    contextsAsked++;
    if (pi4j == null) {
      pi4j =
          Pi4J.newContextBuilder()
              .add(new MockPlatform())
              .add(MockDigitalOutputProvider.newInstance())
              .add(MockI2CProvider.newInstance())
              .build();
    }
    return pi4j;
  }

  @AfterEach
  void shutdown() {
    resources.close();
    if (pi4j != null) {
      pi4j.shutdown();
    }
  }

  private List<Room> create(DevicesConfig config) throws IOException {
    return new RoomFactory(
            "pi-host",
            new SensorFactory(this::mockContext),
            new ActuatorFactory(this::mockContext),
            Optional.of(new SimulatedRooms(clock, 24, "pi-host")),
            resources)
        .create(config);
  }

  @Test
  void aFleetIsNamedFromItsPrefixSeededAndNeedsNoPi4j() throws Exception {
    List<Room> fleet = create(new DevicesConfig.Fleet("svc", "lab", HERE, 3, "sim", 1, 0));

    assertEquals(
        List.of("sim-0001", "sim-0002", "sim-0003"),
        fleet.stream().map(r -> r.id().name()).toList());
    Device first = fleet.get(0).registration();
    assertEquals("room controller (simulated)", first.description());
    assertEquals("svc", first.serviceName());
    assertEquals("room-controller", first.profileName());
    assertEquals(List.of("site:lab"), first.labels());
    assertEquals("simulated room sim-0002", fleet.get(1).sensor().describe());
    assertInstanceOf(SimulatedAirConditioner.class, fleet.get(2).actuator().orElseThrow());
    assertInstanceOf(SimulatedMeter.class, fleet.get(2).meter().orElseThrow());
    // The same seed makes the same rooms; the rooms of one fleet differ.
    List<Room> again = create(new DevicesConfig.Fleet("svc", "lab", HERE, 3, "sim", 1, 0));
    assertEquals(fleet.get(0).sensor().read(), again.get(0).sensor().read());
    assertNotEquals(fleet.get(0).sensor().read(), fleet.get(1).sensor().read());
    assertEquals(0, contextsAsked);
  }

  @Test
  void aFleetWithRackSensorsRegistersEachRoomsControllerAndItsRacksInTheRoom() throws Exception {
    List<Room> fleet = create(new DevicesConfig.Fleet("svc", "lab", HERE, 2, "sim", 1, 3));

    assertEquals(
        List.of(
            "sim-0001",
            "sim-0001-rack1",
            "sim-0001-rack2",
            "sim-0001-rack3",
            "sim-0002",
            "sim-0002-rack1",
            "sim-0002-rack2",
            "sim-0002-rack3"),
        fleet.stream().map(r -> r.id().name()).toList());
    assertEquals(
        List.of(
            "room-controller",
            "room-sensor",
            "room-sensor",
            "room-sensor",
            "room-controller",
            "room-sensor",
            "room-sensor",
            "room-sensor"),
        fleet.stream().map(r -> r.registration().profileName()).toList());
    for (Room device : fleet) {
      String room = device.id().name().substring(0, "sim-000N".length());
      assertEquals(List.of("site:lab", "room:" + room), device.registration().labels());
      assertEquals(device.id().controls(), device.actuator().isPresent(), device.id().name());
      // Each room's controller meters it; its rack sensors do not.
      assertEquals(device.id().controls(), device.meter().isPresent(), device.id().name());
    }
    assertInstanceOf(SimulatedMeter.class, fleet.get(4).meter().orElseThrow());
    assertEquals("simulated meter of sim-0002", fleet.get(4).meter().orElseThrow().describe());
    Room rack = fleet.get(2);
    assertEquals("room sensor (simulated)", rack.registration().description());
    assertEquals("simulated rack 2 of room sim-0001", rack.sensor().describe());
    assertEquals(0, contextsAsked);
    // The controller and its racks sense one room: its reading is the hottest rack's.
    for (Room device : fleet.subList(1, 4)) {
      assertTrue(
          device.sensor().read().temperature() <= fleet.get(0).sensor().read().temperature());
    }
    List<Room> full = create(new DevicesConfig.Fleet("svc", "", HERE, 1, "sim", 1, 4));
    double hottest = Double.NEGATIVE_INFINITY;
    for (Room device : full.subList(1, 5)) {
      hottest = Math.max(hottest, device.sensor().read().temperature());
      assertEquals(full.get(0).sensor().read().humidity(), device.sensor().read().humidity());
    }
    assertEquals(full.get(0).sensor().read().temperature(), hottest);
    assertEquals(List.of("room:sim-0001"), full.get(4).registration().labels());
  }

  @Test
  void aDeviceIsLabelledWithItsSiteAndRoom() throws Exception {
    Room real =
        create(
                new DevicesConfig.Real(
                    "svc",
                    "hq",
                    "hall-2",
                    "room-7",
                    DHT,
                    Optional.of(new ActuatorConfig.Log()),
                    Optional.empty()))
            .get(0);
    assertEquals(List.of("site:hq", "room:hall-2"), real.registration().labels());
    assertEquals("hall-2", real.id().room());
    Room simulated =
        create(new DevicesConfig.Simulated("svc", "", HERE, "hall-2", "room-9", true)).get(0);
    assertEquals(List.of("room:hall-2"), simulated.registration().labels());
    assertEquals("room-controller", simulated.registration().profileName());
  }

  @Test
  void oneSimulatedRoomIsNamedAfterTheHostUnlessNamed() throws Exception {
    Room room = create(new DevicesConfig.Simulated("svc", "", HERE, "", "", true)).get(0);
    assertEquals("pi-host", room.id().name());
    assertEquals("simulated room pi-host", room.sensor().describe());
    assertEquals(List.of(), room.registration().labels());
    assertEquals(
        "room-9",
        create(new DevicesConfig.Simulated("svc", "", HERE, "", "room-9", true))
            .get(0)
            .id()
            .name());
    assertEquals(0, contextsAsked);
  }

  @Test
  void aDhtAndALogNeedNoPi4j() throws Exception {
    Room room =
        create(
                new DevicesConfig.Real(
                    "svc",
                    "",
                    "",
                    "room-7",
                    DHT,
                    Optional.of(new ActuatorConfig.Log()),
                    Optional.empty()))
            .get(0);
    assertEquals("room-7", room.id().name());
    assertInstanceOf(IioDhtSensor.class, room.sensor());
    assertEquals("dht11 at /sys/bus/iio/devices/iio:device3", room.sensor().describe());
    assertInstanceOf(LogActuator.class, room.actuator().orElseThrow());
    assertEquals(Optional.empty(), room.meter(), "meter=none");
    assertEquals("room controller (dht11)", room.registration().description());
    assertEquals(
        Map.of("setpoint-agent", Map.of("host", "pi-host", "sensor", "dht11")),
        room.registration().protocols());
    assertEquals(0, contextsAsked);
  }

  @Test
  void aRealRoomSensorHasItsSensorAndNoActuator() throws Exception {
    Room room =
        create(
                new DevicesConfig.Real(
                    "svc", "hq", "hall-2", "pi-rack-1", DHT, Optional.empty(), Optional.empty()))
            .get(0);
    assertEquals("pi-rack-1", room.id().name());
    assertFalse(room.id().controls());
    assertInstanceOf(IioDhtSensor.class, room.sensor());
    assertEquals(Optional.empty(), room.actuator());
    assertEquals(Optional.empty(), room.meter());
    assertEquals("room-sensor", room.registration().profileName());
    assertEquals("room sensor (dht11)", room.registration().description());
    assertEquals(List.of("site:hq", "room:hall-2"), room.registration().labels());
    assertEquals(0, contextsAsked);
  }

  @Test
  void aRealRoomSensorNeedsNoSimulatedRooms() throws Exception {
    List<Room> rooms =
        new RoomFactory(
                "pi-host",
                new SensorFactory(this::mockContext),
                new ActuatorFactory(this::mockContext),
                Optional.empty(),
                resources)
            .create(
                new DevicesConfig.Real(
                    "svc", "", "hall-2", "", DHT, Optional.empty(), Optional.empty()));
    assertEquals("pi-host", rooms.get(0).id().name());
    assertEquals("room-sensor", rooms.get(0).registration().profileName());
  }

  @Test
  void aSimulatedRoomSensorReadsItsRoomsInletAndDrivesNothing() throws Exception {
    Room sensor =
        create(new DevicesConfig.Simulated("svc", "", HERE, "hall-2", "pi-rack-1", false)).get(0);
    assertEquals(Optional.empty(), sensor.actuator());
    assertEquals("room-sensor", sensor.registration().profileName());
    assertEquals("room sensor (simulated)", sensor.registration().description());
    assertEquals(List.of("room:hall-2"), sensor.registration().labels());
    assertEquals("simulated room pi-rack-1", sensor.sensor().describe());
    assertEquals(Optional.empty(), sensor.meter(), "a room sensor meters nothing");
    // The same room as its controller's would be: the same name seeds it, the reading is its inlet.
    Room controller =
        create(new DevicesConfig.Simulated("svc", "", HERE, "hall-2", "pi-rack-1", true)).get(0);
    assertEquals(controller.sensor().read(), sensor.sensor().read());
    assertEquals(0, contextsAsked);
  }

  @Test
  void aRealControllerWithAMeterGetsAModbusMeterThatConnectsOnlyWhenRead() throws Exception {
    MeterConfig meter =
        MeterConfig.parse(
                Map.of(
                    "meter",
                    "tcp",
                    "meter.tcp.host",
                    "meter.invalid",
                    "meter.preset",
                    "custom",
                    "meter.power.register",
                    "holding",
                    "meter.power.address",
                    "0x100",
                    "meter.power.encoding",
                    "float32",
                    "meter.power.scale",
                    "1"),
                "test")
            .orElseThrow();
    Room room =
        create(
                new DevicesConfig.Real(
                    "svc",
                    "",
                    "",
                    "room-7",
                    DHT,
                    Optional.of(new ActuatorConfig.Log()),
                    Optional.of(meter)))
            .get(0);
    // An unresolvable host: nothing was asked of it yet, so the start goes on.
    assertInstanceOf(ModbusMeter.class, room.meter().orElseThrow());
    assertTrue(
        room.meter().orElseThrow().describe().startsWith("modbus-tcp meter.invalid:502 unit 1"),
        room.meter().orElseThrow().describe());
    assertEquals(0, contextsAsked);
  }

  @Test
  void aRelayIsDrivenOnThePi4jContext() throws Exception {
    Room room =
        create(
                new DevicesConfig.Real(
                    "svc",
                    "",
                    "",
                    "room-7",
                    DHT,
                    Optional.of(new ActuatorConfig.Relay(17, false, 1.0)),
                    Optional.empty()))
            .get(0);
    assertInstanceOf(RelayThermostat.class, room.actuator().orElseThrow());
    assertTrue(pi4j.registry().exists("cooling-relay-17"));
    assertEquals(1, contextsAsked);
  }

  /** The message of the IOException that stops the start of a real device with these parts. */
  private String openError(SensorConfig sensor, ActuatorConfig actuator) {
    return assertThrows(
            IOException.class,
            () ->
                create(
                    new DevicesConfig.Real(
                        "svc", "", "", "room-7", sensor, Optional.of(actuator), Optional.empty())))
        .getMessage();
  }

  @Test
  void aRelayThatCannotBeDrivenNamesItsGpio() {
    assertEquals(
        "cannot drive the relay on GPIO 17: hysteresis must be above 0, was 0.0",
        openError(DHT, new ActuatorConfig.Relay(17, false, 0)));
  }

  @Test
  void aBme280ThatDoesNotAnswerIsAnIoErrorWithTheSensorsReason() {
    String message = openError(new SensorConfig.Bme280(1, 0x76), new ActuatorConfig.Log());
    assertTrue(message.startsWith("bme280 at i2c-1/0x76: "), message);
    assertEquals(1, contextsAsked);
  }
}
