package dev.setpoint.device.actuator;

/**
 * The setpoints this device may ever apply, °C, both ends included; configured per room and never
 * wider than what the installer allows, whatever a command says.
 */
public record SafeRange(double min, double max) {
  public SafeRange {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException("safe range " + min + ".." + max + " is not a range");
    }
  }

  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  @Override
  public String toString() {
    return min + ".." + max + " °C";
  }
}
