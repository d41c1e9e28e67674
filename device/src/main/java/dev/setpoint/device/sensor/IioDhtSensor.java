package dev.setpoint.device.sensor;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A DHT22 or DHT11 read through the Linux kernel's IIO driver ({@code dht11}, which serves both;
 * enable it with {@code dtoverlay=dht11,gpiopin=4}). The driver exposes {@code in_temp_input} in
 * milli-°C and {@code in_humidityrelative_input} in milli-%RH. The single-wire protocol fails
 * often: a read then fails with EIO (checksum, short frame) or ETIMEDOUT (no answer), which are
 * retried a bounded number of times with a pause, as the sensor needs about 2 s between
 * conversions. A missing or unreadable file (driver not loaded, wrong device) is not retried.
 */
public final class IioDhtSensor implements Sensor {
  private static final Logger LOG = Logger.getLogger(IioDhtSensor.class.getName());

  /** Reads one sysfs attribute; the real one is {@link Files#readString}. */
  @FunctionalInterface
  public interface AttributeReader {
    String read(Path attribute) throws IOException;
  }

  /** Pauses between attempts; the real one sleeps. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private final String model;
  private final Path device;
  private final int attempts;
  private final Duration retryDelay;
  private final AttributeReader reader;
  private final Pause pause;

  /**
   * @param model {@code dht22} or {@code dht11}, for the log
   * @param device the IIO device directory, e.g. {@code /sys/bus/iio/devices/iio:device0}
   * @param attempts how many reads to try per sample, at least 1
   * @param retryDelay pause between attempts (the DHT needs ~2 s between conversions)
   */
  public IioDhtSensor(String model, Path device, int attempts, Duration retryDelay) {
    this(model, device, attempts, retryDelay, Files::readString, d -> Thread.sleep(d));
  }

  IioDhtSensor(
      String model,
      Path device,
      int attempts,
      Duration retryDelay,
      AttributeReader reader,
      Pause pause) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    this.model = model;
    this.device = device;
    this.attempts = attempts;
    this.retryDelay = retryDelay;
    this.reader = reader;
    this.pause = pause;
  }

  @Override
  public Climate read() throws SensorException {
    IOException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        // The driver caches a conversion for 2 s, so these two reads see the same one.
        double temperature = milli(device.resolve("in_temp_input"));
        double humidity = milli(device.resolve("in_humidityrelative_input"));
        if (temperature < -40 || temperature > 80 || humidity < 0 || humidity > 100) {
          last = new IOException("implausible sample " + temperature + " °C " + humidity + " %RH");
        } else {
          return new Climate(temperature, humidity);
        }
      } catch (NoSuchFileException | AccessDeniedException e) {
        throw new SensorException(
            model + ": cannot read " + e.getFile() + " (is the dht11 overlay loaded?)", e);
      } catch (IOException e) {
        last = e; // EIO or ETIMEDOUT from the driver: the next conversion may well succeed
      }
      if (attempt < attempts) {
        LOG.log(Level.FINE, "{0}: attempt {1} failed: {2}", new Object[] {model, attempt, last});
        try {
          pause.pause(retryDelay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SensorException(model + ": interrupted", e);
        }
      }
    }
    throw new SensorException(
        model + ": no valid sample after " + attempts + " attempts: " + last.getMessage(), last);
  }

  private double milli(Path attribute) throws IOException {
    String text = reader.read(attribute).trim();
    try {
      return Long.parseLong(text) / 1000.0;
    } catch (NumberFormatException e) {
      throw new IOException(attribute + " holds '" + text + "', not an integer", e);
    }
  }

  @Override
  public String describe() {
    return model + " at " + device;
  }
}
