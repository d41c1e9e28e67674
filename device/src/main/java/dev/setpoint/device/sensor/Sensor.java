package dev.setpoint.device.sensor;

/** A source of room climate samples: a DHT22/DHT11, a BME280 or a simulated room. */
public interface Sensor extends AutoCloseable {

  /**
   * Takes one sample.
   *
   * @throws SensorException the sensor did not give a usable sample this time
   */
  Climate read() throws SensorException;

  /** What the sensor is, for the log, e.g. {@code dht22 at /sys/bus/iio/devices/iio:device0}. */
  String describe();

  @Override
  default void close() {}
}
