package dev.setpoint.device.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake sysfs tree: the IIO device directory with the dht11 driver's two attributes. */
class IioDhtSensorTest {
  @TempDir Path sys;

  private Path device(String temp, String humidity) throws IOException {
    Path dir = Files.createDirectories(sys.resolve("bus/iio/devices/iio:device0"));
    Files.writeString(dir.resolve("in_temp_input"), temp);
    Files.writeString(dir.resolve("in_humidityrelative_input"), humidity);
    return dir;
  }

  @Test
  void readsMilliUnits() throws Exception {
    Path dir = device("23400\n", "41700\n");
    List<Duration> pauses = new ArrayList<>();
    IioDhtSensor sensor =
        new IioDhtSensor(
            "dht22", dir, 3, Duration.ofSeconds(2), java.nio.file.Files::readString, pauses::add);
    Climate c = sensor.read();
    assertEquals(23.4, c.temperature(), 1e-9);
    assertEquals(41.7, c.humidity(), 1e-9);
    assertEquals(0, pauses.size(), "no retry on success");
  }

  @Test
  void retriesTheDriversTransientErrorsWithAPause() throws Exception {
    Path dir = device("-5300", "88000");
    AtomicInteger failuresLeft = new AtomicInteger(3);
    List<Duration> pauses = new ArrayList<>();
    IioDhtSensor sensor =
        new IioDhtSensor(
            "dht22",
            dir,
            5,
            Duration.ofMillis(2100),
            path -> {
              if (failuresLeft.getAndDecrement() > 0) {
                // what the JDK makes of -EIO / -ETIMEDOUT from read(2)
                throw new IOException(
                    failuresLeft.get() % 2 == 0 ? "Input/output error" : "Connection timed out");
              }
              return Files.readString(path);
            },
            pauses::add);
    Climate c = sensor.read();
    assertEquals(-5.3, c.temperature(), 1e-9);
    assertEquals(88.0, c.humidity(), 1e-9);
    assertEquals(
        List.of(Duration.ofMillis(2100), Duration.ofMillis(2100), Duration.ofMillis(2100)), pauses);
  }

  @Test
  void givesUpAfterTheBoundedAttempts() throws Exception {
    Path dir = device("1", "1");
    AtomicInteger reads = new AtomicInteger();
    IioDhtSensor sensor =
        new IioDhtSensor(
            "dht11",
            dir,
            4,
            Duration.ZERO,
            path -> {
              reads.incrementAndGet();
              throw new IOException("Input/output error");
            },
            d -> {});
    SensorException e = assertThrows(SensorException.class, sensor::read);
    assertEquals(4, reads.get());
    assertTrue(e.getMessage().contains("4 attempts"), e.getMessage());
  }

  @Test
  void missingDriverIsNotRetried() {
    AtomicInteger pauses = new AtomicInteger();
    IioDhtSensor sensor =
        new IioDhtSensor(
            "dht22",
            sys.resolve("bus/iio/devices/iio:device7"),
            5,
            Duration.ZERO,
            java.nio.file.Files::readString,
            d -> pauses.incrementAndGet());
    SensorException e = assertThrows(SensorException.class, sensor::read);
    assertEquals(0, pauses.get());
    assertTrue(e.getMessage().contains("in_temp_input"), e.getMessage());
  }

  @Test
  void implausibleValueIsRetried() throws Exception {
    Path dir = device("23000", "41000");
    AtomicInteger reads = new AtomicInteger();
    IioDhtSensor sensor =
        new IioDhtSensor(
            "dht22",
            dir,
            3,
            Duration.ZERO,
            path -> reads.incrementAndGet() == 1 ? "3276700" : Files.readString(path),
            d -> {});
    assertEquals(23.0, sensor.read().temperature(), 1e-9);
    assertEquals(4, reads.get(), "first pair discarded, second pair read");
  }
}
