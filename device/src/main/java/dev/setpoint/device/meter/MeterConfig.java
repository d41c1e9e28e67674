package dev.setpoint.device.meter;

import dev.setpoint.device.config.ConfigException;
import dev.setpoint.device.config.Values;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The energy meter's settings, read from {@code meter.*} keys ({@link MeterKey}): how to reach it,
 * and its register map (a {@link Preset}, any field of which a key may override).
 *
 * @param link Modbus TCP or Modbus RTU
 * @param unitId the meter's unit (slave) id
 * @param timeout the longest one reading may take
 * @param preset the preset the map started from
 * @param registers what is read where
 * @param ratedPowerKw the most the metered unit can draw, kW
 */
public record MeterConfig(
    Link link,
    int unitId,
    Duration timeout,
    Preset preset,
    RegisterMap registers,
    double ratedPowerKw) {

  /** How the meter is reached. */
  public sealed interface Link {
    String describe();
  }

  /** Modbus TCP, to the meter itself or to an RS-485 gateway. */
  public record Tcp(String host, int port) implements Link {
    @Override
    public String describe() {
      return "modbus-tcp " + host + ":" + port;
    }
  }

  /** Modbus RTU through a serial RS-485 adapter. */
  public record Rtu(String port, int baud, String parity, int dataBits, int stopBits)
      implements Link {
    @Override
    public String describe() {
      return "modbus-rtu " + port + " " + baud + " " + parity + " " + dataBits + "/" + stopBits;
    }
  }

  /**
   * Reads the meter's settings from properties-style values, e.g. the agent's configuration file:
   * keys outside {@code meter} and {@code meter.*} are left alone, an unknown {@code meter.*} key
   * is an error.
   *
   * @param values keys and values
   * @param source where they came from, for messages (a file name, "flags")
   * @return the settings, or empty when {@code meter=none}
   */
  public static Optional<MeterConfig> parse(Map<String, String> values, String source)
      throws ConfigException {
    return parse(values, name -> source);
  }

  /**
   * Reads the meter's settings from values that each came from their own source, e.g. the agent's
   * flags, environment and file merged.
   *
   * @param values the keys that are set, and their values; a key not in it takes its default
   * @param origin where a key in {@code values} came from, for messages (e.g. "flag --meter")
   * @return the settings, or empty when {@code meter=none}
   */
  public static Optional<MeterConfig> parse(
      Map<String, String> values, Function<String, String> origin) throws ConfigException {
    return new Reader(values, origin).read();
  }

  private static final class Reader {
    private final Map<String, String> values;
    private final Function<String, String> origins;

    Reader(Map<String, String> values, Function<String, String> origins) {
      this.values = values;
      this.origins = origins;
    }

    Optional<MeterConfig> read() throws ConfigException {
      for (String name : values.keySet()) {
        if ((name.equals("meter") || name.startsWith("meter.")) && MeterKey.byName(name) == null) {
          throw new ConfigException("unknown key '" + name + "' in " + origins.apply(name));
        }
      }
      String kind = choice(MeterKey.METER, "none", "tcp", "rtu");
      if (kind.equals("none")) {
        return Optional.empty();
      }
      Link link = kind.equals("tcp") ? tcp() : rtu();
      int unitId = integer(MeterKey.UNIT_ID, 1, 247);
      Duration timeout = duration(MeterKey.TIMEOUT);
      double rated = number(MeterKey.RATED_POWER);
      if (rated <= 0) {
        throw bad(MeterKey.RATED_POWER, "must be positive");
      }
      Preset preset = Preset.byName(string(MeterKey.PRESET));
      if (preset == null) {
        throw bad(MeterKey.PRESET, "must be one of " + Preset.names());
      }
      RegisterMap map = preset.registers();
      for (Quantity q : Quantity.values()) {
        map = map.with(q, register(q, map.get(q).orElse(null)));
      }
      if (map.get(Quantity.POWER).isEmpty() && map.get(Quantity.ENERGY).isEmpty()) {
        throw bad(MeterKey.PRESET, "with these keys reads neither power nor energy");
      }
      return Optional.of(new MeterConfig(link, unitId, timeout, preset, map, rated));
    }

    private Link tcp() throws ConfigException {
      String host = string(MeterKey.TCP_HOST).trim();
      if (host.isEmpty()) {
        throw bad(MeterKey.TCP_HOST, "must name the meter's host with meter=tcp");
      }
      return new Tcp(host, integer(MeterKey.TCP_PORT, 1, 65535));
    }

    private Link rtu() throws ConfigException {
      String port = string(MeterKey.RTU_PORT).trim();
      if (port.isEmpty()) {
        throw bad(MeterKey.RTU_PORT, "must name the serial device with meter=rtu");
      }
      int baud = integer(MeterKey.RTU_BAUD, 300, 921600);
      String parity = choice(MeterKey.RTU_PARITY, "none", "even", "odd");
      int dataBits = integer(MeterKey.RTU_DATA_BITS, 7, 8);
      int stopBits = integer(MeterKey.RTU_STOP_BITS, 1, 2);
      return new Rtu(port, baud, parity, dataBits, stopBits);
    }

    /**
     * A quantity's register: each field from its key, else from the preset's register. An address
     * of {@code none} leaves the quantity unread.
     */
    private Register register(Quantity q, Register preset) throws ConfigException {
      MeterKey kindKey = MeterKey.of(q, "register");
      MeterKey addressKey = MeterKey.of(q, "address");
      MeterKey encodingKey = MeterKey.of(q, "encoding");
      MeterKey scaleKey = MeterKey.of(q, "scale");
      String address = string(addressKey).trim();
      if (address.equalsIgnoreCase("none")) {
        return null;
      }
      boolean anySet = false;
      for (MeterKey k : new MeterKey[] {kindKey, addressKey, encodingKey, scaleKey}) {
        anySet |= !string(k).isBlank();
      }
      if (!anySet) {
        return preset;
      }
      Register.Kind kind;
      if (!string(kindKey).isBlank()) {
        String word = choice(kindKey, "input", "holding");
        kind = word.equals("input") ? Register.Kind.INPUT : Register.Kind.HOLDING;
      } else if (preset != null) {
        kind = preset.kind();
      } else {
        throw bad(kindKey, "must be set (input or holding): the preset does not read " + q.key());
      }
      int at;
      if (!address.isEmpty()) {
        at = integer(addressKey, 0, 0xFFFF);
      } else if (preset != null) {
        at = preset.address();
      } else {
        throw bad(addressKey, "must be set: the preset does not read " + q.key());
      }
      Encoding encoding;
      if (!string(encodingKey).isBlank()) {
        encoding = Encoding.byName(string(encodingKey));
        if (encoding == null) {
          throw bad(encodingKey, "must be one of " + encodingNames());
        }
      } else if (preset != null) {
        encoding = preset.encoding();
      } else {
        throw bad(encodingKey, "must be set: the preset does not read " + q.key());
      }
      double scale;
      if (!string(scaleKey).isBlank()) {
        scale = number(scaleKey);
        if (scale == 0) {
          throw bad(scaleKey, "must not be 0");
        }
      } else if (preset != null) {
        scale = preset.scale();
      } else {
        throw bad(
            scaleKey, "must be set (to " + q.unit() + "): the preset does not read " + q.key());
      }
      if (at + encoding.words() - 1 > 0xFFFF) {
        throw bad(
            addressKey,
            "leaves no room for the " + encoding.words() + " words of " + encoding.configName());
      }
      return new Register(kind, at, encoding, scale);
    }

    private String string(MeterKey key) {
      String v = values.get(key.key());
      return v == null ? key.defaultValue() : v;
    }

    private String origin(MeterKey key) {
      return values.containsKey(key.key()) ? origins.apply(key.key()) : "default";
    }

    private ConfigException bad(MeterKey key, String why) {
      return new ConfigException(
          key.key() + " = '" + string(key) + "' (from " + origin(key) + ") " + why);
    }

    private int integer(MeterKey key, int min, int max) throws ConfigException {
      return Values.integer(string(key), min, max, why -> bad(key, why));
    }

    private double number(MeterKey key) throws ConfigException {
      return Values.number(string(key), why -> bad(key, why));
    }

    private String choice(MeterKey key, String... allowed) throws ConfigException {
      return Values.choice(string(key), why -> bad(key, why), allowed);
    }

    /** 1s, 500ms, as the agent's durations are written; between 50 ms and 60 s. */
    private Duration duration(MeterKey key) throws ConfigException {
      Duration d = Values.duration(string(key), why -> bad(key, why));
      if (d.compareTo(Duration.ofMillis(50)) < 0 || d.compareTo(Duration.ofSeconds(60)) > 0) {
        throw bad(key, "must be between 50ms and 60s");
      }
      return d;
    }

    private static String encodingNames() {
      StringBuilder b = new StringBuilder();
      for (Encoding e : Encoding.values()) {
        b.append(b.isEmpty() ? "" : ", ").append(e.configName());
      }
      return b.toString();
    }
  }
}
