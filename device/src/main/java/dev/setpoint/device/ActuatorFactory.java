package dev.setpoint.device;

import com.pi4j.context.Context;
import dev.setpoint.device.actuator.Actuator;
import dev.setpoint.device.actuator.LogActuator;
import dev.setpoint.device.actuator.RelayThermostat;
import dev.setpoint.device.config.ActuatorConfig;
import java.io.IOException;
import java.util.function.Supplier;

/** A real device's actuator: a log line, or a relay thermostat on the Pi4J context. */
record ActuatorFactory(Supplier<Context> pi4j) {
  /** Opens the actuator; a relay that cannot be driven is an IOException naming its GPIO. */
  Actuator open(ActuatorConfig config, String device) throws IOException {
    return switch (config) {
      case ActuatorConfig.Log log -> new LogActuator(device);
      case ActuatorConfig.Relay relay -> relay(relay);
    };
  }

  private RelayThermostat relay(ActuatorConfig.Relay relay) throws IOException {
    Context context = pi4j.get();
    try {
      return new RelayThermostat(context, relay.pin(), relay.activeHigh(), relay.hysteresis());
    } catch (RuntimeException e) { // Pi4JException, or gpiod's "No gpio chip" off a Pi
      throw new IOException(
          "cannot drive the relay on GPIO " + relay.pin() + ": " + e.getMessage(), e);
    }
  }
}
