package dev.setpoint.model.sim;

import java.time.Instant;

/**
 * What the simulated room looks like after a step: the sensor readings the device agent reports and
 * the energy the evaluation counts.
 *
 * @param time simulated time of this state
 * @param inletTemperatureC rack inlet temperature as the sensor reads it, °C
 * @param relativeHumidityPct relative humidity at the inlet sensor, %
 * @param outdoorTemperatureC outdoor air temperature, °C
 * @param outdoorHumidityPct outdoor relative humidity, %
 * @param weatherCategory the report's weather category, 1–9
 * @param setpointC the setpoint the unit held during the step, °C
 * @param roomAirTemperatureC the room (return) air temperature the unit controls, °C
 * @param itLoadKw IT heat load, kW
 * @param coolingKw heat removed (sensible + latent), kW thermal, at the end of the step
 * @param electricKw the unit's electric power (compressor + fan), kW, at the end of the step
 * @param cop coefficient of performance at the end of the step
 * @param capacityLimited whether the unit ran at its capacity limit during the last sub-step
 * @param cumulativeCoolingKwh electric energy the unit used since the simulation began, kWh
 */
public record RoomState(
    Instant time,
    double inletTemperatureC,
    double relativeHumidityPct,
    double outdoorTemperatureC,
    double outdoorHumidityPct,
    int weatherCategory,
    double setpointC,
    double roomAirTemperatureC,
    double itLoadKw,
    double coolingKw,
    double electricKw,
    double cop,
    boolean capacityLimited,
    double cumulativeCoolingKwh) {}
