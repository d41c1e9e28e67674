package dev.setpoint.device.config;

/**
 * Which devices this process speaks for: one real device, one simulated room ({@code sensor =
 * simulated}), or ({@code simulate > 0}) a fleet of simulated rooms. All belong to the same device
 * service and site.
 */
public sealed interface DevicesConfig {
  String service();

  String site();

  /**
   * One device with its sensor and actuator.
   *
   * @param name {@code device.name}; empty means the host name
   */
  record Real(
      String service, String site, String name, SensorConfig sensor, ActuatorConfig actuator)
      implements DevicesConfig {}

  /**
   * One simulated room, driven by its own air conditioner whatever {@code actuator} says.
   *
   * @param name {@code device.name}; empty means the host name
   */
  record Simulated(String service, String site, String name) implements DevicesConfig {}

  /** {@code size} simulated rooms {@code <prefix>-0001 ...}, seeded from {@code seed}. */
  record Fleet(String service, String site, int size, String prefix, int seed)
      implements DevicesConfig {}
}
