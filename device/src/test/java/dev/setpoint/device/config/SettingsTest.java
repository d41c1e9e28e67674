package dev.setpoint.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
            new String[] {"--config", file.toString(), "--interval=5s", "--rotate-token"},
            Map.of("SETPOINT_DEVICE_INGEST_URL", "http://env:2", "SETPOINT_DEVICE_INTERVAL", "1m"));
    assertEquals("http://env:2", s.string(Key.INGEST_URL));
    assertEquals(Duration.ofSeconds(5), s.duration(Key.INTERVAL));
    assertEquals("bme280", s.choice(Key.SENSOR, "dht22", "bme280"));
    assertEquals(26.0, s.number(Key.SETPOINT_MAX));
    assertEquals(18.0, s.number(Key.SETPOINT_MIN));
    assertTrue(s.bool(Key.ROTATE_TOKEN));
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
}
