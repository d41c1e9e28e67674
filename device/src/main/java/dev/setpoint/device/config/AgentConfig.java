package dev.setpoint.device.config;

import dev.setpoint.device.actuator.SafeRange;
import dev.setpoint.device.meter.MeterConfig;
import dev.setpoint.device.sim.CoolingTrip;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The agent's settings, read and checked once, as typed values: each part goes to the one factory
 * that builds from it. A part that does not apply (the sensor of a fleet, the relay of a simulated
 * room, the actuator and setpoint of a real room sensor, the energy meter of anything but a real
 * controller) is not read, so only the settings in use can stop the agent; an unknown key always
 * does ({@link Settings}).
 *
 * @param stateDir tokens file and event journal ({@code state.dir})
 * @param setpoint the safe range and the initial setpoint, for the devices that hold a setpoint (a
 *     controller, or a simulated room's air conditioner); empty for a real room sensor ({@code
 *     device.role = sensor}), which holds none
 * @param interval time between samples and command reads
 * @param maxEvents bound of each device's journal ({@code buffer.max-events})
 * @param statsEvery how often a fleet logs its delivery counters
 * @param trip when the simulated rooms' cooling trips ({@code sim.trip-*}); empty when none is set,
 *     and always for a real device, which does not read those keys
 */
