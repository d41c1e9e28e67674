package dev.setpoint.model.sim;

/**
 * The physical constants of a simulated server room and its air conditioner. {@link #defaults()} is
 * a small room (20 kW of IT) with one 40 kW unit; model/README.md explains each value.
 *
 * @param itLoadKw mean IT heat load, kW
 * @param itDailySwing relative amplitude of the daily load cycle (peak at 14:00 local)
 * @param itWeekendFactor load on Saturday and Sunday relative to weekdays
 * @param itNoise standard deviation of the load's random variation, relative
 * @param heatCapacityKjPerK effective heat capacity of room air and contents, kJ/K
 * @param envelopeUaKwPerK heat transfer to outside through walls, roof and infiltration, kW/K
 * @param solarGainKw heat from the sun through the envelope at noon on a clear day, kW
 * @param volumeM3 room air volume, m³ (for humidity)
 * @param airChangesPerHour infiltration of outdoor air, room volumes per hour
 * @param ratedCapacityKw air conditioner's cooling capacity at 35 °C outdoor, kW
 * @param capacityDeratePerK capacity lost per K of outdoor temperature above 35 °C, relative
 * @param controlTimeConstantS how fast the unit pulls room air to its setpoint, s
 * @param coilApproachK evaporator coil temperature below the setpoint, K
 * @param condenserApproachK condensing temperature above outdoor temperature, K
 * @param minCondensingC the lowest condensing temperature head-pressure control allows, °C
 * @param carnotEfficiency the unit's COP as a share of the Carnot COP between coil and condenser
 * @param maxCop upper bound of the COP
 * @param fanRatedKw indoor fan power at rated capacity, kW (variable speed: cube of the load share)
 * @param hotSpotBaseK rack inlet temperature above room air with the unit idle, K
 * @param hotSpotLoadK inlet temperature rise above room air per unit of load share, K
 * @param hotSpotNoiseK standard deviation of the slow random part of the hot-spot offset, K
 * @param sensorNoiseK standard deviation of the inlet sensor's noise, K
 * @param humiditySensorNoisePct standard deviation of the humidity sensor's noise, %RH
 */
public record RoomParameters(
    double itLoadKw,
    double itDailySwing,
    double itWeekendFactor,
    double itNoise,
    double heatCapacityKjPerK,
    double envelopeUaKwPerK,
    double solarGainKw,
    double volumeM3,
    double airChangesPerHour,
    double ratedCapacityKw,
    double capacityDeratePerK,
    double controlTimeConstantS,
    double coilApproachK,
    double condenserApproachK,
    double minCondensingC,
    double carnotEfficiency,
    double maxCop,
    double fanRatedKw,
    double hotSpotBaseK,
    double hotSpotLoadK,
    double hotSpotNoiseK,
    double sensorNoiseK,
    double humiditySensorNoisePct) {

  public static RoomParameters defaults() {
    return new RoomParameters(
        20.0, 0.15, 0.92, 0.03, 2000.0, 0.15, 1.5, 150.0, 0.3, 40.0, 0.01, 300.0, 8.0, 12.0, 28.0,
        0.35, 9.0, 2.0, 1.0, 3.0, 0.15, 0.05, 0.5);
  }

  /** These parameters with another rated capacity (kW). */
  public RoomParameters withRatedCapacityKw(double kw) {
    return new RoomParameters(
        itLoadKw,
        itDailySwing,
        itWeekendFactor,
        itNoise,
        heatCapacityKjPerK,
        envelopeUaKwPerK,
        solarGainKw,
        volumeM3,
        airChangesPerHour,
        kw,
        capacityDeratePerK,
        controlTimeConstantS,
        coilApproachK,
        condenserApproachK,
        minCondensingC,
        carnotEfficiency,
        maxCop,
        fanRatedKw,
        hotSpotBaseK,
        hotSpotLoadK,
        hotSpotNoiseK,
        sensorNoiseK,
        humiditySensorNoisePct);
  }

  /** These parameters with another mean IT load (kW). */
  public RoomParameters withItLoadKw(double kw) {
    return new RoomParameters(
        kw,
        itDailySwing,
        itWeekendFactor,
        itNoise,
        heatCapacityKjPerK,
        envelopeUaKwPerK,
        solarGainKw,
        volumeM3,
        airChangesPerHour,
        ratedCapacityKw,
        capacityDeratePerK,
        controlTimeConstantS,
        coilApproachK,
        condenserApproachK,
        minCondensingC,
        carnotEfficiency,
        maxCop,
        fanRatedKw,
        hotSpotBaseK,
        hotSpotLoadK,
        hotSpotNoiseK,
        sensorNoiseK,
        humiditySensorNoisePct);
  }
}
