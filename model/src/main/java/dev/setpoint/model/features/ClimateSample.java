package dev.setpoint.model.features;

import java.time.Instant;

/**
 * One sample of a room as the model sees it: the six values of the feature layout, in its order.
 *
 * @param time when the indoor readings were taken
 * @param indoorTemperatureC rack inlet (indoor) temperature, °C
 * @param indoorHumidityPct indoor relative humidity, %
 * @param outdoorTemperatureC outdoor temperature, °C
 * @param outdoorHumidityPct outdoor relative humidity, %
 * @param weatherCategory the report's weather category, 1–9
 * @param setpointC the air conditioner's setpoint in effect, °C
 */
public record ClimateSample(
    Instant time,
    double indoorTemperatureC,
    double indoorHumidityPct,
    double outdoorTemperatureC,
    double outdoorHumidityPct,
    int weatherCategory,
    double setpointC) {

  /** This sample stamped with another time (a device clock that runs ahead or behind). */
  public ClimateSample at(Instant t) {
    return new ClimateSample(
        t,
        indoorTemperatureC,
        indoorHumidityPct,
        outdoorTemperatureC,
        outdoorHumidityPct,
        weatherCategory,
        setpointC);
  }

  /** This sample with the outdoor values of {@code other} (a weather feed that stopped). */
  public ClimateSample withOutdoorOf(ClimateSample other) {
    return new ClimateSample(
        time,
        indoorTemperatureC,
        indoorHumidityPct,
        other.outdoorTemperatureC,
        other.outdoorHumidityPct,
        other.weatherCategory,
        setpointC);
  }

  /** Whether every value is a finite number and the category is 1–9. */
  public boolean isComplete() {
    return time != null
        && Double.isFinite(indoorTemperatureC)
        && Double.isFinite(indoorHumidityPct)
        && Double.isFinite(outdoorTemperatureC)
        && Double.isFinite(outdoorHumidityPct)
        && weatherCategory >= 1
        && weatherCategory <= 9
        && Double.isFinite(setpointC);
  }
}
