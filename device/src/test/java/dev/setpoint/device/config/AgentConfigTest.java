package dev.setpoint.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.device.actuator.SafeRange;
import dev.setpoint.device.meter.MeterConfig;
import dev.setpoint.device.meter.Preset;
import dev.setpoint.device.sim.CoolingTrip;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
  /** The relay's default site's place, {@code setpoint.relay.weather.sites}' default. */
  private static final SiteLocation DEFAULT_LOCATION = new SiteLocation(35.1595, 126.8526);

  private static AgentConfig read(String... flags) throws ConfigException {
    return read(Map.of(), flags);
  }

  private static AgentConfig read(Map<String, String> env, String... flags) throws ConfigException {
    return AgentConfig.read(Settings.resolve(flags, env));
  }

  private static String error(String... flags) {
    return assertThrows(ConfigException.class, () -> read(flags)).getMessage();
  }

  @Test
  void aSimulatedRoomsCoolingTripsAsTheSimKeysSay() throws Exception {
    assertEquals(Optional.empty(), read().trip(), "no trip by default");
    assertEquals(Optional.empty(), read("--sensor=simulated").trip());
    assertEquals(
        Optional.of(
            new CoolingTrip(
                Duration.ofSeconds(30),
                Optional.of(Duration.ofSeconds(45)),
                OptionalDouble.of(12.5))),
        read(
                "--sensor=simulated",
                "--sim.trip-after=PT30S",
                "--sim.trip-duration=45s",
                "--sim.trip-heat-rate=12.5")
            .trip());
    // From the environment, for a fleet: no duration is until the agent stops, no rate is physics.
    assertEquals(
        Optional.of(
            new CoolingTrip(Duration.ofMinutes(2), Optional.empty(), OptionalDouble.empty())),
        read(Map.of("SETPOINT_DEVICE_SIM_TRIP_AFTER", "PT2M"), "--simulate=3").trip());
    // A real device has no simulated cooling: the keys are not read.
    assertEquals(
        Optional.empty(), read("--sim.trip-after=soon", "--sim.trip-heat-rate=fast").trip());
    String usage = Settings.usage();
    for (String key : List.of("sim.trip-after", "sim.trip-duration", "sim.trip-heat-rate")) {
      assertTrue(usage.contains("--" + key + " "), key);
    }
  }

  @Test
  void aTripThatMakesNoSenseIsRefusedNamingItsKeyAndSource() {
    assertEquals(
        "sim.trip-after = 'PT-30S' (from flag --sim.trip-after) must be positive",
        error("--sensor=simulated", "--sim.trip-after=PT-30S"));
    assertEquals(
        "sim.trip-after = '-30s' (from flag --sim.trip-after) must be positive",
        error("--simulate=2", "--sim.trip-after=-30s"));
    assertEquals(
        "sim.trip-after = 'soon' (from flag --sim.trip-after) is not a duration such as 10s,"
            + " 500ms, 5m",
        error("--sensor=simulated", "--sim.trip-after=soon"));
    assertEquals(
        "sim.trip-duration = '0s' (from flag --sim.trip-duration) must be positive",
        error("--sensor=simulated", "--sim.trip-after=1m", "--sim.trip-duration=0s"));
    assertEquals(
        "sim.trip-duration = 'PT-1M' (from environment SETPOINT_DEVICE_SIM_TRIP_DURATION) must be"
            + " positive",
        assertThrows(
                ConfigException.class,
                () ->
                    read(
                        Map.of("SETPOINT_DEVICE_SIM_TRIP_DURATION", "PT-1M"),
                        "--sensor=simulated",
                        "--sim.trip-after=1m"))
            .getMessage());
    assertEquals(
        "sim.trip-heat-rate = 'fast' (from flag --sim.trip-heat-rate) is not a number",
        error("--sensor=simulated", "--sim.trip-after=1m", "--sim.trip-heat-rate=fast"));
    assertEquals(
        "sim.trip-heat-rate = 'NaN' (from flag --sim.trip-heat-rate) is not a finite number",
        error("--sensor=simulated", "--sim.trip-after=1m", "--sim.trip-heat-rate=NaN"));
    assertEquals(
        "sim.trip-heat-rate = '-3' (from flag --sim.trip-heat-rate) must be above 0 (°C per minute"
            + " of wall clock)",
        error("--sensor=simulated", "--sim.trip-after=1m", "--sim.trip-heat-rate=-3"));
    // Half a trip is a mistake, not a room that never trips.
    assertEquals(
        "sim.trip-duration = '45s' (from flag --sim.trip-duration) ends no trip: set"
            + " sim.trip-after as well",
        error("--sensor=simulated", "--sim.trip-duration=45s"));
    assertEquals(
        "sim.trip-heat-rate = '12' (from flag --sim.trip-heat-rate) heats no trip: set"
            + " sim.trip-after as well",
        error("--simulate=1", "--sim.trip-heat-rate=12"));
  }

  @Test
  void plainHttpToAnotherMachineIsRefusedAtStart() {
    assertEquals(
        "ingest.url = 'http://192.168.10.5:9080' (from flag --ingest.url) is plain http to"
            + " 192.168.10.5, which is not this machine: the device's token and readings would"
            + " cross the network unencrypted. Use https://192.168.10.5:9443 with ingest.tls.pin"
            + " (./setpoint fingerprint on the hub prints it)",
        error("--ingest.url=http://192.168.10.5:9080"));
    // A name is not looked up: it may point elsewhere tomorrow.
    assertTrue(error("--ingest.url=http://hub.local:9080").contains("is plain http to hub.local"));
    assertTrue(error("--ingest.url=ftp://hub:21").contains("is not an https://"));
  }

  @Test
  void plainHttpToThisMachineIsAllowed() throws Exception {
    for (String url :
        List.of(
            "http://localhost:9080",
            "http://127.0.0.1:9080",
            "http://127.8.0.1",
            "http://[::1]:9080")) {
      assertEquals(new HubTrust.JdkDefault(), read("--ingest.url=" + url).ingest().trust(), url);
    }
    assertEquals(
        "ingest.tls.pin = 'ab' (from flag --ingest.tls.pin) applies to an https:// ingest.url"
            + " only, and ingest.url is http",
        error("--ingest.url=http://127.0.0.1:9080", "--ingest.tls.pin=ab"));
  }

  @Test
  void theHubIsVerifiedByAPinOrACaFile(@TempDir Path dir) throws Exception {
    String hex =
        "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    String lower = hex.replace(":", "").toLowerCase(java.util.Locale.ROOT);
    assertEquals(
        new HubTrust.Pinned(List.of(lower, "00".repeat(32))),
        read(
                "--ingest.url=https://hub.local:9443",
                "--ingest.tls.pin=" + hex + ", sha256//" + "A".repeat(43) + "=")
            .ingest()
            .trust());
    assertTrue(
        error("--ingest.tls.pin=AB:CD").contains("entry 'AB:CD' is not a SHA-256 fingerprint"));
    Path ca =
        java.nio.file.Files.writeString(dir.resolve("hub.pem"), "-----BEGIN CERTIFICATE-----");
    assertEquals(new HubTrust.CaFile(ca), read("--ingest.tls.ca-file=" + ca).ingest().trust());
    assertTrue(
        error("--ingest.tls.ca-file=" + dir.resolve("none.pem"))
            .contains("is not a readable file"));
    assertTrue(
        error("--ingest.tls.ca-file=" + ca, "--ingest.tls.pin=" + hex)
            .contains("is set together with ingest.tls.pin: set one of them"));
  }

  @Test
  void theDefaultsAsTypedValues() throws Exception {
    AgentConfig c = read();
    assertEquals(Path.of("./setpoint-device-state"), c.stateDir());
    assertEquals(
        new IngestConfig(
            URI.create("https://localhost:9443"), Duration.ofSeconds(5), new HubTrust.JdkDefault()),
        c.ingest());
    assertEquals(Optional.of(new SetpointConfig(new SafeRange(18, 27), 24)), c.setpoint());
    assertEquals(Duration.ofSeconds(10), c.interval());
    assertEquals(10_000, c.maxEvents());
    assertEquals(new BackoffConfig(Duration.ofSeconds(1), Duration.ofMinutes(5)), c.backoff());
    assertEquals(Duration.ofSeconds(60), c.statsEvery());
    assertEquals(
        new DevicesConfig.Real(
            "setpoint-device-agent",
            "",
            "",
            "",
            new SensorConfig.Dht(
                "dht22", Path.of("/sys/bus/iio/devices/iio:device0"), 5, Duration.ofMillis(2100)),
            Optional.of(new ActuatorConfig.Log()),
            Optional.empty()),
        c.devices());
    assertEquals(new RegistrationConfig(Optional.empty(), Optional.empty()), c.registration());
  }

  @Test
  void eachKindReadsItsOwnSettingsOnly() throws Exception {
    // A fleet has no sensor or actuator of its own: their settings are not read.
    assertEquals(
        new DevicesConfig.Fleet("setpoint-device-agent", "lab", DEFAULT_LOCATION, 3, "sim", 1, 0),
        read("--simulate=3", "--sensor=thermocouple", "--device.site=lab").devices());
    // A simulated room drives its own air conditioner: the relay's settings are not read.
    assertEquals(
        new DevicesConfig.Simulated(
            "setpoint-device-agent", "", DEFAULT_LOCATION, "", "room-7", true),
        read(
                "--device.name=room-7",
                "--sensor=simulated",
                "--actuator=relay",
                "--actuator.relay.pin=99")
            .devices());
    // A BME280 reads the I2C settings, not the DHT's.
    assertEquals(
        new DevicesConfig.Real(
            "setpoint-device-agent",
            "",
            "",
            "room-7",
            new SensorConfig.Bme280(1, 0x77),
            Optional.of(new ActuatorConfig.Relay(5, true, 0.5)),
            Optional.empty()),
        read(
                "--device.name=room-7",
                "--sensor=BME280",
                "--sensor.i2c.address=0x77",
                "--sensor.attempts=none",
                "--actuator=relay",
                "--actuator.relay.pin=5",
                "--actuator.relay.active-high",
                "--actuator.hysteresis=0.5")
            .devices());
  }

  @Test
  void aDeviceIsInTheRoomItsSettingNamesAFleetNamesItsRoomsItself() throws Exception {
    assertEquals(
        new DevicesConfig.Simulated(
            "setpoint-device-agent", "hq", DEFAULT_LOCATION, "hall-2", "room-7", true),
        read(
                "--device.name=room-7",
                "--sensor=simulated",
                "--device.site=hq",
                "--device.room=hall-2")
            .devices());
    DevicesConfig.Real real =
        (DevicesConfig.Real)
            read(Map.of("SETPOINT_DEVICE_DEVICE_ROOM", " hall-2 "), "--device.name=room-7")
                .devices();
    assertEquals("hall-2", real.room());
    // A fleet's rooms are its own; fleet.rack-sensors puts the racks in them.
    assertEquals(
        new DevicesConfig.Fleet("setpoint-device-agent", "", DEFAULT_LOCATION, 2, "sim", 1, 3),
        read("--simulate=2", "--fleet.rack-sensors=3", "--device.room=hall-2").devices());
    // Only a fleet reads fleet.rack-sensors.
    assertEquals("", read("--fleet.rack-sensors=many").devices().site());
  }

  @Test
  void aDeviceIsItsRoomsControllerUnlessItsRoleSaysSensor() throws Exception {
    assertEquals(
        Optional.of(new ActuatorConfig.Log()), ((DevicesConfig.Real) read().devices()).actuator());
    assertEquals(
        Optional.of(new ActuatorConfig.Log()),
        ((DevicesConfig.Real) read("--device.role=Controller").devices()).actuator());
    AgentConfig sensor = read("--device.role=sensor", "--device.room=hall-2", "--sensor=dht11");
    assertEquals(
        new DevicesConfig.Real(
            "setpoint-device-agent",
            "",
            "hall-2",
            "",
            new SensorConfig.Dht(
                "dht11", Path.of("/sys/bus/iio/devices/iio:device0"), 5, Duration.ofMillis(2100)),
            Optional.empty(),
            Optional.empty()),
        sensor.devices());
    assertEquals(Optional.empty(), sensor.setpoint(), "a real room sensor holds no setpoint");
    // One simulated room sensed by a room sensor: its air conditioner still starts somewhere.
    AgentConfig simulated =
        read(Map.of("SETPOINT_DEVICE_DEVICE_ROLE", "sensor"), "--sensor=simulated");
    assertEquals(
        new DevicesConfig.Simulated("setpoint-device-agent", "", DEFAULT_LOCATION, "", "", false),
        simulated.devices());
    assertEquals(Optional.of(new SetpointConfig(new SafeRange(18, 27), 24)), simulated.setpoint());
  }

  @Test
  void aRealRoomSensorReadsNoActuatorOrSetpointSetting() throws Exception {
    AgentConfig sensor =
        read(
            "--device.role=sensor",
            "--actuator=valve",
            "--actuator.relay.pin=99",
            "--actuator.hysteresis=none",
            "--setpoint.min=cold",
            "--setpoint.initial=30");
    assertEquals(Optional.empty(), ((DevicesConfig.Real) sensor.devices()).actuator());
    assertEquals(Optional.empty(), sensor.setpoint());
    // Its sensor's settings are in use.
    assertEquals(
        "sensor.attempts = '0' (from flag --sensor.attempts) must be between 1 and 100",
        error("--device.role=sensor", "--sensor.attempts=0"));
    // A simulated room sensor drives nothing either; its room's air conditioner holds
    // setpoint.initial.
    assertEquals(
        new DevicesConfig.Simulated("setpoint-device-agent", "", DEFAULT_LOCATION, "", "", false),
        read("--device.role=sensor", "--sensor=simulated", "--actuator=valve").devices());
    assertEquals(
        "setpoint.initial = '30' (from flag --setpoint.initial) is outside the safe range"
            + " 18.0..27.0 °C",
        error("--device.role=sensor", "--sensor=simulated", "--setpoint.initial=30"));
  }

  @Test
  void simulatedRoomsReadWhereTheirSiteIsAndARealDeviceDoesNot() throws Exception {
    assertEquals(
        new SiteLocation(-33.87, 151.21),
        ((DevicesConfig.Fleet)
                read(
                        "--simulate=2",
                        "--device.site=sydney",
                        "--device.site-location= -33.87:151.21")
                    .devices())
            .location());
    assertEquals(
        new SiteLocation(51.5, -0.12),
        ((DevicesConfig.Simulated)
                read(
                        Map.of("SETPOINT_DEVICE_DEVICE_SITE_LOCATION", "51.5:-0.12"),
                        "--sensor=simulated")
                    .devices())
            .location());
    assertEquals(
        "device.site-location = 'gwangju' (from flag --device.site-location) is not"
            + " latitude:longitude, e.g. 35.1595:126.8526",
        error("--simulate=1", "--device.site-location=gwangju"));
    assertEquals(
        "device.site-location = '35.1:126.8:0' (from flag --device.site-location) is not"
            + " latitude:longitude, e.g. 35.1595:126.8526",
        error("--sensor=simulated", "--device.site-location=35.1:126.8:0"));
    assertEquals(
        "device.site-location = '35.1:east' (from flag --device.site-location) is not"
            + " latitude:longitude, e.g. 35.1595:126.8526",
        error("--simulate=1", "--device.site-location=35.1:east"));
    assertEquals(
        "device.site-location = '126.8:35.1' (from flag --device.site-location) has its latitude"
            + " out of −90…90: 126.8",
        error("--simulate=1", "--device.site-location=126.8:35.1"));
    // A real device's room feels the real weather: the key is not read.
    assertEquals("", read("--device.site-location=nowhere").devices().site());
  }

  @Test
  void aRoleIsControllerOrSensorAndAFleetNamesItsRolesItself() throws Exception {
    assertEquals(
        "device.role = 'actuator' (from flag --device.role) must be one of controller, sensor",
        error("--device.role=actuator"));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> read(Map.of("SETPOINT_DEVICE_DEVICE_ROLE", "rack"), "--sensor=simulated"));
    assertEquals(
        "device.role = 'rack' (from environment SETPOINT_DEVICE_DEVICE_ROLE) must be one of"
            + " controller, sensor",
        e.getMessage());
    assertEquals(
        new DevicesConfig.Fleet("setpoint-device-agent", "", DEFAULT_LOCATION, 2, "sim", 1, 1),
        read("--simulate=2", "--fleet.rack-sensors=1", "--device.role=rack").devices());
  }

  @Test
  void rackSensorsAreANumberAndNoMoreThanASimulatedRoomHasRacks() {
    assertEquals(
        "fleet.rack-sensors = 'many' (from flag --fleet.rack-sensors) is not an integer",
        error("--simulate=2", "--fleet.rack-sensors=many"));
    assertEquals(
        "fleet.rack-sensors = '-1' (from flag --fleet.rack-sensors) must be between 0 and 100000",
        error("--simulate=2", "--fleet.rack-sensors=-1"));
    assertEquals(
        "fleet.rack-sensors = '5' (from flag --fleet.rack-sensors) is more than the 4 racks of a"
            + " simulated room (one sensor per rack)",
        error("--simulate=2", "--fleet.rack-sensors=5"));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> read(Map.of("SETPOINT_DEVICE_FLEET_RACK_SENSORS", "9"), "--simulate=1"));
    assertEquals(
        "fleet.rack-sensors = '9' (from environment SETPOINT_DEVICE_FLEET_RACK_SENSORS) is more"
            + " than the 4 racks of a simulated room (one sensor per rack)",
        e.getMessage());
  }

  @Test
  void mistakesInTheSettingsInUseNameTheKeyAndItsSource() {
    assertEquals(
        "setpoint.initial = '30' (from flag --setpoint.initial) is outside the safe range"
            + " 18.0..27.0 °C",
        error("--setpoint.initial=30"));
    assertEquals(
        "actuator = 'valve' (from flag --actuator) must be one of log, relay",
        error("--sensor=simulated", "--actuator=valve"));
    assertEquals(
        "actuator.relay.pin = '64' (from flag --actuator.relay.pin) must be between 0 and 63",
        error("--actuator=relay", "--actuator.relay.pin=64"));
    assertEquals(
        "stats.every = '0s' (from flag --stats.every) must be positive", error("--stats.every=0s"));
  }

  @Test
  void theEnrolmentCodeIsTrimmedAndNeverPrinted() throws Exception {
    String code = "spe_" + java.util.UUID.randomUUID();
    RegistrationConfig r =
        read("--enrolment.code= " + code + " ", "--enrolment.code-file=/etc/code").registration();
    assertEquals(Optional.of(code), r.code());
    assertEquals(Optional.of(Path.of("/etc/code")), r.codeFile());
    assertFalse(r.toString().contains(code), r.toString());
  }

  @Test
  void theRetiredOperatorKeysStopTheAgentWhereverTheyAreGiven() throws Exception {
    for (String flag :
        List.of(
            "--operator.token=x",
            "--operator.token-file=/f",
            "--operator.username=ops",
            "--operator.password-file=/p",
            "--rotate-token")) {
      ConfigException e =
          assertThrows(
              ConfigException.class, () -> Settings.resolve(new String[] {flag}, Map.of()));
      assertTrue(e.getMessage().contains("is no longer supported"), flag + ": " + e.getMessage());
    }
    ConfigException env =
        assertThrows(
            ConfigException.class,
            () ->
                Settings.resolve(
                    new String[0], Map.of("SETPOINT_DEVICE_OPERATOR_PASSWORD_FILE", "/p")));
    assertTrue(
        env.getMessage().startsWith("environment SETPOINT_DEVICE_OPERATOR_PASSWORD_FILE:"),
        env.getMessage());
  }

  @Test
  void aRealControllerReadsItsMeterFromTheMeterKeys() throws Exception {
    DevicesConfig.Real real =
        (DevicesConfig.Real)
            read(
                    Map.of("SETPOINT_DEVICE_METER_TCP_HOST", "10.20.0.15"),
                    "--meter=tcp",
                    "--meter.preset=carlo-gavazzi-em24")
                .devices();
    MeterConfig meter = real.meter().orElseThrow();
    assertEquals(new MeterConfig.Tcp("10.20.0.15", 502), meter.link());
    assertEquals(Preset.CARLO_GAVAZZI_EM24, meter.preset());
    assertEquals(Duration.ofSeconds(1), meter.timeout(), "MeterKey's default");
    assertEquals(Optional.empty(), ((DevicesConfig.Real) read().devices()).meter(), "none");
  }

  @Test
  void aMeterMistakeNamesTheKeyAndItsSource() throws Exception {
    assertEquals(
        "meter.tcp.port = '99999' (from environment SETPOINT_DEVICE_METER_TCP_PORT) must be"
            + " between 1 and 65535",
        assertThrows(
                ConfigException.class,
                () ->
                    read(
                        Map.of("SETPOINT_DEVICE_METER_TCP_PORT", "99999"),
                        "--meter=tcp",
                        "--meter.tcp.host=10.20.0.15"))
            .getMessage());
    assertEquals(
        "meter = 'serial' (from flag --meter) must be one of none, tcp, rtu",
        error("--meter=serial"));
    // Not read where no meter is used: a room sensor, a simulated room (its simulator meters it).
    assertEquals(
        Optional.empty(),
        ((DevicesConfig.Real) read("--device.role=sensor", "--meter=serial").devices()).meter());
    assertEquals(
        new DevicesConfig.Simulated("setpoint-device-agent", "", DEFAULT_LOCATION, "", "", true),
        read("--sensor=simulated", "--meter=tcp").devices());
  }
}
