package dev.setpoint.device;

import com.pi4j.context.Context;
import dev.setpoint.device.config.SensorConfig;
import dev.setpoint.device.sensor.Bme280Sensor;
import dev.setpoint.device.sensor.IioDhtSensor;
import dev.setpoint.device.sensor.Sensor;
import dev.setpoint.device.sensor.SensorException;
import java.io.IOException;
import java.util.function.Supplier;

/** A real device's sensor: a DHT through the kernel's IIO files, a BME280 on the Pi4J context. */
record SensorFactory(Supplier<Context> pi4j) {
  /** Opens the sensor; a BME280 that does not answer is an IOException with the reason. */
  Sensor open(SensorConfig config) throws IOException {
    return switch (config) {
      case SensorConfig.Dht dht ->
          new IioDhtSensor(dht.kind(), dht.iioDevice(), dht.attempts(), dht.retryDelay());
      case SensorConfig.Bme280 bme -> {
        Context context = pi4j.get();
        try {
          yield Bme280Sensor.open(context, bme.bus(), bme.address());
        } catch (SensorException e) {
          throw new IOException(e.getMessage(), e);
        }
      }
    };
  }
}
