package dev.setpoint.model.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A server room with its racks, its cooling units and an economiser, outdoors a generated year of
 * weather (or the weather an {@link OutdoorSource} gives). Call {@link #step} with the setpoint the
 * units should hold; it integrates the room's heat and moisture balance in sub-steps of at most
 * {@link #MAX_SUBSTEP} and returns the new {@link RoomState}. The same seed, parameters and
 * sequence of steps (and disturbances) give the same states. The equations and the sources of their
 * constants are in model/README.md.
 *
 * <p>Disturbances for stress scenarios: {@link #setItLoadFactor} (a rack switched on or off),
 * {@link #setUnitsTripped} (a unit out of service), {@link #tripCooling} (every unit out of
 * service: no cooling at all), {@link #setSensorFault} (a stuck, drifting or missing inlet sensor).
 * For tests that need a breach within minutes, {@link #setTripAirRate} replaces the heat balance
 * while the cooling is tripped with a given rate.
 *
 * <p>Not thread-safe: one room, one caller.
 */
public final class RoomSimulator {
  /** Longest interval integrated in one explicit Euler step. */
  public static final Duration MAX_SUBSTEP = Duration.ofSeconds(10);

  /** The simulated year: 2025 (365 days), which starts on a Wednesday. */
  public static final int YEAR = 2025;

  private static final double AIR_DENSITY = 1.2; // kg/m³
  private static final double AIR_CP = 1.006; // kJ/(kg·K)
  private static final double LATENT_HEAT = 2450.0; // kJ/kg
  private static final double COIL_AIR_DELTA_K = 6.0; // room air minus supply air at the coil
  private static final double COIL_CONTACT = 0.5; // share of the coil's air that reaches saturation
  private static final double LOAD_NOISE_TAU_S = 1800.0;
  private static final double HOT_SPOT_TAU_S = 900.0;
  private static final long DAY_MS = 86_400_000L;
  private static final long HOUR_MS = 3_600_000L;

  /**
   * The room air temperature at which a {@link #setTripAirRate trip air rate} stops rising, °C:
   * well past every alert threshold, well below the 85 °C that ingest's profiles accept.
   */
  public static final double TRIP_AIR_CEILING_C = 45.0;

  private final RoomParameters p;
  private final WeatherGenerator weather;
  private final OutdoorSource outdoor; // null: the generator's weather
  private final SplittableRandom random;
  private final SplittableRandom sensorRandom;
  private final long startEpochMs;
  private final ZoneRules zoneRules;
  private final long weatherOffsetMs;
  private final double[] rackBaseK;

  private long elapsedMs;
  private long offsetValidUntilMs = Long.MIN_VALUE;
  private long offsetMs;
  private double airC;
  private double humidityRatio;
  private double loadNoise;
  private final double[] rackNoise;
  private final double[] rackInlet;
  private double cumulativeKwh;
  private double cumulativeFanKwh;
  private double cumulativeItKwh;
  private double gainsKj;
  private double removedKj;
  private double itLoadFactor = 1.0;
  private int unitsTripped;
  private double tripAirRateKPerMin = Double.NaN; // NaN: the heat balance decides, always
  // The air when every unit tripped, kept (with a trip air rate) until the trip's heat is gone.
  private double tripStartAirC = Double.NaN;
  private final SensorFault[] faults;
  private final double[] faultStartReading;
  private final long[] faultStartMs;
  private Weather lastWeather;
  private double itKw;
  private double fanExtraKw;
  private double coolingKw;
  private double electricKw;
  private boolean limited;
  private double freeShare;
  private double setpointC;
  private RoomState state;

  /**
   * A room starting at local midnight of day {@code startDayOfYear} (0 = 1 January) with its air at
   * {@code initialAirC}.
   */
  public RoomSimulator(
      RoomParameters parameters,
      SiteClimate site,
      int startDayOfYear,
      double initialAirC,
      long seed) {
    this(parameters, site, startDayOfYear, initialAirC, seed, null);
  }

  /**
   * A room as {@link #RoomSimulator(RoomParameters, SiteClimate, int, double, long)} makes it,
   * whose outdoor weather comes from {@code outdoor} instead of its own generator (which the seed
   * still draws, so the room's other random streams are the same with or without a source). Each
   * sub-step feels the weather at its start; the state reports the weather at the room's elapsed
   * time.
   *
   * @param outdoor the weather outside, or null for the generator's
   */
  public RoomSimulator(
      RoomParameters parameters,
      SiteClimate site,
      int startDayOfYear,
      double initialAirC,
      long seed,
      OutdoorSource outdoor) {
    if (startDayOfYear < 0 || startDayOfYear > 364) {
      throw new IllegalArgumentException("startDayOfYear out of 0…364: " + startDayOfYear);
    }
    this.p = parameters;
    this.random = new SplittableRandom(seed);
    this.weather = new WeatherGenerator(site, random.nextLong());
    this.outdoor = outdoor;
    this.sensorRandom = random.split();
    this.startEpochMs =
        LocalDate.ofYearDay(YEAR, startDayOfYear + 1)
            .atStartOfDay(site.zone())
            .toInstant()
            .toEpochMilli();
    this.zoneRules = site.zone().getRules();
    this.weatherOffsetMs = Duration.ofDays(startDayOfYear).toMillis();
    this.airC = initialAirC;
    this.setpointC = initialAirC;
    this.rackBaseK = new double[p.racks()];
    for (int i = 0; i < p.racks(); i++) {
      rackBaseK[i] =
          p.hotSpotBaseK() - (p.racks() == 1 ? 0 : p.rackSpreadK() * i / (p.racks() - 1.0));
    }
    this.rackNoise = new double[p.racks()];
    this.rackInlet = new double[p.racks()];
    for (int i = 0; i < p.racks(); i++) {
      rackInlet[i] = initialAirC + rackBaseK[i];
    }
    this.faults = new SensorFault[p.racks()];
    this.faultStartReading = new double[p.racks()];
    this.faultStartMs = new long[p.racks()];
    this.lastWeather = outdoorAt(0);
    this.humidityRatio =
        Math.min(
            Psychrometrics.humidityRatio(lastWeather.temperatureC(), lastWeather.humidityPct()),
            Psychrometrics.humidityRatio(initialAirC, 50));
    this.state = observe();
  }

  /** The default room ({@link RoomParameters#defaults()}) in Gwangju from 1 January, air 22 °C. */
  public static RoomSimulator gwangju(long seed) {
    return new RoomSimulator(RoomParameters.defaults(), SiteClimate.GWANGJU, 0, 22.0, seed);
  }

  /** The parameters of this room. */
  public RoomParameters parameters() {
    return p;
  }

  /** The state after the last step (or the initial state). */
  public RoomState state() {
    return state;
  }

  /** Simulated time since the room started. */
  public Duration elapsed() {
    return Duration.ofMillis(elapsedMs);
  }

  /** Scales the IT load from now on: 1.3 is a rack switched on that adds 30 %. */
  public void setItLoadFactor(double factor) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("load factor must be ≥ 0: " + factor);
    }
    itLoadFactor = factor;
  }

  /** Takes {@code count} cooling units out of service from now on (0 = all running). */
  public void setUnitsTripped(int count) {
    if (count < 0 || count > p.units()) {
      throw new IllegalArgumentException("units tripped out of 0…" + p.units() + ": " + count);
    }
    if (count == p.units() && Double.isNaN(tripStartAirC)) {
      tripStartAirC = airC;
    } else if (count < p.units() && Double.isNaN(tripAirRateKPerMin)) {
      tripStartAirC = Double.NaN;
    }
    unitsTripped = count;
  }

  /**
   * Trips the cooling (true) or restores it (false) from now on: every unit out of service, or
   * every unit running again. A tripped unit is out as a whole: its compressor, its economiser's
   * pump and dry cooler, and its indoor fan stop, so it removes no heat and draws no power (the
   * state's {@code electricKw} is 0), and the room air rises by its heat balance ({@code gains /
   * heat capacity}: up to about 0.6 K a minute in the default room) unless {@link #setTripAirRate}
   * says otherwise.
   */
  public void tripCooling(boolean tripped) {
    setUnitsTripped(tripped ? p.units() : 0);
  }

  /** Whether every cooling unit is out of service ({@link #tripCooling}). */
  public boolean coolingTripped() {
    return unitsTripped == p.units();
  }

  /**
   * A test's shortcut through a cooling trip, from now on: while every unit is out of service, the
   * room air rises by {@code kelvinPerMinute} per simulated minute instead of by its heat balance
   * (up to {@link #TRIP_AIR_CEILING_C}); once the units run again, it falls at least at that rate
   * (faster where the units' pull-down is faster) until it is back at the temperature it had when
   * the trip began, and the heat balance takes over again. The units' power and heat removed stay
   * the model's (none while tripped; at their capacity while they pull the room down), so the heat
   * ledger does not close across such a trip. NaN, the default, leaves the heat balance in charge.
   * The evaluation never sets it.
   */
  public void setTripAirRate(double kelvinPerMinute) {
    if (!Double.isNaN(kelvinPerMinute)
        && (!(kelvinPerMinute > 0) || Double.isInfinite(kelvinPerMinute))) {
      throw new IllegalArgumentException(
          "trip air rate must be above 0 K/min (or NaN for none): " + kelvinPerMinute);
    }
    tripAirRateKPerMin = kelvinPerMinute;
    if (Double.isNaN(kelvinPerMinute) && !coolingTripped()) {
      tripStartAirC = Double.NaN;
    }
  }

  /** Sets (or with null clears) a fault of rack {@code rack}'s inlet sensor from now on. */
  public void setSensorFault(int rack, SensorFault fault) {
    double reading = state.rackInletsC().get(rack);
    faults[rack] = fault;
    faultStartReading[rack] = Double.isNaN(reading) ? rackInlet[rack] : reading;
    faultStartMs[rack] = elapsedMs;
    state = observe();
  }

  /** Advances the room by {@code dt} with the units holding {@code setpointC}. */
  public RoomState step(Duration dt, double setpointC) {
    if (dt.isNegative() || dt.isZero()) {
      throw new IllegalArgumentException("dt must be positive: " + dt);
    }
    if (!Double.isFinite(setpointC)) {
      throw new IllegalArgumentException("setpoint must be a finite number: " + setpointC);
    }
    this.setpointC = setpointC;
    long remaining = dt.toMillis();
    while (remaining > 0) {
      long sub = Math.min(remaining, MAX_SUBSTEP.toMillis());
      substep(sub / 1000.0);
      remaining -= sub;
    }
    if (outdoor != null) {
      // What the room reports is its source's weather now, as the source's other users see it.
      lastWeather = outdoorAt(elapsedMs);
    }
    state = observe();
    return state;
  }

  /** The outdoor weather {@code elapsedMs} after the start: the source's, else the generator's. */
  private Weather outdoorAt(long elapsedMs) {
    return outdoor == null
        ? weather.at(Duration.ofMillis(weatherOffsetMs + elapsedMs))
        : outdoor.at(Duration.ofMillis(elapsedMs));
  }

  private void substep(double dtS) {
    Weather w = outdoorAt(elapsedMs);
    lastWeather = w;
    long localMs = localMillis();
    double hour = Math.floorMod(localMs, DAY_MS) / (double) HOUR_MS;
    long dayOfWeek = Math.floorMod(Math.floorDiv(localMs, DAY_MS) + 3, 7); // 0 = Monday
    boolean weekend = dayOfWeek >= 5;

    double loadPhi = Math.exp(-dtS / LOAD_NOISE_TAU_S);
    loadNoise =
        loadPhi * loadNoise
            + p.itNoise() * Math.sqrt(1 - loadPhi * loadPhi) * random.nextGaussian();
    double computeKw =
        p.itLoadKw()
            * itLoadFactor
            * (1 + p.itDailySwing() * Math.cos(2 * Math.PI * (hour - 14) / 24))
            * (weekend ? p.itWeekendFactor() : 1.0)
            * (1 + loadNoise);
    // Server fans: idle speed up to the knee, then faster with the rack's inlet; power ~ speed³.
    double fanKw = 0;
    for (int i = 0; i < p.racks(); i++) {
      fanKw += serverFanExtraKw(computeKw / p.racks(), rackInlet[i]);
    }
    double solarKw =
        p.solarGainKw() * Math.max(0, Math.sin(Math.PI * (hour - 6) / 12)) * skyShare(w.category());
    double envelopeKw = p.envelopeUaKwPerK() * (w.temperatureC() - airC);
    double gainsKw = computeKw + fanKw + solarKw + envelopeKw;

    int running = p.units() - unitsTripped;
    double runningRatedKw = running * p.unitCapacityKw();
    double capacityKw =
        runningRatedKw * Math.min(1.1, 1 - p.capacityDeratePerK() * (w.temperatureC() - 35.0));
    double coilC = setpointC - p.coilApproachK();
    double wCoil = Psychrometrics.humidityRatio(coilC, 100);
    double demandKw =
        gainsKw + p.heatCapacityKjPerK() * (airC - setpointC) / p.controlTimeConstantS();
    double coilAirKgS = Math.max(demandKw, 0) / (AIR_CP * COIL_AIR_DELTA_K);
    double removalKgS = COIL_CONTACT * coilAirKgS * Math.max(0, humidityRatio - wCoil);
    double latentKw = Math.min(removalKgS * LATENT_HEAT, capacityKw);
    removalKgS = latentKw / LATENT_HEAT;
    double sensibleKw = Math.max(0, Math.min(demandKw, capacityKw - latentKw));
    limited = demandKw > capacityKw - latentKw;

    double balancedAirC = airC + dtS * (gainsKw - sensibleKw) / p.heatCapacityKjPerK();
    if (Double.isNaN(tripAirRateKPerMin) || Double.isNaN(tripStartAirC)) {
      airC = balancedAirC;
    } else if (unitsTripped == p.units()) {
      airC = Math.max(airC, Math.min(TRIP_AIR_CEILING_C, airC + tripAirRateKPerMin * dtS / 60));
    } else if (airC > tripStartAirC) {
      // Restored: the trip's heat leaves at least as fast as it came, down to where it began.
      airC = Math.min(balancedAirC, Math.max(tripStartAirC, airC - tripAirRateKPerMin * dtS / 60));
    } else {
      airC = balancedAirC;
      tripStartAirC = Double.NaN;
    }
    gainsKj += gainsKw * dtS;
    removedKj += sensibleKw * dtS;
    double airMassKg = p.volumeM3() * AIR_DENSITY;
    double infiltrationKgS = p.airChangesPerHour() * airMassKg / 3600.0;
    double wOut = Psychrometrics.humidityRatio(w.temperatureC(), w.humidityPct());
    humidityRatio += dtS * (infiltrationKgS * (wOut - humidityRatio) - removalKgS) / airMassKg;

    double totalKw = sensibleKw + latentKw;
    freeShare = running == 0 ? 0 : economiserShare(airC, w.temperatureC());
    double freeKw = freeShare * sensibleKw;
    double mechanicalKw = totalKw - freeKw;
    double compressorKw = 0;
    if (mechanicalKw > 0) {
      double partLoad = mechanicalKw / capacityKw;
      double plf =
          partLoad >= p.minPartLoad()
              ? 1.0
              : 1 - p.cyclingDegradation() * (1 - partLoad / p.minPartLoad());
      compressorKw = mechanicalKw / (cop(coilC, w.temperatureC()) * plf);
    }
    double indoorFanKw = 0;
    if (running > 0) {
      double share = totalKw / runningRatedKw;
      indoorFanKw = running * p.unitFanRatedKw() * share * share * share;
    }
    coolingKw = totalKw;
    electricKw = compressorKw + indoorFanKw + p.economiserKwPerKw() * freeKw;
    itKw = computeKw + fanKw;
    fanExtraKw = fanKw;
    cumulativeKwh += electricKw * dtS / 3600.0;
    cumulativeFanKwh += fanKw * dtS / 3600.0;
    cumulativeItKwh += itKw * dtS / 3600.0;

    double hotPhi = Math.exp(-dtS / HOT_SPOT_TAU_S);
    // Recirculation grows with the heat (and so the exhaust air) the racks put out, not with the
    // units' output: a pull-down after a setpoint drop makes the units work harder but blows no
    // more hot exhaust back into the racks' inlets.
    double loadRise = p.hotSpotLoadK() * itKw / p.installedCapacityKw();
    for (int i = 0; i < p.racks(); i++) {
      rackNoise[i] =
          hotPhi * rackNoise[i]
              + p.hotSpotNoiseK() * Math.sqrt(1 - hotPhi * hotPhi) * random.nextGaussian();
      rackInlet[i] = airC + rackBaseK[i] + loadRise + rackNoise[i];
    }
    elapsedMs += Math.round(dtS * 1000);
  }

  /**
   * What a rack's server fans draw above their idle speed, kW, for a rack of {@code computeKw} at
   * an inlet of {@code inletC}: speed rises linearly above the knee, power with the cube of speed.
   */
  double serverFanExtraKw(double computeKw, double inletC) {
    double speed = 1 + p.serverFanSpeedPerK() * Math.max(0, inletC - p.serverFanKneeC());
    return computeKw * p.serverFanShare() * (speed * speed * speed - 1);
  }

  /**
   * The heat ledger since the start, kJ: {gains (IT, sun, envelope), sensible heat removed}; their
   * difference is the room's heat capacity times its air temperature change.
   */
  double[] heatLedgerKj() {
    return new double[] {gainsKj, removedKj};
  }

  /**
   * The share of the sensible load an indirect economiser takes: all of it when the coolant from
   * the dry cooler (outdoor + approach) is at or below the supply air the coil must make, none when
   * it is at or above the return air, linear in between.
   */
  double economiserShare(double returnAirC, double outdoorC) {
    if (!p.economiser()) {
      return 0;
    }
    double coolantC = outdoorC + p.economiserApproachK();
    return Math.max(0, Math.min(1, (returnAirC - coolantC) / COIL_AIR_DELTA_K));
  }

  /** Local wall-clock milliseconds since the epoch, with the zone's offset at this instant. */
  private long localMillis() {
    long now = startEpochMs + elapsedMs;
    if (now >= offsetValidUntilMs || now < offsetValidUntilMs - HOUR_MS) {
      ZoneOffset offset = zoneRules.getOffset(Instant.ofEpochMilli(now));
      offsetMs = offset.getTotalSeconds() * 1000L;
      offsetValidUntilMs = now - Math.floorMod(now, HOUR_MS) + HOUR_MS;
    }
    return now + offsetMs;
  }

  /** The compressor's COP: a share of the Carnot COP between its coil and its condenser. */
  double cop(double coilC, double outdoorC) {
    double condensingC = Math.max(outdoorC + p.condenserApproachK(), p.minCondensingC());
    double lift = Math.max(1.0, condensingC - coilC);
    return Math.min(p.maxCop(), p.carnotEfficiency() * (coilC + 273.15) / lift);
  }

  private static double skyShare(int category) {
    return switch (category) {
      case 1 -> 1.0;
      case 2 -> 0.8;
      case 3 -> 0.5;
      case 4 -> 0.25;
      case 5 -> 0.4;
      default -> 0.15;
    };
  }

  private RoomState observe() {
    List<Double> readings = new ArrayList<>(p.racks());
    double room = Double.NaN;
    double hottest = Double.NEGATIVE_INFINITY;
    int hottestRack = 0;
    for (int i = 0; i < p.racks(); i++) {
      if (rackInlet[i] > hottest) {
        hottest = rackInlet[i];
        hottestRack = i;
      }
      double reading = reading(i, rackInlet[i] + p.sensorNoiseK() * sensorRandom.nextGaussian());
      readings.add(reading);
      if (!Double.isNaN(reading) && !(reading <= room)) {
        room = reading;
      }
    }
    double rh =
        Psychrometrics.relativeHumidity(rackInlet[hottestRack], humidityRatio)
            + p.humiditySensorNoisePct() * sensorRandom.nextGaussian();
    double dewPoint =
        Psychrometrics.dewPoint(airC, Psychrometrics.relativeHumidity(airC, humidityRatio));
    return new RoomState(
        Instant.ofEpochMilli(startEpochMs + elapsedMs),
        room,
        Math.max(0, Math.min(100, rh)),
        lastWeather.temperatureC(),
        lastWeather.humidityPct(),
        lastWeather.category(),
        setpointC,
        airC,
        itKw,
        fanExtraKw,
        coolingKw,
        electricKw,
        electricKw > 0 ? coolingKw / electricKw : 0,
        limited,
        freeShare,
        hottest,
        dewPoint,
        readings,
        cumulativeKwh,
        cumulativeFanKwh,
        cumulativeItKwh);
  }

  private double reading(int rack, double healthy) {
    SensorFault f = faults[rack];
    if (f == null) {
      return healthy;
    }
    return switch (f.kind()) {
      case STUCK -> faultStartReading[rack];
      case DRIFT ->
          healthy + f.driftKPerHour() * (elapsedMs - faultStartMs[rack]) / (double) HOUR_MS;
      case MISSING -> Double.NaN;
    };
  }

  /** Each rack's true inlet temperature now, °C (for tests). */
  double[] rackInlets() {
    return Arrays.copyOf(rackInlet, rackInlet.length);
  }
}
