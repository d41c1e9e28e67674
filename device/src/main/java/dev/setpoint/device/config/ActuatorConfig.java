package dev.setpoint.device.config;

/** The actuator of a real device ({@code actuator}), with the settings of its kind only. */
public sealed interface ActuatorConfig {
  /** A log line per setpoint, for a unit set by hand. */
  record Log() implements ActuatorConfig {}

  /** A relay thermostat on a GPIO output (BCM number). */
  record Relay(int pin, boolean activeHigh, double hysteresis) implements ActuatorConfig {}
}
