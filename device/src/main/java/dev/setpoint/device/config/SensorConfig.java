package dev.setpoint.device.config;

import java.nio.file.Path;
import java.time.Duration;

/** The sensor of a real device ({@code sensor}), with the settings of its kind only. */
public sealed interface SensorConfig {
  /** The {@code sensor} word, as the registered device's label shows it. */
  String kind();

  /** A DHT22 or DHT11 read through the kernel's IIO driver. */
  record Dht(String kind, Path iioDevice, int attempts, Duration retryDelay)
      implements SensorConfig {}

  /** A BME280 on an I2C bus. */
  record Bme280(int bus, int address) implements SensorConfig {
    @Override
    public String kind() {
      return "bme280";
    }
  }
}
