package dev.setpoint.model.sim;

import java.time.Instant;
import java.util.List;

/**
 * What the simulated room looks like after a step: the sensor readings the device agent reports and
 * the energy the evaluation counts.
 *
 * @param time simulated time of this state
 * @param inletTemperatureC the room's inlet reading: the highest of its rack sensors' readings, °C
 *     (NaN when every sensor is missing)
 * @param relativeHumidityPct relative humidity at the hottest rack's inlet as its sensor reads it,
 *     %
 * @param outdoorTemperatureC outdoor air temperature, °C
 * @param outdoorHumidityPct outdoor relative humidity, %
 * @param weatherCategory the report's weather category, 1–9
 * @param setpointC the setpoint the units held during the step, °C
 * @param roomAirTemperatureC the room (return) air temperature the units control, °C
 * @param itLoadKw IT power, compute plus server fans, kW (all of it heats the room)
 * @param serverFanExtraKw the part of IT power that server fans draw above their idle speed, kW
 * @param coolingKw heat removed (sensible + latent), kW thermal
 * @param electricKw the cooling's electric power (compressors, indoor fans, economiser), kW
 * @param cop heat removed per electric kW
 * @param capacityLimited whether the units ran at their capacity limit during the last sub-step
 * @param freeCoolingShare the share of the heat the economiser removed, 0–1
 * @param hottestInletC the true (noise-free) inlet temperature of the hottest rack, °C
 * @param dewPointC the room air's dew point, °C
 * @param rackInletsC each rack sensor's reading, °C (NaN for a missing sensor)
 * @param cumulativeCoolingKwh electric energy of the cooling since the simulation began, kWh
 * @param cumulativeServerFanKwh energy the server fans drew above idle speed since the start, kWh
 * @param cumulativeItKwh IT energy (compute plus server fans) since the start, kWh
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
    double serverFanExtraKw,
    double coolingKw,
    double electricKw,
    double cop,
    boolean capacityLimited,
    double freeCoolingShare,
    double hottestInletC,
    double dewPointC,
    List<Double> rackInletsC,
    double cumulativeCoolingKwh,
    double cumulativeServerFanKwh,
    double cumulativeItKwh) {

  public RoomState {
    rackInletsC = List.copyOf(rackInletsC);
  }

  /**
   * The energy a setpoint can change since the start: cooling plus the server fans' part above idle
   * speed, kWh.
   */
  public double cumulativeControllableKwh() {
    return cumulativeCoolingKwh + cumulativeServerFanKwh;
  }
}
