package dev.setpoint.device;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.device.actuator.Actuator;
import dev.setpoint.device.actuator.SafeRange;
import dev.setpoint.device.actuator.SetpointGuard;
import dev.setpoint.device.buffer.Backoff;
import dev.setpoint.device.buffer.EventJournal;
import dev.setpoint.device.buffer.Outbox;
import dev.setpoint.device.edge.EnrolmentCode;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.Registration;
import dev.setpoint.device.edge.RegistrationException;
import dev.setpoint.device.edge.TokenStore;
import dev.setpoint.device.meter.Meter;
import dev.setpoint.device.meter.MeterException;
import dev.setpoint.device.meter.MeterReading;
import dev.setpoint.device.sensor.Climate;
import dev.setpoint.device.sim.CoolingTrip;
import dev.setpoint.device.sim.SimulatedAirConditioner;
import dev.setpoint.device.sim.SimulatedMeter;
import dev.setpoint.device.sim.SimulatedRackSensor;
import dev.setpoint.device.sim.SimulatedRoom;
import dev.setpoint.device.sim.SimulatedRoomSensor;
import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.RoomState;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceAgentTest {
  @TempDir Path dir;
  private StandInIngest ingest;
  private IngestClient client;
  private TokenStore tokens;
  private final DeviceIdentity id =
      DeviceIdentity.controller("room-1", "setpoint-device-agent", "", "");
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-07-01T12:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  @BeforeEach
  void start() throws Exception {
    ingest = new StandInIngest();
    client = new IngestClient(ingest.uri(), Duration.ofSeconds(2));
    tokens = new TokenStore(dir.resolve("tokens.properties"));
  }

  @AfterEach
  void stop() {
    ingest.close();
  }

  private void register() throws Exception {
    registration(tokens, ingest.code()).ensure(List.of(id.device("pi", "test")));
  }

  private Registration registration(TokenStore store, String code) {
    return new Registration(
        client,
        store,
        new EnrolmentCode(Optional.of(code), Optional.empty()),
        new Backoff(Duration.ofMillis(20), Duration.ofMillis(80)));
  }

  private Registration registration(AtomicInteger waits) {
    // the backoff's random source is asked once per failed attempt: it counts the waits
    Backoff backoff =
        new Backoff(
            Duration.ofMillis(20),
            Duration.ofMillis(80),
            () -> {
              waits.incrementAndGet();
              return 0.5;
            });
    return new Registration(
        client, tokens, new EnrolmentCode(Optional.of(ingest.code()), Optional.empty()), backoff);
  }

  @Test
  void enrolsOnceKeepsTokensInAPrivateFileAndDeletesTheUsedCodeFile() throws Exception {
    Path codeFile = Files.writeString(dir.resolve("enrolment.code"), ingest.code() + "\n");
    new Registration(
            client,
            tokens,
            new EnrolmentCode(Optional.empty(), Optional.of(codeFile)),
            new Backoff(Duration.ofMillis(20), Duration.ofMillis(80)))
        .ensure(List.of(id.device("pi", "test")));
    assertEquals(List.of("room-1"), ingest.registered());
    assertEquals("room-controller", ingest.profiles().get("room-1"));
    assertEquals("spd_room-1", tokens.get("room-1").orElseThrow());
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.file())));
    assertFalse(Files.exists(codeFile), "the used code's file is deleted");
    // Second start: tokens known, nothing asked of ingest, and no code needed.
    int again =
        new Registration(
                client,
                new TokenStore(dir.resolve("tokens.properties")),
                new EnrolmentCode(Optional.empty(), Optional.of(codeFile)),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(80)))
            .ensure(List.of(id.device("pi", "test")));
    assertEquals(0, again);
    assertEquals(1, ingest.enrolments());
  }

  @Test
  void anExistingDeviceWithoutAStoredTokenStopsTheAgentUnlessTheCodeNamesIt() throws Exception {
    ingest.knownDevice("room-1", "spd_elsewhere");
    RegistrationException e = assertThrows(RegistrationException.class, this::register);
    assertTrue(e.getMessage().contains("(409)"), e.getMessage());
    assertTrue(e.getMessage().contains("./setpoint device enrol"), e.getMessage());
    assertTrue(tokens.get("room-1").isEmpty());
    assertEquals(List.of(), ingest.registered());

    ingest.allowRotation("room-1");
    register();
    assertEquals("spd_room-1-2", tokens.get("room-1").orElseThrow(), "a new token was issued");
  }

  @Test
  void aRefusedCodeStopsTheAgentWithIngestsReason() {
    RegistrationException e =
        assertThrows(
            RegistrationException.class,
            () ->
                registration(tokens, "spe_not-the-code").ensure(List.of(id.device("pi", "test"))));
    assertTrue(e.getMessage().contains("(401): the enrolment code is not valid"), e.getMessage());
    assertEquals(1, ingest.enrolments(), "a refusal is not retried");
  }

  @Test
  void registrationWaitsForAnIngestThatIsDownOrUnavailableAndStopsOnARefusal() throws Exception {
    // A Pi that boots before its hub: nothing listens, then 503, then ingest is up.
    ingest.stop();
    AtomicInteger waits = new AtomicInteger();
    CompletableFuture<Integer> registered =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return registration(waits).ensure(List.of(id.device("pi", "test")));
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> waits.get() >= 3);
    assertFalse(registered.isDone(), "three attempts against the closed port, still waiting");
    ingest.answerRegistrations(503);
    ingest.start();
    int closedPortWaits = waits.get();
    await().atMost(Duration.ofSeconds(10)).until(() -> waits.get() >= closedPortWaits + 3);
    assertFalse(registered.isDone(), "a 503 is waited out as well");
    assertEquals(List.of(), ingest.registered());
    ingest.answerRegistrations(0);
    assertEquals(1, registered.get(10, TimeUnit.SECONDS));
    assertEquals("spd_room-1", tokens.get("room-1").orElseThrow());

    // A refusal is not retried: the agent stops with the answer.
    DeviceIdentity other = DeviceIdentity.controller("room-2", "setpoint-device-agent", "", "");
    ingest.answerRegistrations(401);
    RegistrationException e =
        assertThrows(
            RegistrationException.class,
            () -> registration(tokens, ingest.code()).ensure(List.of(other.device("pi", "test"))));
    assertTrue(e.getMessage().contains("401"), e.getMessage());
  }

  private static final class Recording implements Actuator {
    final List<Double> applied = new ArrayList<>();

    @Override
    public void apply(double setpoint) {
      applied.add(setpoint);
    }
  }

  private DeviceAgent agent(
      dev.setpoint.device.sensor.Sensor sensor, Actuator actuator, SafeRange range)
      throws Exception {
    return agent(
        id,
        sensor,
        Optional.of(
            new DeviceAgent.Control(actuator, new SetpointGuard(id.name(), range, actuator, 24))));
  }

  private DeviceAgent agent(
      DeviceIdentity device,
      dev.setpoint.device.sensor.Sensor sensor,
      Optional<DeviceAgent.Control> control)
      throws Exception {
    return agent(device, sensor, control, Optional.empty());
  }

  private DeviceAgent agent(
      DeviceIdentity device,
      dev.setpoint.device.sensor.Sensor sensor,
      Optional<DeviceAgent.Control> control,
      Optional<Meter> meter)
      throws Exception {
    EventJournal journal = new EventJournal(dir.resolve(device.name() + ".journal"), 100);
    Outbox outbox =
        new Outbox(
            journal,
            e -> client.post(e, tokens.get(e.device()).orElse(null)),
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)),
            clock);
    return new DeviceAgent(
        device, sensor, control, meter, outbox, client, tokens, clock, Duration.ofSeconds(10));
  }

  private List<JsonObject> events() {
    return ingest.stored().stream().map(StandInIngest.Stored::event).toList();
  }

  private static String reading(JsonObject event, String resource) {
    return event.getJsonArray("readings").stream()
        .map(v -> v.asJsonObject())
        .filter(r -> r.getString("resourceName").equals(resource))
        .findFirst()
        .orElseThrow()
        .getString("value");
  }

  private static final SafeRange RANGE = new SafeRange(18, 27);

  private static final dev.setpoint.device.sensor.Sensor FIXED =
      new dev.setpoint.device.sensor.Sensor() {
        @Override
        public Climate read() {
          return new Climate(25.0, 40.0);
        }

        @Override
        public String describe() {
          return "fixed";
        }
      };

  @Test
  void appliesCommandsInsideTheSafeRangeAndAcknowledgesThemInTheNextEvent() throws Exception {
    register();
    Recording actuator = new Recording();
    DeviceAgent agent = agent(FIXED, actuator, new SafeRange(18, 27));

    agent.tick(); // no command yet (404): keeps 24, reports it
    ingest.command("room-1", "22.5");
    now.set(now.get().plusSeconds(10));
    agent.tick();
    ingest.command("room-1", "31"); // outside the safe range
    now.set(now.get().plusSeconds(10));
    agent.tick();

    assertEquals(List.of(24.0, 22.5), actuator.applied, "31 never reached the actuator");
    List<JsonObject> events = events();
    assertEquals(3, events.size());
    assertEquals(
        "/api/v3/event/setpoint-device-agent/room-controller/room-1/climate",
        ingest.stored().get(0).path());
    JsonObject first = events.get(0);
    assertEquals("room-controller", first.getString("profileName"));
    assertEquals("climate", first.getString("sourceName"));
    assertEquals(3, first.getJsonArray("readings").size());
    assertEquals("25.00", reading(first, "temperature"));
    assertEquals("40.00", reading(first, "humidity"));
    assertEquals("Float64", first.getJsonArray("readings").getJsonObject(0).getString("valueType"));
    // Acknowledgement: each event carries the setpoint in effect; 31 never shows.
    assertEquals(
        List.of("24.00", "22.50", "22.50"),
        events.stream().map(e -> reading(e, "setpoint")).toList());
    assertEquals(22.5, agent.guard().applied());
  }

  @Test
  void aFailedSampleStillReportsANewSetpoint() throws Exception {
    register();
    Recording actuator = new Recording();
    dev.setpoint.device.sensor.Sensor broken =
        new dev.setpoint.device.sensor.Sensor() {
          @Override
          public Climate read() throws dev.setpoint.device.sensor.SensorException {
            throw new dev.setpoint.device.sensor.SensorException("no answer");
          }

          @Override
          public String describe() {
            return "broken";
          }
        };
    DeviceAgent agent = agent(broken, actuator, new SafeRange(18, 27));
    agent.tick(); // nothing reported yet: the initial setpoint
    agent.tick(); // unchanged: nothing to say
    ingest.command("room-1", "20");
    agent.tick();

    List<JsonObject> events = events();
    assertEquals(2, events.size());
    assertEquals(1, events.get(1).getJsonArray("readings").size());
    assertEquals(
        List.of("24.00", "20.00"), events.stream().map(e -> reading(e, "setpoint")).toList());
    assertEquals(3, agent.sensorFailures());
  }

  @Test
  void aSimulatedRoomFollowsTheSetpointItReceives() throws Exception {
    register();
    SimulatedRoom room = new SimulatedRoom(RoomSimulator.gwangju(7), clock, 1, 24);
    DeviceAgent agent =
        agent(
            new SimulatedRoomSensor(room, "room-1"),
            new SimulatedAirConditioner(room),
            new SafeRange(18, 27));
    ingest.command("room-1", "27");
    for (int i = 0; i < 360; i++) { // one simulated hour at 27 °C
      now.set(now.get().plusSeconds(10));
      agent.tick();
    }
    double warm = room.climate().temperature();
    ingest.command("room-1", "18");
    for (int i = 0; i < 360; i++) { // one hour at 18 °C
      now.set(now.get().plusSeconds(10));
      agent.tick();
    }
    double cool = room.climate().temperature();
    assertEquals(18.0, room.setpoint());
    assertTrue(warm - cool > 4, "inlet " + warm + " °C at setpoint 27, " + cool + " °C at 18");
    assertEquals(720, ingest.stored().size());
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private List<JsonObject> events(String device) {
    return ingest.stored().stream()
        .filter(e -> e.device().equals(device))
        .map(StandInIngest.Stored::event)
        .toList();
  }

  @Test
  void aRackSensorPostsItsRacksInletWithoutASetpointAndNeverReadsACommand() throws Exception {
    DeviceIdentity rack =
        DeviceIdentity.sensor("room-1-rack2", "setpoint-device-agent", "lab", "room-1");
    registration(tokens, ingest.code())
        .ensure(List.of(id.device("pi", "simulated"), rack.device("pi", "simulated")));
    assertEquals("room-sensor", ingest.profiles().get("room-1-rack2"));
    // One room, sensed by its controller and by its rack 2's sensor.
    SimulatedRoom room = new SimulatedRoom(RoomSimulator.gwangju(7), clock, 1, 24);
    DeviceAgent controller =
        agent(new SimulatedRoomSensor(room, "room-1"), new SimulatedAirConditioner(room), RANGE);
    DeviceAgent sensor = agent(rack, new SimulatedRackSensor(room, 2, "room-1"), Optional.empty());
    ingest.command("room-1-rack2", "20"); // there to be read, were it ever asked for
    ingest.command("room-1", "22");

    List<RoomState> states = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      now.set(now.get().plusSeconds(10));
      controller.tick();
      sensor.tick();
      states.add(room.state()); // the clock stood still since: the state both ticks read
    }

    List<JsonObject> rackEvents = events("room-1-rack2");
    assertEquals(3, rackEvents.size());
    assertEquals(
        "/api/v3/event/setpoint-device-agent/room-sensor/room-1-rack2/climate",
        ingest.stored().stream()
            .filter(e -> e.device().equals("room-1-rack2"))
            .findFirst()
            .orElseThrow()
            .path());
    for (int i = 0; i < 3; i++) {
      JsonObject event = rackEvents.get(i);
      RoomState state = states.get(i);
      assertEquals("room-sensor", event.getString("profileName"));
      assertEquals(
          List.of("temperature", "humidity"),
          event.getJsonArray("readings").stream()
              .map(r -> r.asJsonObject().getString("resourceName"))
              .toList(),
          "no setpoint from a sensor");
      assertEquals(decimal(state.rackInletsC().get(1)), reading(event, "temperature"));
      assertEquals(decimal(state.relativeHumidityPct()), reading(event, "humidity"));
      // The controller reads the same room: its inlet is the hottest rack's reading.
      assertEquals(
          decimal(state.inletTemperatureC()), reading(events("room-1").get(i), "temperature"));
      assertEquals(
          state.inletTemperatureC(),
          state.rackInletsC().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }
    assertEquals(0, ingest.commandReads("room-1-rack2"), "a sensor never asks Core Command");
    assertEquals(3, ingest.commandReads("room-1"));
    assertEquals(22.0, room.setpoint(), "the controller alone drives the room");
    assertThrows(IllegalStateException.class, sensor::guard);
  }

  @Test
  void theCommandSideIsThereExactlyForAController() {
    DeviceIdentity rack =
        DeviceIdentity.sensor("room-1-rack1", "setpoint-device-agent", "", "room-1");
    Recording actuator = new Recording();
    Optional<DeviceAgent.Control> control =
        Optional.of(new DeviceAgent.Control(actuator, new SetpointGuard("x", RANGE, actuator, 24)));
    assertEquals(
        "room-1-rack1: a room-sensor has no actuator",
        assertThrows(IllegalArgumentException.class, () -> agent(rack, FIXED, control))
            .getMessage());
    assertEquals(
        "room-1: a room-controller needs an actuator",
        assertThrows(IllegalArgumentException.class, () -> agent(id, FIXED, Optional.empty()))
            .getMessage());
  }

  private static List<String> resources(JsonObject event) {
    return event.getJsonArray("readings").stream()
        .map(r -> r.asJsonObject().getString("resourceName"))
        .toList();
  }

  private static String units(JsonObject event, String resource) {
    return event.getJsonArray("readings").stream()
        .map(v -> v.asJsonObject())
        .filter(r -> r.getString("resourceName").equals(resource))
        .findFirst()
        .orElseThrow()
        .getString("units");
  }

  private static String energy(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static final List<String> METERED =
      List.of(
          "temperature",
          "humidity",
          "setpoint",
          "cooling_power",
          "cooling_energy",
          "it_power",
          "compute_power",
          "it_energy");

  @Test
  void aSimulatedControllerPostsTheSimulatorsPowerAndGrowingCounters() throws Exception {
    register();
    SimulatedRoom room = new SimulatedRoom(RoomSimulator.gwangju(7), clock, 1, 24);
    DeviceAgent agent =
        agent(
            id,
            new SimulatedRoomSensor(room, "room-1"),
            Optional.of(
                new DeviceAgent.Control(
                    new SimulatedAirConditioner(room),
                    new SetpointGuard(id.name(), RANGE, new SimulatedAirConditioner(room), 24))),
            Optional.of(new SimulatedMeter(room, clock, "room-1")));
    List<RoomState> states = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      now.set(now.get().plusSeconds(60));
      agent.tick();
      states.add(room.state()); // the clock stood still since: the state the tick read
    }

    List<JsonObject> events = events();
    assertEquals(3, events.size());
    for (int i = 0; i < 3; i++) {
      JsonObject event = events.get(i);
      RoomState state = states.get(i);
      assertEquals(METERED, resources(event));
      assertEquals(energy(state.electricKw()), reading(event, "cooling_power"));
      assertEquals(energy(state.cumulativeCoolingKwh()), reading(event, "cooling_energy"));
      assertEquals(energy(state.itLoadKw()), reading(event, "it_power"));
      assertEquals(
          energy(state.itLoadKw() - state.serverFanExtraKw()), reading(event, "compute_power"));
      assertEquals(energy(state.cumulativeItKwh()), reading(event, "it_energy"));
      assertEquals(decimal(state.inletTemperatureC()), reading(event, "temperature"));
      assertEquals("kW", units(event, "cooling_power"));
      assertEquals("kWh", units(event, "cooling_energy"));
      assertEquals("kW", units(event, "it_power"));
      assertEquals("kW", units(event, "compute_power"));
      assertEquals("kWh", units(event, "it_energy"));
      assertTrue(state.electricKw() > 0 && state.itLoadKw() > 0, state.toString());
    }
    for (String counter : List.of("cooling_energy", "it_energy")) {
      List<Double> values =
          events.stream().map(e -> Double.parseDouble(reading(e, counter))).toList();
      assertTrue(
          values.get(0) < values.get(1) && values.get(1) < values.get(2), counter + " " + values);
    }
    assertEquals(3, agent.meterReadings());
    assertEquals(0, agent.meterFailures());
  }

  @Test
  void aSimulatedControllersEventsShowItsCoolingTripAndRestore() throws Exception {
    // Issue 18's end-to-end test in small: tripped 30 s after start for 60 s, heating 12 °C a
    // minute; the agent posts every 10 s of a clock the test moves.
    register();
    SimulatedRoom room =
        new SimulatedRoom(
            RoomSimulator.gwangju(7),
            clock,
            now.get(),
            1,
            24,
            "room-1",
            Optional.of(
                new CoolingTrip(
                    Duration.ofSeconds(30),
                    Optional.of(Duration.ofSeconds(60)),
                    OptionalDouble.of(12))));
    DeviceAgent agent =
        agent(
            id,
            new SimulatedRoomSensor(room, "room-1"),
            Optional.of(
                new DeviceAgent.Control(
                    new SimulatedAirConditioner(room),
                    new SetpointGuard(id.name(), RANGE, new SimulatedAirConditioner(room), 24))),
            Optional.of(new SimulatedMeter(room, clock, "room-1")));
    for (int t = 10; t <= 180; t += 10) {
      now.set(now.get().plusSeconds(10));
      agent.tick();
    }

    List<JsonObject> events = events(); // events.get(i) was posted (i + 1) × 10 s after start
    assertEquals(18, events.size());
    List<Double> temperature =
        events.stream().map(e -> Double.parseDouble(reading(e, "temperature"))).toList();
    List<Double> power =
        events.stream().map(e -> Double.parseDouble(reading(e, "cooling_power"))).toList();
    List<String> energy = events.stream().map(e -> reading(e, "cooling_energy")).toList();
    for (int i = 0; i < 3; i++) { // 10 to 30 s: before the trip (30 s shows the last step's)
      assertTrue(power.get(i) > 0, "cooling runs at " + (i + 1) * 10 + " s: " + power);
      assertTrue(temperature.get(i) < 26.5, "inside the envelope: " + temperature);
    }
    for (int i = 3; i < 9; i++) { // 40 to 90 s: tripped
      assertEquals(0.0, power.get(i), "no cooling power at " + (i + 1) * 10 + " s: " + power);
      assertEquals(energy.get(2), energy.get(i), "the cooling's counter stands still");
      assertEquals(
          temperature.get(i - 1) + 2, temperature.get(i), 0.3, "2 °C per 10 s: " + temperature);
    }
    assertTrue(temperature.get(5) > 27, "a warning's breach within 30 s: " + temperature);
    assertTrue(temperature.get(8) > 32, "a critical one within a minute: " + temperature);
    for (int i = 9; i < 18; i++) { // 100 s on: restored
      assertTrue(power.get(i) > 0, "the units run again at " + (i + 1) * 10 + " s: " + power);
    }
    assertTrue(temperature.get(9) < temperature.get(8), "falling after the restore");
    assertTrue(
        temperature.get(15) < 26.5, "cleared within a minute of the restore: " + temperature);
  }

  /** A meter that answers each reading from a script: a reading, or the failure to throw. */
  private static final class Scripted implements Meter {
    final List<Object> script = new ArrayList<>();

    @Override
    public MeterReading read() throws MeterException {
      Object next = script.removeFirst();
      if (next instanceof MeterException e) {
        throw e;
      }
      return (MeterReading) next;
    }

    @Override
    public String describe() {
      return "scripted meter";
    }
  }

  private static MeterReading meterReading(double kw, double kwh) {
    return new MeterReading(
        Instant.EPOCH,
        kw,
        kwh,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty());
  }

  /** What the agent logs while the action runs. */
  private static List<LogRecord> logged(ThrowingRunnable action) throws Exception {
    Logger logger = Logger.getLogger(DeviceAgent.class.getName());
    List<LogRecord> records = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public synchronized void publish(LogRecord record) {
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

  private static List<String> messages(List<LogRecord> log, Level level) {
    return log.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
  }

  @Test
  void aMeterThatFailsNeverHoldsBackTheClimateEventAndIsLoggedOncePerStreak() throws Exception {
    register();
    Scripted meter = new Scripted();
    meter.script.addAll(
        List.of(
            new MeterException(MeterException.Reason.TIMEOUT, "no answer within 1000 ms"),
            new MeterException(MeterException.Reason.TIMEOUT, "no answer within 1000 ms"),
            new MeterException(MeterException.Reason.CONNECTION_REFUSED, "refused"),
            meterReading(-0.01, 100.0), // idle, within the reader's negative tolerance
            new MeterException(
                MeterException.Reason.COUNTER_RESET,
                "energy counter went down from 100.000 kWh to 0.000 kWh: meter reset or replaced"),
            meterReading(3.5, 0.25)));
    Recording actuator = new Recording();
    DeviceAgent agent =
        agent(
            id,
            FIXED,
            Optional.of(
                new DeviceAgent.Control(
                    actuator, new SetpointGuard(id.name(), RANGE, actuator, 24))),
            Optional.of(meter));

    List<LogRecord> log =
        logged(
            () -> {
              for (int i = 0; i < 6; i++) {
                now.set(now.get().plusSeconds(10));
                agent.tick();
              }
            });

    List<JsonObject> events = events();
    assertEquals(6, events.size(), "a climate event every tick");
    List<String> climate = List.of("temperature", "humidity", "setpoint");
    List<String> metered =
        List.of("temperature", "humidity", "setpoint", "cooling_power", "cooling_energy");
    assertEquals(
        List.of(climate, climate, climate, metered, climate, metered),
        events.stream().map(DeviceAgentTest::resources).toList());
    assertEquals("25.00", reading(events.get(0), "temperature"));
    assertEquals("0.000", reading(events.get(3), "cooling_power"), "never below the minimum 0");
    assertEquals("100.000", reading(events.get(3), "cooling_energy"));
    assertEquals("3.500", reading(events.get(5), "cooling_power"));
    assertEquals("0.250", reading(events.get(5), "cooling_energy"));
    assertEquals(4, agent.meterFailures());
    assertEquals(2, agent.meterReadings());
    assertEquals(6, agent.samples());
    assertEquals(
        List.of(
            "room-1: scripted meter gave no reading, events go without energy readings until it"
                + " does: TIMEOUT: no answer within 1000 ms",
            "room-1: meter reading refused, this event goes without energy readings:"
                + " COUNTER_RESET: energy counter went down from 100.000 kWh to 0.000 kWh: meter"
                + " reset or replaced"),
        messages(log, Level.WARNING),
        "one warning for the streak of three, one for the reset");
    assertEquals(
        List.of("room-1: the meter answers again after 3 failed reading(s)"),
        messages(log, Level.INFO));
  }

  @Test
  void aFailedSampleStillPostsTheSetpointWithTheMetersReadings() throws Exception {
    register();
    Scripted meter = new Scripted();
    meter.script.addAll(
        List.of(
            meterReading(2.0, 10.0),
            new MeterException(MeterException.Reason.TIMEOUT, "no answer")));
    dev.setpoint.device.sensor.Sensor broken =
        new dev.setpoint.device.sensor.Sensor() {
          @Override
          public Climate read() throws dev.setpoint.device.sensor.SensorException {
            throw new dev.setpoint.device.sensor.SensorException("no answer");
          }

          @Override
          public String describe() {
            return "broken";
          }
        };
    Recording actuator = new Recording();
    DeviceAgent agent =
        agent(
            id,
            broken,
            Optional.of(
                new DeviceAgent.Control(
                    actuator, new SetpointGuard(id.name(), RANGE, actuator, 24))),
            Optional.of(meter));
    agent.tick();
    agent.tick(); // setpoint unchanged and no energy: nothing to say

    List<JsonObject> events = events();
    assertEquals(1, events.size());
    assertEquals(List.of("setpoint", "cooling_power", "cooling_energy"), resources(events.get(0)));
    assertEquals("2.000", reading(events.get(0), "cooling_power"));
  }

  @Test
  void aSensorHasNoMeter() {
    DeviceIdentity rack =
        DeviceIdentity.sensor("room-1-rack1", "setpoint-device-agent", "", "room-1");
    assertEquals(
        "room-1-rack1: a room-sensor has no meter",
        assertThrows(
                IllegalArgumentException.class,
                () -> agent(rack, FIXED, Optional.empty(), Optional.of(new Scripted())))
            .getMessage());
  }
}
