package dev.setpoint.device.config;

import dev.setpoint.device.meter.MeterKey;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's settings from four sources, highest first: command-line flags ({@code --key=value} or
 * {@code --key value}; a boolean key alone means true), environment variables ({@code
 * SETPOINT_DEVICE_} plus the key in upper case with {@code .} and {@code -} as {@code _}), a
 * properties file ({@code --config FILE} or {@code SETPOINT_DEVICE_CONFIG}), and the defaults of
 * {@link Key}. The energy meter's keys ({@link MeterKey}, {@code meter} and {@code meter.*}) come
 * from the same sources; their defaults and meaning stay with {@link MeterKey} and {@link
 * dev.setpoint.device.meter.MeterConfig}, which reads them ({@link #meter()}). An unknown key in a
 * flag or the file is an error, so a typo never goes unnoticed.
 */
public final class Settings {
  /** Prefix of the environment variables. */
  public static final String ENV_PREFIX = "SETPOINT_DEVICE_";

  /**
   * Keys of earlier versions that are gone on purpose, each with what to do instead: the agent once
   * registered its devices with an operator's token or password, which then stayed on the device.
   * Given anyway (flag, environment or file), they stop the agent with this message rather than
   * being ignored, so no one believes a credential is still in use.
   */
  static final Map<String, String> RETIRED = retired();

  private static Map<String, String> retired() {
    String enrol =
        " is no longer supported: the agent keeps no operator credential. An operator makes an"
            + " enrolment code (./setpoint device enrol, or POST /api/enrolment/codes) and the agent"
            + " trades it once for its devices' own tokens: set enrolment.code-file (see the"
            + " device README, \"Enrolment\"), and delete the operator token or password from"
            + " this device";
    Map<String, String> retired = new LinkedHashMap<>();
    for (String key :
        List.of(
            "operator.token",
            "operator.token-file",
            "operator.username",
            "operator.password-file")) {
      retired.put(key, key + enrol);
    }
    retired.put(
        "rotate-token",
        "rotate-token is no longer supported: an enrolment code that names an existing device"
            + " gives it a new token (./setpoint device enrol <name> ...; see the device README,"
            + " \"Enrolment\")");
    return Map.copyOf(retired);
  }

  private final Map<String, String> values;
  private final Map<String, String> origins;
  private final boolean help;

  private Settings(Map<String, String> values, Map<String, String> origins, boolean help) {
    this.values = values;
    this.origins = origins;
    this.help = help;
  }

  /**
   * Resolves the settings.
   *
   * @param args command-line arguments
   * @param env the environment (System.getenv() in production)
   */
  public static Settings resolve(String[] args, Map<String, String> env) throws ConfigException {
    Map<String, String> flags = new LinkedHashMap<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new ConfigException("unexpected argument '" + arg + "' (see --help)");
      }
      String name = arg.substring(2);
      retiredCheck(name.contains("=") ? name.substring(0, name.indexOf('=')) : name);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else {
        Key key = Key.byName(name);
        if (key != null && key.isBoolean()) {
          value = "true";
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new ConfigException("flag --" + name + " needs a value");
        }
      }
      if (!known(name) && !name.equals("config")) {
        throw new ConfigException("unknown flag --" + name + " (see --help)");
      }
      flags.put(name, value);
    }

    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    for (Key key : Key.values()) {
      values.put(key.key(), key.defaultValue());
      origins.put(key.key(), "default");
    }
    String configFile = flags.getOrDefault("config", env.get(ENV_PREFIX + "CONFIG"));
    if (configFile != null && !configFile.isEmpty()) {
      Properties file = new Properties();
      try (Reader in = Files.newBufferedReader(Path.of(configFile), StandardCharsets.UTF_8)) {
        file.load(in);
      } catch (IOException e) {
        throw new ConfigException("cannot read the configuration file " + configFile + ": " + e);
      }
      for (String name : file.stringPropertyNames()) {
        retiredCheck(name);
        if (!known(name)) {
          throw new ConfigException("unknown key '" + name + "' in " + configFile);
        }
        values.put(name, file.getProperty(name).trim());
        origins.put(name, configFile);
      }
    }
    for (String name : RETIRED.keySet()) {
      if (env.containsKey(envName(name))) {
        throw new ConfigException("environment " + envName(name) + ": " + RETIRED.get(name));
      }
    }
    List<String> names = new ArrayList<>();
    for (Key key : Key.values()) {
      names.add(key.key());
    }
    for (MeterKey key : MeterKey.values()) {
      names.add(key.key());
    }
    for (String name : names) {
      String value = env.get(envName(name));
      if (value != null) {
        values.put(name, value);
        origins.put(name, "environment " + envName(name));
      }
    }
    for (Map.Entry<String, String> flag : flags.entrySet()) {
      if (!flag.getKey().equals("config")) {
        values.put(flag.getKey(), flag.getValue());
        origins.put(flag.getKey(), "flag --" + flag.getKey());
      }
    }
    return new Settings(values, origins, help);
  }

  private static void retiredCheck(String name) throws ConfigException {
    String retired = RETIRED.get(name);
    if (retired != null) {
      throw new ConfigException(retired);
    }
  }

  /** Whether a flag or a line of the file names a key: the agent's or the meter's. */
  private static boolean known(String name) {
    return Key.byName(name) != null || MeterKey.byName(name) != null;
  }

  /** The environment variable of a key, e.g. {@code SETPOINT_DEVICE_INGEST_URL}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public boolean help() {
    return help;
  }

  public String string(Key key) {
    return values.get(key.key());
  }

  /** Where a key's value came from, for messages. */
  public String origin(Key key) {
    return origins.get(key.key());
  }

  /**
   * The meter keys that are set (by a flag, the environment or the file), for {@link
   * dev.setpoint.device.meter.MeterConfig#parse(Map, java.util.function.Function)}; a key not in it
   * takes {@link MeterKey}'s default.
   */
  public Map<String, String> meter() {
    Map<String, String> meter = new LinkedHashMap<>();
    for (MeterKey key : MeterKey.values()) {
      String value = values.get(key.key());
      if (value != null) {
        meter.put(key.key(), value);
      }
    }
    return meter;
  }

  /** Where a key's value came from, by its name (a meter key's too), for messages. */
  public String origin(String key) {
    return origins.getOrDefault(key, "default");
  }

  public int integer(Key key, int min, int max) throws ConfigException {
    return Values.integer(string(key), min, max, why -> bad(key, why));
  }

  public double number(Key key) throws ConfigException {
    return Values.number(string(key), why -> bad(key, why));
  }

  public boolean bool(Key key) throws ConfigException {
    return switch (string(key).trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0", "" -> false;
      default -> throw bad(key, "is not true or false");
    };
  }

  /** A duration such as {@code 10s}, {@code 500ms}, {@code 5m}, {@code 1h} or ISO {@code PT10S}. */
  /** A duration such as {@code 10s}, {@code 500ms}, {@code 5m}, {@code 1h} or ISO {@code PT10S}. */
  public Duration duration(Key key) throws ConfigException {
    return Values.duration(string(key), why -> bad(key, why));
  }

  /** One of the allowed words, lower case. */
  public String choice(Key key, String... allowed) throws ConfigException {
    return Values.choice(string(key), why -> bad(key, why), allowed);
  }

  private static String usageLine(String key, String help, String defaultValue) {
    String def = defaultValue.isEmpty() ? "" : " (default: " + defaultValue + ")";
    return String.format("  --%-26s %s%s", key, help, def);
  }

  public ConfigException bad(Key key, String why) {
    return new ConfigException(
        key.key() + " = '" + string(key) + "' (from " + origin(key) + ") " + why);
  }

  /** The usage text of {@code --help}. */
  public static String usage() {
    List<String> lines = new ArrayList<>();
    lines.add("Usage: setpoint-device [--config FILE] [--KEY=VALUE ...] [--simulate N] [--help]");
    lines.add("");
    lines.add("Setpoint's device agent, one EdgeX device of profile room-controller: posts the");
    lines.add("room's temperature and humidity with the setpoint in effect (and, with a meter,");
    lines.add("the cooling's power and energy counter) to ingest as EdgeX v3");
    lines.add("events, buffers them durably while ingest is away, and applies the setpoint it");
    lines.add("reads through Core Command, never outside the safe range. With device.role=sensor");
    lines.add("it is one more inlet sensor of its device.room instead (profile room-sensor:");
    lines.add("readings only, no actuator, no commands); a simulated fleet's rooms may also have");
    lines.add("such rack sensors (fleet.rack-sensors).");
    lines.add("");
    lines.add("Each KEY is a flag (--KEY=VALUE), an environment variable (SETPOINT_DEVICE_KEY,");
    lines.add("upper case, '.' and '-' as '_') and a line of the --config properties file");
    lines.add(
        "(SETPOINT_DEVICE_CONFIG); flags win over the environment, which wins over the file.");
    lines.add("");
    for (Key key : Key.values()) {
      lines.add(usageLine(key.key(), key.help(), key.defaultValue()));
    }
    lines.add("");
    lines.add("Energy meter of a real controller (Modbus; README, \"Energy meter (Modbus)\"); a");
    lines.add("simulated room's controller reports its simulator's power and counters instead.");
    lines.add("An empty default of a meter.<power|energy|it-power>.* key means the preset's:");
    for (MeterKey key : MeterKey.values()) {
      lines.add(usageLine(key.key(), key.help(), key.defaultValue()));
    }
    return String.join(System.lineSeparator(), lines);
  }
}
