package dev.setpoint.device.config;

/** Every setting of the agent, with its default and its line in {@code --help}. */
public enum Key {
  INGEST_URL(
      "ingest.url",
      "https://localhost:9443",
      "ingest's base URL; http:// only to this machine (localhost, 127.0.0.1, ::1)"),
  INGEST_TIMEOUT("ingest.timeout", "5s", "timeout of each request to ingest"),
  INGEST_TLS_PIN(
      "ingest.tls.pin",
      "",
      "SHA-256 fingerprint(s) of the hub's certificate or public key, comma separated, as"
          + " ./setpoint fingerprint prints them; the hub must present one"),
  INGEST_TLS_CA_FILE(
      "ingest.tls.ca-file",
      "",
      "PEM file of the CA (or the hub's own certificate) the hub's certificate must chain to;"
          + " without it and a pin, the JDK's trusted CAs"),
  DEVICE_NAME("device.name", "", "the device's name (default: the host name)"),
  SERVICE("device.service", "setpoint-device-agent", "the device service it belongs to"),
  SITE("device.site", "", "the site label of the device (optional): site:<value>"),
  SITE_LOCATION(
      "device.site-location",
      "35.1595:126.8526",
      "latitude:longitude of the site, for simulated rooms' weather; must match the relay's"
          + " setpoint.relay.weather.sites entry for this site"),
  ROOM("device.room", "", "the room label of the device (optional): room:<value>"),
  ROLE("device.role", "controller", "controller, or sensor (room-sensor: readings only)"),
  SENSOR("sensor", "dht22", "dht22, dht11 (Linux IIO), bme280 (I2C) or simulated"),
  IIO_DEVICE("sensor.iio.device", "/sys/bus/iio/devices/iio:device0", "the DHT's IIO directory"),
  SENSOR_ATTEMPTS("sensor.attempts", "5", "reads per sample before a DHT sample is skipped"),
  SENSOR_RETRY_DELAY("sensor.retry-delay", "2100ms", "pause between DHT read attempts"),
  I2C_BUS("sensor.i2c.bus", "1", "the BME280's I2C bus"),
  I2C_ADDRESS("sensor.i2c.address", "0x76", "the BME280's I2C address (0x76 or 0x77)"),
  ACTUATOR("actuator", "log", "log (log the setpoint) or relay (Pi4J GPIO relay thermostat)"),
  RELAY_PIN("actuator.relay.pin", "17", "BCM number of the relay's GPIO output"),
  RELAY_ACTIVE_HIGH("actuator.relay.active-high", "false", "whether a high level closes the relay"),
  HYSTERESIS("actuator.hysteresis", "1.0", "°C band of the relay thermostat around the setpoint"),
  SETPOINT_MIN("setpoint.min", "18", "lowest setpoint ever applied, °C"),
  SETPOINT_MAX("setpoint.max", "27", "highest setpoint ever applied, °C"),
  SETPOINT_INITIAL("setpoint.initial", "24", "setpoint until a command arrives, °C"),
  INTERVAL("interval", "10s", "time between samples (and command reads)"),
  STATE_DIR("state.dir", "./setpoint-device-state", "tokens file and event journal"),
  BUFFER_MAX_EVENTS(
      "buffer.max-events", "10000", "bound of the journal per device; full drops the oldest"),
  BACKOFF_INITIAL("backoff.initial", "1s", "first wait after ingest failed"),
  BACKOFF_MAX("backoff.max", "5m", "longest wait between resend attempts"),
  ENROLMENT_CODE(
      "enrolment.code",
      "",
      "a one-time enrolment code from an operator, traded for the devices' tokens at first start"),
  ENROLMENT_CODE_FILE(
      "enrolment.code-file",
      "",
      "file holding the enrolment code; deleted once the devices have their tokens"),
  SIMULATE("simulate", "0", "run N simulated rooms (a fleet) instead of one real device"),
  FLEET_PREFIX("fleet.prefix", "sim", "name prefix of simulated devices: <prefix>-0001 ..."),
  FLEET_SEED("fleet.seed", "1", "seed of the simulated rooms"),
  FLEET_RACK_SENSORS(
      "fleet.rack-sensors",
      "0",
      "rack sensors <room>-rack1 ... per simulated room (room-sensor, room:<room>)"),
  SIM_TRIP_AFTER(
      "sim.trip-after",
      "",
      "simulated rooms: trip every cooling unit this long after start (e.g. PT2M); empty: never"),
  SIM_TRIP_DURATION(
      "sim.trip-duration",
      "",
      "simulated rooms: how long the units stay tripped (e.g. PT45S); empty: until stopped"),
  SIM_TRIP_HEAT_RATE(
      "sim.trip-heat-rate",
      "",
      "simulated rooms, for tests: °C per wall-clock minute the inlet rises while tripped (and"
          + " falls after); empty: the room's physics"),
  STATS_EVERY("stats.every", "60s", "how often a fleet logs its delivery counters");

  private final String key;
  private final String defaultValue;
  private final String help;

  Key(String key, String defaultValue, String help) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.help = help;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String help() {
    return help;
  }

  boolean isBoolean() {
    return defaultValue.equals("false") || defaultValue.equals("true");
  }

  static Key byName(String name) {
    for (Key k : values()) {
      if (k.key.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
