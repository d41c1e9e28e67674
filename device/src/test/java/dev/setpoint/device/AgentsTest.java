package dev.setpoint.device;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.device.config.ConfigException;
import dev.setpoint.device.config.Settings;
import dev.setpoint.device.edge.RegistrationException;
import dev.setpoint.device.meter.TestSlave;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root: the settings in, running agents against the stand-in ingest out. */
class AgentsTest {
  @TempDir Path dir;
  private StandInIngest ingest;

  @BeforeEach
  void start() throws Exception {
    ingest = new StandInIngest();
  }

  @AfterEach
  void stop() {
    ingest.close();
  }

  private Agents start(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--ingest.url=" + ingest.uri(),
                "--state.dir=" + dir.resolve("state"),
                "--interval=1s"));
    args.addAll(List.of(extra));
    return Agents.start(Settings.resolve(args.toArray(String[]::new), Map.of()));
  }

  @Test
  void aFleetRegistersItsDevicesAndTheirEventsArrive() throws Exception {
    try (Agents agents =
        start("--simulate=3", "--fleet.prefix=lab", "--enrolment.code=" + ingest.code())) {
      assertEquals(
          List.of("lab-0001", "lab-0002", "lab-0003"),
          agents.agents().stream().map(a -> a.identity().name()).toList());
      assertEquals(List.of("lab-0001", "lab-0002", "lab-0003"), ingest.registered());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  ingest.stored().stream().map(StandInIngest.Stored::device).distinct().count()
                      == 3);
      assertEquals(24.0, agents.agents().get(0).guard().applied());
    }
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state"))));
    assertEquals(
        List.of("lab-0001.journal", "lab-0002.journal", "lab-0003.journal"),
        Files.list(dir.resolve("state/journal"))
            .map(p -> p.getFileName().toString())
            .sorted()
            .toList());
  }

  @Test
  void aFleetWithRackSensorsRegistersEachRoomsControllerAndRacksInTheRoom() throws Exception {
    List<String> names =
        List.of(
            "lab-0001",
            "lab-0001-rack1",
            "lab-0001-rack2",
            "lab-0001-rack3",
            "lab-0002",
            "lab-0002-rack1",
            "lab-0002-rack2",
            "lab-0002-rack3");
    try (Agents agents =
        start(
            "--simulate=2",
            "--fleet.rack-sensors=3",
            "--fleet.prefix=lab",
            "--device.site=hq",
            "--enrolment.code=" + ingest.code())) {
      assertEquals(names, agents.agents().stream().map(a -> a.identity().name()).toList());
      assertEquals(names, ingest.registered());
      for (String name : names) {
        String room = name.substring(0, "lab-000N".length());
        boolean controller = name.equals(room);
        assertEquals(
            controller ? "room-controller" : "room-sensor", ingest.profiles().get(name), name);
        assertEquals(List.of("site:hq", "room:" + room), ingest.labels().get(name), name);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  ingest.stored().stream().map(StandInIngest.Stored::device).distinct().count()
                      == names.size());
      for (StandInIngest.Stored event : ingest.stored()) {
        List<String> resources =
            event.event().getJsonArray("readings").stream()
                .map(r -> r.asJsonObject().getString("resourceName"))
                .toList();
        assertEquals(
            event.device().contains("-rack")
                ? List.of("temperature", "humidity")
                : List.of(
                    "temperature",
                    "humidity",
                    "setpoint",
                    "cooling_power",
                    "cooling_energy",
                    "it_power",
                    "compute_power",
                    "it_energy"),
            resources,
            event.device());
      }
      for (String rack : List.of("lab-0001-rack1", "lab-0002-rack3")) {
        assertEquals(0, ingest.commandReads(rack), rack + " never reads a command");
      }
      assertTrue(ingest.commandReads("lab-0001") > 0);
    }
    assertEquals(
        names.stream().map(n -> n + ".journal").sorted().toList(),
        Files.list(dir.resolve("state/journal"))
            .map(p -> p.getFileName().toString())
            .sorted()
            .toList());
  }

  /** A DHT22's IIO directory as the kernel driver shows it, reading 23.4 °C and 41.7 %RH. */
  private Path dht22() throws Exception {
    Path iio = Files.createDirectories(dir.resolve("sys/bus/iio/devices/iio:device0"));
    Files.writeString(iio.resolve("in_temp_input"), "23400\n");
    Files.writeString(iio.resolve("in_humidityrelative_input"), "41700\n");
    return iio;
  }

  /** What the agents log while the action runs. */
  private static List<LogRecord> logged(ThrowingRunnable action) throws Exception {
    Logger logger = Logger.getLogger(Agents.class.getName());
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      action.run();
    } finally {
      logger.removeHandler(handler);
    }
    return records;
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void aRealRoomSensorRegistersInItsRoomPostsReadingsOnlyAndNeverReadsACommand() throws Exception {
    ingest.command("pi-rack-1", "20"); // there to be read, were it ever asked for
    List<LogRecord> log =
        logged(
            () -> {
              try (Agents agents =
                  start(
                      "--device.role=sensor",
                      "--device.name=pi-rack-1",
                      "--device.site=hq",
                      "--device.room=hall-2",
                      "--sensor=dht22",
                      "--sensor.iio.device=" + dht22(),
                      // Not read for a room sensor: none of these stops it.
                      "--actuator=valve",
                      "--actuator.relay.pin=99",
                      "--setpoint.initial=30",
                      "--enrolment.code=" + ingest.code())) {
                DeviceAgent agent = agents.agents().get(0);
                assertEquals("pi-rack-1", agent.identity().name());
                assertFalse(agent.identity().controls());
                assertThrows(IllegalStateException.class, agent::guard);
                await().atMost(Duration.ofSeconds(10)).until(() -> ingest.stored().size() >= 2);
              }
            });
    assertEquals(List.of("pi-rack-1"), ingest.registered());
    assertEquals("room-sensor", ingest.profiles().get("pi-rack-1"));
    assertEquals(List.of("site:hq", "room:hall-2"), ingest.labels().get("pi-rack-1"));
    for (StandInIngest.Stored stored : ingest.stored()) {
      assertEquals(
          "/api/v3/event/setpoint-device-agent/room-sensor/pi-rack-1/climate", stored.path());
      assertEquals(
          List.of("temperature:23.40", "humidity:41.70"),
          stored.event().getJsonArray("readings").stream()
              .map(r -> r.asJsonObject())
              .map(r -> r.getString("resourceName") + ":" + r.getString("value"))
              .toList());
    }
    assertEquals(0, ingest.commandReads("pi-rack-1"), "a room sensor never asks Core Command");
    assertTrue(
        log.stream()
            .anyMatch(
                r ->
                    r.getMessage().contains("1 agent(s)")
                        && r.getMessage()
                            .contains("room-sensor with sensor dht22 at " + dir.resolve("sys"))),
        "the start names the role");
    assertTrue(
        log.stream().noneMatch(r -> r.getLevel() == Level.WARNING), "it is in a room: no warning");
  }

  @Test
  void aRoomSensorWithoutARoomStartsWithAWarningThatNothingCommandsIt() throws Exception {
    List<LogRecord> log =
        logged(
            () -> {
              try (Agents agents =
                  start(
                      "--device.role=sensor",
                      "--device.name=pi-rack-9",
                      "--sensor.iio.device=" + dht22(),
                      "--enrolment.code=" + ingest.code())) {
                assertEquals(1, agents.agents().size());
              }
            });
    assertEquals(List.of(), ingest.labels().get("pi-rack-9"));
    assertEquals("room-sensor", ingest.profiles().get("pi-rack-9"));
    List<String> warnings =
        log.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    assertEquals(
        List.of(
            "pi-rack-9 is a room sensor without device.room: a room of its own with no"
                + " controller, so analytics records its readings but never commands its room"
                + " (set device.room to the room its controller is in)"),
        warnings);
  }

  @Test
  void aWrongSettingStopsTheStartBeforeAnythingIsCreated() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> start("--sensor=simulated", "--setpoint.initial=30"));
    assertEquals(
        "setpoint.initial = '30' (from flag --setpoint.initial) is outside the safe range"
            + " 18.0..27.0 °C",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("state")));
  }

  @Test
  void withoutAnEnrolmentCodeAFirstStartSaysWhatToSet() {
    RegistrationException e =
        assertThrows(
            RegistrationException.class,
            () -> start("--sensor=simulated", "--device.name=room-1").close());
    assertTrue(
        e.getMessage()
            .startsWith(
                "1 device(s) have no token yet (first start), and no enrolment code to enrol"
                    + " them: set enrolment.code-file"),
        e.getMessage());
    assertEquals(List.of(), ingest.registered());
  }

  @Test
  void anOperatorTokenIsRefusedWithWhatToDoInstead() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> start("--sensor=simulated", "--operator.token-file=/tmp/op.jwt").close());
    assertTrue(
        e.getMessage().startsWith("operator.token-file is no longer supported"), e.getMessage());
    assertTrue(e.getMessage().contains("enrolment.code-file"), e.getMessage());
    assertEquals(0, ingest.enrolments());
  }

  @Test
  void aRestartedFleetWithStoredTokensNeedsNoCode() throws Exception {
    try (Agents agents = start("--simulate=2", "--enrolment.code=" + ingest.code())) {
      assertEquals(2, agents.agents().size());
    }
    try (Agents agents = start("--simulate=2")) {
      assertEquals(2, agents.agents().size());
    }
    assertEquals(1, ingest.enrolments());
  }

  /** A reading of a stored event, or NaN where the event has none. */
  private static double value(StandInIngest.Stored stored, String resource) {
    return stored.event().getJsonArray("readings").stream()
        .map(r -> r.asJsonObject())
        .filter(r -> r.getString("resourceName").equals(resource))
        .mapToDouble(r -> Double.parseDouble(r.getString("value")))
        .findFirst()
        .orElse(Double.NaN);
  }

  @Test
  void theSimKeysTripASimulatedRoomsCoolingAndItsEventsShowIt() throws Exception {
    // The settings' way in, on the wall clock (SimulatedRoomTest times it on a test clock):
    // tripped 1 s after start for 2 s, 300 °C a minute, so some 10 °C in those 2 s.
    Logger roomLog = Logger.getLogger(dev.setpoint.device.sim.SimulatedRoom.class.getName());
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel() == Level.INFO) {
              logged.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    roomLog.addHandler(handler);
    try (Agents agents =
        start(
            "--sensor=simulated",
            "--device.name=room-1",
            "--enrolment.code=" + ingest.code(),
            "--sim.trip-after=1s",
            "--sim.trip-duration=2s",
            "--sim.trip-heat-rate=300")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  ingest.stored().stream()
                          .anyMatch(
                              e -> value(e, "cooling_power") == 0 && value(e, "temperature") > 27)
                      && value(ingest.stored().getLast(), "cooling_power") > 0
                      && logged.size() == 2);
    } finally {
      roomLog.removeHandler(handler);
    }
    assertTrue(logged.get(0).startsWith("room-1: cooling tripped at "), logged.toString());
    assertTrue(logged.get(1).startsWith("room-1: cooling restored at "), logged.toString());
  }

  @Test
  void aRealControllerWithAModbusMeterPostsTheMetersValuesWithItsClimate() throws Exception {
    try (TestSlave slave = new TestSlave()) {
      slave.input(0x0034, TestSlave.float32(4_321f)); // SDM630 total system power, W
      slave.input(0x0048, TestSlave.float32(1_234.5f)); // total import, kWh
      slave.input(0x0080, TestSlave.float32(17_469f)); // a UPS's output power, W
      // IT power, but no compute_power: a meter cannot tell the server fans' share of it apart
      List<String> expected =
          List.of(
              "temperature:23.40",
              "humidity:41.70",
              "setpoint:24.00",
              "cooling_power:4.321",
              "cooling_energy:1234.500",
              "it_power:17.469");
      List<LogRecord> log =
          logged(
              () -> {
                try (Agents agents =
                    start(
                        "--device.name=pi-room-1",
                        "--sensor.iio.device=" + dht22(),
                        "--meter=tcp",
                        "--meter.tcp.host=127.0.0.1",
                        "--meter.tcp.port=" + slave.port(),
                        "--meter.timeout=500ms",
                        "--meter.it-power.register=input",
                        "--meter.it-power.address=0x80",
                        "--meter.it-power.encoding=float32",
                        "--meter.it-power.scale=0.001",
                        "--enrolment.code=" + ingest.code())) {
                  await().atMost(Duration.ofSeconds(10)).until(() -> ingest.stored().size() >= 2);
                  DeviceAgent agent = agents.agents().get(0);
                  assertTrue(agent.meterReadings() >= 2);
                  assertEquals(0, agent.meterFailures());
                }
              });
      assertEquals("room-controller", ingest.profiles().get("pi-room-1"));
      for (StandInIngest.Stored stored : ingest.stored()) {
        assertEquals(
            expected,
            stored.event().getJsonArray("readings").stream()
                .map(r -> r.asJsonObject())
                .map(r -> r.getString("resourceName") + ":" + r.getString("value"))
                .toList());
      }
      assertTrue(
          log.stream()
              .anyMatch(
                  r ->
                      r.getMessage()
                          .contains(
                              "and modbus-tcp 127.0.0.1:"
                                  + slave.port()
                                  + " unit 1 eastron-sdm630")),
          "the start names the meter");
    }
  }

  @Test
  void aWrongMeterSettingStopsTheStartNamingIt() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> start("--sensor.iio.device=/nonexistent", "--meter=tcp", "--meter.bogus=1"));
    assertEquals("unknown flag --meter.bogus (see --help)", e.getMessage());
    e = assertThrows(ConfigException.class, () -> start("--meter=tcp"));
    assertEquals(
        "meter.tcp.host = '' (from default) must name the meter's host with meter=tcp",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("state")));
  }
}
