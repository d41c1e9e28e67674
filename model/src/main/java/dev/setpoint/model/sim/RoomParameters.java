package dev.setpoint.model.sim;

/**
 * The physical constants of a simulated server room, its racks and its cooling units. {@link
 * #defaults()} is a small room (20 kW of IT in four racks) with two 25 kW DX units (N+1) and an
 * indirect (dry-cooler) economiser; model/README.md gives each value its source.
 *
 * @param itLoadKw mean IT power of the servers at idle fan speed (compute load), kW
 * @param itDailySwing relative amplitude of the daily load cycle (peak at 14:00 local)
 * @param itWeekendFactor load on Saturday and Sunday relative to weekdays
 * @param itNoise standard deviation of the load's random variation, relative
 * @param serverFanShare server fan power at idle fan speed, as a share of IT power
 * @param serverFanKneeC rack inlet temperature above which server fans speed up, °C
 * @param serverFanSpeedPerK relative fan speed increase per K of inlet above the knee
 * @param heatCapacityKjPerK effective heat capacity of room air and contents, kJ/K
 * @param envelopeUaKwPerK heat transfer to outside through walls, roof and infiltration, kW/K
 * @param solarGainKw heat from the sun through the envelope at noon on a clear day, kW
 * @param volumeM3 room air volume, m³ (for humidity)
 * @param airChangesPerHour infiltration of outdoor air, room volumes per hour
 * @param units cooling units installed (N+1: one more than the design load needs)
 * @param unitCapacityKw one unit's cooling capacity at 35 °C outdoor, kW
 * @param capacityDeratePerK capacity lost per K of outdoor temperature above 35 °C, relative
 * @param controlTimeConstantS how fast the units pull room air to their setpoint, s
 * @param coilApproachK evaporator coil temperature below the setpoint, K
 * @param condenserApproachK condensing temperature above outdoor temperature, K
 * @param minCondensingC the lowest condensing temperature head-pressure control allows, °C
 * @param carnotEfficiency the compressor's COP as a share of the Carnot COP between coil and
 *     condenser
 * @param maxCop upper bound of the compressor's COP
 * @param minPartLoad the compressor's lowest continuous load share; below it, it cycles
 * @param cyclingDegradation the degradation coefficient C_d of a cycling compressor
 * @param unitFanRatedKw one unit's indoor fan power at its rated capacity, kW (variable speed: cube
 *     of the load share)
 * @param economiser whether the units have an indirect (dry-cooler) economiser coil
 * @param economiserApproachK the coolant leaving the dry cooler above outdoor air, K
 * @param economiserKwPerKw pump and dry-cooler fan power per kW of heat the economiser removes
 * @param racks racks with an inlet sensor each
 * @param hotSpotBaseK the hottest rack's inlet above room air with the units idle, K
 * @param rackSpreadK how much cooler the coolest rack's inlet is than the hottest's, K
 * @param hotSpotLoadK inlet rise above room air when all installed units run at rated capacity, K
 * @param hotSpotNoiseK standard deviation of the slow random part of each rack's offset, K
 * @param sensorNoiseK standard deviation of an inlet sensor's noise, K
 * @param humiditySensorNoisePct standard deviation of the humidity sensor's noise, %RH
 */
