package dev.setpoint.device.actuator;

import java.util.logging.Logger;

/** Applies a setpoint by logging it, for a room whose air conditioner is set by hand. */
public final class LogActuator implements Actuator {
  private static final Logger LOG = Logger.getLogger(LogActuator.class.getName());

  private final String device;

  public LogActuator(String device) {
    this.device = device;
  }

  @Override
  public void apply(double setpoint) {
    LOG.info(() -> device + ": set the air conditioner to " + setpoint + " °C");
  }
}
