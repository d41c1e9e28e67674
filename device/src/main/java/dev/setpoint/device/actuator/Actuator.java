package dev.setpoint.device.actuator;

/**
 * Where a setpoint takes effect: a relay that switches the cooling unit, a log line, or a simulated
 * air conditioner. Values reach it only through {@link SetpointGuard}, which keeps them inside the
 * safe range.
 */
public interface Actuator extends AutoCloseable {

  /** Makes this the target temperature, °C. */
  void apply(double setpoint);

  /**
   * Tells the actuator the room's latest temperature; a relay thermostat switches on it, others
   * ignore it.
   */
  default void observe(double temperature) {}

  @Override
  default void close() {}
}