public record RoomParameters(
    double itLoadKw,
    double itDailySwing,
    double itWeekendFactor,
    double itNoise,
    double serverFanShare,
    double serverFanKneeC,
    double serverFanSpeedPerK,
    double heatCapacityKjPerK,
    double envelopeUaKwPerK,
    double solarGainKw,
    double volumeM3,
    double airChangesPerHour,
    int units,
    double unitCapacityKw,
    double capacityDeratePerK,
    double controlTimeConstantS,
    double coilApproachK,
    double condenserApproachK,
    double minCondensingC,
    double carnotEfficiency,
    double maxCop,
    double minPartLoad,
    double cyclingDegradation,
    double unitFanRatedKw,
    boolean economiser,
    double economiserApproachK,
    double economiserKwPerKw,
    int racks,
    double hotSpotBaseK,
    double rackSpreadK,
    double hotSpotLoadK,
    double hotSpotNoiseK,
    double sensorNoiseK,
    double humiditySensorNoisePct) {

  public RoomParameters {
    if (units < 1 || racks < 1) {
      throw new IllegalArgumentException("a room needs at least one unit and one rack");
    }
    if (!(itLoadKw > 0) || !(unitCapacityKw > 0) || !(heatCapacityKjPerK > 0)) {
      throw new IllegalArgumentException("IT load, unit capacity and heat capacity must be > 0");
    }
    if (minPartLoad < 0 || minPartLoad >= 1 || cyclingDegradation < 0 || cyclingDegradation >= 1) {
      throw new IllegalArgumentException("part-load share and C_d must be in [0, 1)");
    }
  }

  /** The default room: 20 kW of IT in four racks, two 25 kW units, an economiser. */
  public static RoomParameters defaults() {
    return new Builder().build();
  }

  /** A builder that starts from these parameters. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Total installed cooling capacity at 35 °C outdoor, kW. */
  public double installedCapacityKw() {
    return units * unitCapacityKw;
  }

  /** These parameters with another mean IT load (kW). */
  public RoomParameters withItLoadKw(double kw) {
    return toBuilder().itLoadKw(kw).build();
  }

  /** These parameters with another unit capacity (kW each). */
  public RoomParameters withUnitCapacityKw(double kw) {
    return toBuilder().unitCapacityKw(kw).build();
  }

  /** Builds {@link RoomParameters}; starts from the defaults. */
  public static final class Builder {
    private double itLoadKw = 20.0;
    private double itDailySwing = 0.15;
    private double itWeekendFactor = 0.92;
    private double itNoise = 0.03;
    private double serverFanShare = 0.03;
    private double serverFanKneeC = 23.0;
    private double serverFanSpeedPerK = 0.035;
    private double heatCapacityKjPerK = 2000.0;
    private double envelopeUaKwPerK = 0.15;
    private double solarGainKw = 1.5;
    private double volumeM3 = 150.0;
    private double airChangesPerHour = 0.3;
    private int units = 2;
    private double unitCapacityKw = 25.0;
    private double capacityDeratePerK = 0.01;
    private double controlTimeConstantS = 300.0;
    private double coilApproachK = 8.0;
    private double condenserApproachK = 12.0;
    private double minCondensingC = 28.0;
    private double carnotEfficiency = 0.35;
    private double maxCop = 9.0;
    private double minPartLoad = 0.25;
    private double cyclingDegradation = 0.25;
    private double unitFanRatedKw = 1.25;
    private boolean economiser = true;
    private double economiserApproachK = 4.0;
    private double economiserKwPerKw = 0.04;
    private int racks = 4;
    private double hotSpotBaseK = 1.0;
    private double rackSpreadK = 0.6;
    private double hotSpotLoadK = 3.75;
    private double hotSpotNoiseK = 0.15;
    private double sensorNoiseK = 0.05;
    private double humiditySensorNoisePct = 0.5;

    public Builder() {}

    Builder(RoomParameters p) {
      itLoadKw = p.itLoadKw;
      itDailySwing = p.itDailySwing;
      itWeekendFactor = p.itWeekendFactor;
      itNoise = p.itNoise;
      serverFanShare = p.serverFanShare;
      serverFanKneeC = p.serverFanKneeC;
      serverFanSpeedPerK = p.serverFanSpeedPerK;
      heatCapacityKjPerK = p.heatCapacityKjPerK;
      envelopeUaKwPerK = p.envelopeUaKwPerK;
      solarGainKw = p.solarGainKw;
      volumeM3 = p.volumeM3;
      airChangesPerHour = p.airChangesPerHour;
      units = p.units;
      unitCapacityKw = p.unitCapacityKw;
      capacityDeratePerK = p.capacityDeratePerK;
      controlTimeConstantS = p.controlTimeConstantS;
      coilApproachK = p.coilApproachK;
      condenserApproachK = p.condenserApproachK;
      minCondensingC = p.minCondensingC;
      carnotEfficiency = p.carnotEfficiency;
      maxCop = p.maxCop;
      minPartLoad = p.minPartLoad;
      cyclingDegradation = p.cyclingDegradation;
      unitFanRatedKw = p.unitFanRatedKw;
      economiser = p.economiser;
      economiserApproachK = p.economiserApproachK;
      economiserKwPerKw = p.economiserKwPerKw;
      racks = p.racks;
      hotSpotBaseK = p.hotSpotBaseK;
      rackSpreadK = p.rackSpreadK;
      hotSpotLoadK = p.hotSpotLoadK;
      hotSpotNoiseK = p.hotSpotNoiseK;
      sensorNoiseK = p.sensorNoiseK;
      humiditySensorNoisePct = p.humiditySensorNoisePct;
    }

    public Builder itLoadKw(double v) {
      itLoadKw = v;
      return this;
    }

    public Builder heatCapacityKjPerK(double v) {
      heatCapacityKjPerK = v;
      return this;
    }

    public Builder envelopeUaKwPerK(double v) {
      envelopeUaKwPerK = v;
      return this;
    }

    public Builder solarGainKw(double v) {
      solarGainKw = v;
      return this;
    }

    public Builder units(int v) {
      units = v;
      return this;
    }

    public Builder unitCapacityKw(double v) {
      unitCapacityKw = v;
      return this;
    }

    public Builder unitFanRatedKw(double v) {
      unitFanRatedKw = v;
      return this;
    }

    public Builder economiser(boolean v) {
      economiser = v;
      return this;
    }

    public Builder racks(int v) {
      racks = v;
      return this;
    }

    public Builder hotSpotBaseK(double v) {
      hotSpotBaseK = v;
      return this;
    }

    public Builder hotSpotLoadK(double v) {
      hotSpotLoadK = v;
      return this;
    }

    public Builder serverFanShare(double v) {
      serverFanShare = v;
      return this;
    }

    public RoomParameters build() {
      return new RoomParameters(
          itLoadKw,
          itDailySwing,
          itWeekendFactor,
          itNoise,
          serverFanShare,
          serverFanKneeC,
          serverFanSpeedPerK,
          heatCapacityKjPerK,
          envelopeUaKwPerK,
          solarGainKw,
          volumeM3,
          airChangesPerHour,
          units,
          unitCapacityKw,
          capacityDeratePerK,
          controlTimeConstantS,
          coilApproachK,
          condenserApproachK,
          minCondensingC,
          carnotEfficiency,
          maxCop,
          minPartLoad,
          cyclingDegradation,
          unitFanRatedKw,
          economiser,
          economiserApproachK,
          economiserKwPerKw,
          racks,
          hotSpotBaseK,
          rackSpreadK,
          hotSpotLoadK,
          hotSpotNoiseK,
          sensorNoiseK,
          humiditySensorNoisePct);
    }
  }
}
