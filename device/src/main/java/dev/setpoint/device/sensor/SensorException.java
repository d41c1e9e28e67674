package dev.setpoint.device.sensor;

/** A sample could not be taken; the agent skips this tick and tries again at the next. */
public class SensorException extends Exception {
  public SensorException(String message) {
    super(message);
  }

  public SensorException(String message, Throwable cause) {
    super(message, cause);
  }
}
