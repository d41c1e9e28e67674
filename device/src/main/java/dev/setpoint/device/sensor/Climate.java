package dev.setpoint.device.sensor;

/**
 * One sample of the room's air.
 *
 * @param temperature air temperature, °C
 * @param humidity relative humidity, %RH
 */
public record Climate(double temperature, double humidity) {
  public Climate {
    if (!Double.isFinite(temperature) || !Double.isFinite(humidity)) {
      throw new IllegalArgumentException(
          "not a climate sample: temperature " + temperature + ", humidity " + humidity);
    }
  }
}
