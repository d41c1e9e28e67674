package dev.setpoint.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.device.meter.MeterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  @Test
  void flagsWinOverEnvironmentOverFileOverDefaults() throws Exception {
    Path file = dir.resolve("agent.properties");
    Files.writeString(
        file, "ingest.url=http://file:1\ninterval=30s\nsensor=bme280\nsetpoint.max=26\n");
    Settings s =
        Settings.resolve(
            new String[] {
              "--config", file.toString(), "--interval=5s", "--actuator.relay.active-high"
            },
            Map.of("SETPOINT_DEVICE_INGEST_URL", "http://env:2", "SETPOINT_DEVICE_INTERVAL", "1m"));
    assertEquals("http://env:2", s.string(Key.INGEST_URL));
    assertEquals(Duration.ofSeconds(5), s.duration(Key.INTERVAL));
    assertEquals("bme280", s.choice(Key.SENSOR, "dht22", "bme280"));
    assertEquals(26.0, s.number(Key.SETPOINT_MAX));
    assertEquals(18.0, s.number(Key.SETPOINT_MIN));
    assertTrue(s.bool(Key.RELAY_ACTIVE_HIGH));
    assertEquals(0x76, s.integer(Key.I2C_ADDRESS, 0, 127));
    assertEquals("flag --interval", s.origin(Key.INTERVAL));
  }

  @Test
  void mistakesNameTheKeyAndItsSource() throws Exception {
    assertThrows(
        ConfigException.class, () -> Settings.resolve(new String[] {"--intervall=5s"}, Map.of()));
    Settings s = Settings.resolve(new String[] {}, Map.of("SETPOINT_DEVICE_SIMULATE", "many"));
    ConfigException e = assertThrows(ConfigException.class, () -> s.integer(Key.SIMULATE, 0, 10));
    assertTrue(e.getMessage().contains("SETPOINT_DEVICE_SIMULATE"), e.getMessage());
    assertTrue(Settings.resolve(new String[] {"--help"}, Map.of()).help());
    assertTrue(Settings.usage().contains("--buffer.max-events"));
    assertTrue(Settings.usage().contains("--device.room"));
    assertTrue(Settings.usage().contains("--fleet.rack-sensors"));
  }

  @Test
  void aNegativeDurationIsNotPositiveAndOneTooLongForADurationIsNone() throws Exception {
    for (String negative : List.of("-5s", "PT-5S")) {
      Settings s = Settings.resolve(new String[] {"--interval=" + negative}, Map.of());
      assertEquals(
          "interval = '" + negative + "' (from flag --interval) must be positive",
          assertThrows(ConfigException.class, () -> s.duration(Key.INTERVAL)).getMessage());
    }
    // Digits a long cannot hold, hours a duration cannot: refused, not a NumberFormatException.
    for (String huge : List.of("99999999999999999999s", "9999999999999999h")) {
      Settings s = Settings.resolve(new String[] {"--interval=" + huge}, Map.of());
      assertEquals(
          "interval = '"
              + huge
              + "' (from flag --interval) is not a duration such as 10s, 500ms,"
              + " 5m",
          assertThrows(ConfigException.class, () -> s.duration(Key.INTERVAL)).getMessage());
    }
  }

  @Test
  void theMetersKeysAreAcceptedFromEverySourceAndAnUnknownOneIsRefused() throws Exception {
    Path file = dir.resolve("agent.properties");
    Files.writeString(file, "meter=tcp\nmeter.tcp.host=10.20.0.15\nmeter.unit-id=3\n");
    Settings s =
        Settings.resolve(
            new String[] {"--config", file.toString(), "--meter.timeout=500ms"},
            Map.of("SETPOINT_DEVICE_METER_UNIT_ID", "7", "SETPOINT_DEVICE_METER_BOGUS", "1"));
    assertEquals(
        Map.of(
            "meter", "tcp",
            "meter.tcp.host", "10.20.0.15",
            "meter.unit-id", "7",
            "meter.timeout", "500ms"),
        s.meter(),
        "only the keys that are set; MeterConfig holds the defaults");
    assertEquals("flag --meter.timeout", s.origin("meter.timeout"));
    assertEquals("environment SETPOINT_DEVICE_METER_UNIT_ID", s.origin("meter.unit-id"));
    assertEquals(file.toString(), s.origin("meter.tcp.host"));
    assertEquals("default", s.origin("meter.preset"));

    assertEquals(
        "unknown flag --meter.bogus (see --help)",
        assertThrows(
                ConfigException.class,
                () -> Settings.resolve(new String[] {"--meter.bogus=1"}, Map.of()))
            .getMessage());
    Files.writeString(file, "meter=tcp\nmeter.tcp.hots=10.20.0.15\n");
    assertEquals(
        "unknown key 'meter.tcp.hots' in " + file,
        assertThrows(
                ConfigException.class,
                () -> Settings.resolve(new String[] {"--config", file.toString()}, Map.of()))
            .getMessage());
    String usage = Settings.usage();
    for (MeterKey key : MeterKey.values()) {
      assertTrue(usage.contains("--" + key.key() + " "), key.key());
    }
    assertTrue(usage.contains("(default: eastron-sdm630)"), usage);
  }
}