public record AgentConfig(
    Path stateDir,
    IngestConfig ingest,
    Optional<SetpointConfig> setpoint,
    Duration interval,
    int maxEvents,
    BackoffConfig backoff,
    DevicesConfig devices,
    RegistrationConfig registration,
    Duration statsEvery,
    Optional<CoolingTrip> trip) {

  /**
   * Reads every setting in use; the first wrong one is the exception, naming it and its source.
   * Only the keys' meaning lives here: their names, defaults and help are in {@link Key}.
   */
  public static AgentConfig read(Settings s) throws ConfigException {
    Path stateDir = Path.of(s.string(Key.STATE_DIR));
    IngestConfig ingest = ingest(s);
    DevicesConfig devices = devices(s);
    Optional<SetpointConfig> setpoint =
        holdsSetpoint(devices) ? Optional.of(setpoint(s)) : Optional.empty();
    Duration interval = s.duration(Key.INTERVAL);
    int maxEvents = s.integer(Key.BUFFER_MAX_EVENTS, 1, 10_000_000);
    BackoffConfig backoff =
        new BackoffConfig(s.duration(Key.BACKOFF_INITIAL), s.duration(Key.BACKOFF_MAX));
    RegistrationConfig registration = registration(s);
    // Only a simulated room has cooling to trip.
    Optional<CoolingTrip> trip = devices instanceof DevicesConfig.Real ? Optional.empty() : trip(s);
    return new AgentConfig(
        stateDir,
        ingest,
        setpoint,
        interval,
        maxEvents,
        backoff,
        devices,
        registration,
        s.duration(Key.STATS_EVERY),
        trip);
  }

  /**
   * Ingest's URL and how the hub is verified. Plain {@code http} goes to this machine only: to any
   * other host the device's token and readings would cross the network in clear, so that is refused
   * here, at start, rather than on the first post. A pin and a CA file are for {@code https} only,
   * and only one of them: either would be ignored otherwise, which the operator would not notice.
   */
  private static IngestConfig ingest(Settings s) throws ConfigException {
    URI url;
    try {
      url = new URI(s.string(Key.INGEST_URL).strip());
    } catch (URISyntaxException e) {
      throw s.bad(Key.INGEST_URL, "is not a URL: " + e.getMessage());
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
      throw s.bad(Key.INGEST_URL, "is not an https:// (or loopback http://) URL with a host");
    }
    String pin = s.string(Key.INGEST_TLS_PIN).strip();
    String caFile = s.string(Key.INGEST_TLS_CA_FILE).strip();
    if (scheme.equals("http")) {
      if (!isLoopback(url.getHost())) {
        throw s.bad(
            Key.INGEST_URL,
            "is plain http to "
                + url.getHost()
                + ", which is not this machine: the device's token and readings would cross the"
                + " network unencrypted. Use https://"
                + url.getHost()
                + ":9443 with ingest.tls.pin (./setpoint fingerprint on the hub prints it)");
      }
      if (!pin.isEmpty() || !caFile.isEmpty()) {
        throw s.bad(
            pin.isEmpty() ? Key.INGEST_TLS_CA_FILE : Key.INGEST_TLS_PIN,
            "applies to an https:// ingest.url only, and ingest.url is http");
      }
      return new IngestConfig(url, s.duration(Key.INGEST_TIMEOUT), new HubTrust.JdkDefault());
    }
    HubTrust trust;
    if (!pin.isEmpty() && !caFile.isEmpty()) {
      throw s.bad(Key.INGEST_TLS_CA_FILE, "is set together with ingest.tls.pin: set one of them");
    } else if (!pin.isEmpty()) {
      try {
        trust = HubTrust.Pinned.parse(pin);
      } catch (IllegalArgumentException e) {
        throw s.bad(Key.INGEST_TLS_PIN, e.getMessage());
      }
    } else if (!caFile.isEmpty()) {
      Path file = Path.of(caFile);
      if (!Files.isReadable(file)) {
        throw s.bad(Key.INGEST_TLS_CA_FILE, "is not a readable file");
      }
      trust = new HubTrust.CaFile(file);
    } else {
      trust = new HubTrust.JdkDefault();
    }
    return new IngestConfig(url, s.duration(Key.INGEST_TIMEOUT), trust);
  }

  /**
   * Whether a URL's host is this machine: {@code localhost} or a loopback address literal. Any
   * other name is not looked up: what it resolves to may change, so it counts as another machine.
   */
  static boolean isLoopback(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    boolean literal = h.contains(":") || h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    if (!literal) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The simulated rooms' cooling trip: {@code sim.trip-after} (a positive duration) sets one;
   * {@code sim.trip-duration} (a positive duration) and {@code sim.trip-heat-rate} (°C per minute,
   * above 0) shape it and are refused without it, so a trip that was meant never silently fails to
   * happen.
   */
  private static Optional<CoolingTrip> trip(Settings s) throws ConfigException {
    Optional<Duration> after = optionalDuration(s, Key.SIM_TRIP_AFTER);
    Optional<Duration> duration = optionalDuration(s, Key.SIM_TRIP_DURATION);
    OptionalDouble rate = OptionalDouble.empty();
    if (!s.string(Key.SIM_TRIP_HEAT_RATE).isBlank()) {
      double r = s.number(Key.SIM_TRIP_HEAT_RATE);
      if (!(r > 0)) {
        throw s.bad(Key.SIM_TRIP_HEAT_RATE, "must be above 0 (°C per minute of wall clock)");
      }
      rate = OptionalDouble.of(r);
    }
    if (after.isEmpty()) {
      if (duration.isPresent()) {
        throw s.bad(Key.SIM_TRIP_DURATION, "ends no trip: set sim.trip-after as well");
      }
      if (rate.isPresent()) {
        throw s.bad(Key.SIM_TRIP_HEAT_RATE, "heats no trip: set sim.trip-after as well");
      }
      return Optional.empty();
    }
    return Optional.of(new CoolingTrip(after.get(), duration, rate));
  }

  private static Optional<Duration> optionalDuration(Settings s, Key key) throws ConfigException {
    return s.string(key).isBlank() ? Optional.empty() : Optional.of(s.duration(key));
  }

  /**
   * Whether a device holds a setpoint: every one but a real room sensor, which applies none (a
   * simulated room's air conditioner holds {@code setpoint.initial} even when no controller of it
   * runs here).
   */
  private static boolean holdsSetpoint(DevicesConfig devices) {
    return !(devices instanceof DevicesConfig.Real real) || real.actuator().isPresent();
  }

  private static SetpointConfig setpoint(Settings s) throws ConfigException {
    SafeRange range = new SafeRange(s.number(Key.SETPOINT_MIN), s.number(Key.SETPOINT_MAX));
    double initial = s.number(Key.SETPOINT_INITIAL);
    if (!range.contains(initial)) {
      throw s.bad(Key.SETPOINT_INITIAL, "is outside the safe range " + range);
    }
    return new SetpointConfig(range, initial);
  }

  private static DevicesConfig devices(Settings s) throws ConfigException {
    int simulate = s.integer(Key.SIMULATE, 0, 100_000);
    String service = s.string(Key.SERVICE);
    String site = s.string(Key.SITE);
    if (simulate > 0) {
      return new DevicesConfig.Fleet(
          service,
          site,
          siteLocation(s),
          simulate,
          s.string(Key.FLEET_PREFIX),
          s.integer(Key.FLEET_SEED, 0, Integer.MAX_VALUE),
          rackSensors(s));
    }
    String room = s.string(Key.ROOM).trim();
    String name = s.string(Key.DEVICE_NAME);
    boolean controls = s.choice(Key.ROLE, "controller", "sensor").equals("controller");
    String sensorKind = s.choice(Key.SENSOR, "dht22", "dht11", "bme280", "simulated");
    // A room sensor drives nothing: no actuator setting is read, not even its kind.
    String actuatorKind = controls ? s.choice(Key.ACTUATOR, "log", "relay") : "";
    if (sensorKind.equals("simulated")) {
      // The simulated room brings its own air conditioner: the relay's settings are not read.
      return new DevicesConfig.Simulated(service, site, siteLocation(s), room, name, controls);
    }
    SensorConfig sensor = sensor(sensorKind, s);
    Optional<ActuatorConfig> actuator =
        controls ? Optional.of(actuator(actuatorKind, s)) : Optional.empty();
    // The room's meter is its controller's: a room sensor reports no energy.
    Optional<MeterConfig> meter =
        controls ? MeterConfig.parse(s.meter(), s::origin) : Optional.empty();
    return new DevicesConfig.Real(service, site, room, name, sensor, actuator, meter);
  }

  /**
   * The site's {@code latitude:longitude}, read for simulated rooms only: they feel the weather the
   * relay's simulated provider gives for the site at that place.
   */
  private static SiteLocation siteLocation(Settings s) throws ConfigException {
    String[] parts = s.string(Key.SITE_LOCATION).split(":", -1);
    if (parts.length != 2) {
      throw s.bad(Key.SITE_LOCATION, "is not latitude:longitude, e.g. 35.1595:126.8526");
    }
    try {
      return new SiteLocation(
          Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
    } catch (NumberFormatException e) {
      throw s.bad(Key.SITE_LOCATION, "is not latitude:longitude, e.g. 35.1595:126.8526");
    } catch (IllegalArgumentException e) {
      throw s.bad(Key.SITE_LOCATION, "has its " + e.getMessage());
    }
  }

  /** A rack sensor per rack at the most: a simulated room has no reading for a further one. */
  private static int rackSensors(Settings s) throws ConfigException {
    int racks = DevicesConfig.Fleet.ROOM.racks();
    int rackSensors = s.integer(Key.FLEET_RACK_SENSORS, 0, 100_000);
    if (rackSensors > racks) {
      throw s.bad(
          Key.FLEET_RACK_SENSORS,
          "is more than the " + racks + " racks of a simulated room (one sensor per rack)");
    }
    return rackSensors;
  }

  private static SensorConfig sensor(String kind, Settings s) throws ConfigException {
    if (kind.equals("bme280")) {
      return new SensorConfig.Bme280(
          s.integer(Key.I2C_BUS, 0, 255), s.integer(Key.I2C_ADDRESS, 0, 0x7F));
    }
    return new SensorConfig.Dht(
        kind,
        Path.of(s.string(Key.IIO_DEVICE)),
        s.integer(Key.SENSOR_ATTEMPTS, 1, 100),
        s.duration(Key.SENSOR_RETRY_DELAY));
  }

  private static ActuatorConfig actuator(String kind, Settings s) throws ConfigException {
    if (kind.equals("relay")) {
      return new ActuatorConfig.Relay(
          s.integer(Key.RELAY_PIN, 0, 63), s.bool(Key.RELAY_ACTIVE_HIGH), s.number(Key.HYSTERESIS));
    }
    return new ActuatorConfig.Log();
  }

  private static RegistrationConfig registration(Settings s) {
    return new RegistrationConfig(
        given(s, Key.ENROLMENT_CODE).map(String::trim),
        given(s, Key.ENROLMENT_CODE_FILE).map(Path::of));
  }

  private static Optional<String> given(Settings s, Key key) {
    return Optional.of(s.string(key)).filter(v -> !v.isEmpty());
  }
}
