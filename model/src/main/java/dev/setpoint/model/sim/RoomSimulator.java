package dev.setpoint.model.sim;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * A server room with one air conditioner, outdoors a generated year of weather. Call {@link #step}
 * with the setpoint the unit should hold; it integrates the room's heat and moisture balance in
 * sub-steps of at most {@link #MAX_SUBSTEP} and returns the new {@link RoomState}. The same seed,
 * parameters and sequence of steps give the same states. The equations are in model/README.md.
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

  private final RoomParameters p;
  private final WeatherGenerator weather;
  private final SplittableRandom random;
  private final ZonedDateTime start;
  private final long weatherOffsetMs;

  private long elapsedMs;
  private double airC;
  private double humidityRatio;
  private double loadNoise;
  private double hotSpotNoise;
  private double cumulativeKwh;
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
    if (startDayOfYear < 0 || startDayOfYear > 364) {
      throw new IllegalArgumentException("startDayOfYear out of 0…364: " + startDayOfYear);
    }
    this.p = parameters;
    this.random = new SplittableRandom(seed);
    this.weather = new WeatherGenerator(site, random.nextLong());
    this.start = LocalDate.ofYearDay(YEAR, startDayOfYear + 1).atStartOfDay(site.zone());
    this.weatherOffsetMs = Duration.ofDays(startDayOfYear).toMillis();
    this.airC = initialAirC;
    Weather now = weather.at(Duration.ofMillis(weatherOffsetMs));
    this.humidityRatio =
        Math.min(
            Psychrometrics.humidityRatio(now.temperatureC(), now.humidityPct()),
            Psychrometrics.humidityRatio(initialAirC, 50));
    this.state =
        observe(now, initialAirC + parameters.hotSpotBaseK(), initialAirC, 0, 0, 0, 1, false);
  }

  /** The default room ({@link RoomParameters#defaults()}) in Gwangju from 1 January, air 22 °C. */
  public static RoomSimulator gwangju(long seed) {
    return new RoomSimulator(RoomParameters.defaults(), SiteClimate.GWANGJU, 0, 22.0, seed);
  }

  /** The state after the last step (or the initial state). */
  public RoomState state() {
    return state;
  }

  /** Simulated time since the room started. */
  public Duration elapsed() {
    return Duration.ofMillis(elapsedMs);
  }

  /** Advances the room by {@code dt} with the unit holding {@code setpointC}. */
  public RoomState step(Duration dt, double setpointC) {
    if (dt.isNegative() || dt.isZero()) {
      throw new IllegalArgumentException("dt must be positive: " + dt);
    }
    if (!Double.isFinite(setpointC)) {
      throw new IllegalArgumentException("setpoint must be a finite number: " + setpointC);
    }
    long remaining = dt.toMillis();
    while (remaining > 0) {
      long sub = Math.min(remaining, MAX_SUBSTEP.toMillis());
      substep(sub / 1000.0, setpointC);
      remaining -= sub;
    }
    return state;
  }

  private void substep(double dtS, double setpointC) {
    Weather w = weather.at(Duration.ofMillis(weatherOffsetMs + elapsedMs));
    ZonedDateTime now = start.plusNanos(elapsedMs * 1_000_000L);
    double hour = now.getHour() + now.getMinute() / 60.0 + now.getSecond() / 3600.0;
    boolean weekend =
        now.getDayOfWeek() == DayOfWeek.SATURDAY || now.getDayOfWeek() == DayOfWeek.SUNDAY;

    double loadPhi = Math.exp(-dtS / LOAD_NOISE_TAU_S);
    loadNoise =
        loadPhi * loadNoise
            + p.itNoise() * Math.sqrt(1 - loadPhi * loadPhi) * random.nextGaussian();
    double itKw =
        p.itLoadKw()
            * (1 + p.itDailySwing() * Math.cos(2 * Math.PI * (hour - 14) / 24))
            * (weekend ? p.itWeekendFactor() : 1.0)
            * (1 + loadNoise);
    double solarKw =
        p.solarGainKw() * Math.max(0, Math.sin(Math.PI * (hour - 6) / 12)) * skyShare(w.category());
    double envelopeKw = p.envelopeUaKwPerK() * (w.temperatureC() - airC);
    double gainsKw = itKw + solarKw + envelopeKw;

    double capacityKw =
        p.ratedCapacityKw() * Math.min(1.1, 1 - p.capacityDeratePerK() * (w.temperatureC() - 35.0));
    double coilC = setpointC - p.coilApproachK();
    double wCoil = Psychrometrics.humidityRatio(coilC, 100);
    double demandKw =
        gainsKw + p.heatCapacityKjPerK() * (airC - setpointC) / p.controlTimeConstantS();
    double coilAirKgS = Math.max(demandKw, 0) / (AIR_CP * COIL_AIR_DELTA_K);
    double removalKgS = COIL_CONTACT * coilAirKgS * Math.max(0, humidityRatio - wCoil);
    double latentKw = Math.min(removalKgS * LATENT_HEAT, capacityKw);
    removalKgS = latentKw / LATENT_HEAT;
    double sensibleKw = Math.max(0, Math.min(demandKw, capacityKw - latentKw));
    boolean limited = demandKw > capacityKw - latentKw;

    airC += dtS * (gainsKw - sensibleKw) / p.heatCapacityKjPerK();
    double airMassKg = p.volumeM3() * AIR_DENSITY;
    double infiltrationKgS = p.airChangesPerHour() * airMassKg / 3600.0;
    double wOut = Psychrometrics.humidityRatio(w.temperatureC(), w.humidityPct());
    humidityRatio += dtS * (infiltrationKgS * (wOut - humidityRatio) - removalKgS) / airMassKg;

    double coolingKw = sensibleKw + latentKw;
    double cop = cop(coilC, w.temperatureC());
    double share = coolingKw / p.ratedCapacityKw();
    double electricKw = coolingKw / cop + p.fanRatedKw() * share * share * share;
    cumulativeKwh += electricKw * dtS / 3600.0;

    double hotPhi = Math.exp(-dtS / HOT_SPOT_TAU_S);
    hotSpotNoise =
        hotPhi * hotSpotNoise
            + p.hotSpotNoiseK() * Math.sqrt(1 - hotPhi * hotPhi) * random.nextGaussian();
    double inletC = airC + p.hotSpotBaseK() + p.hotSpotLoadK() * share + hotSpotNoise;

    elapsedMs += Math.round(dtS * 1000);
    state = observe(w, inletC, setpointC, itKw, coolingKw, electricKw, cop, limited);
  }

  /** The unit's COP: a share of the Carnot COP between its coil and its condenser. */
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

  private RoomState observe(
      Weather w,
      double inletC,
      double setpointC,
      double itKw,
      double coolingKw,
      double electricKw,
      double cop,
      boolean limited) {
    double measuredInlet = inletC + p.sensorNoiseK() * random.nextGaussian();
    double rh =
        Psychrometrics.relativeHumidity(inletC, humidityRatio)
            + p.humiditySensorNoisePct() * random.nextGaussian();
    Instant time = start.toInstant().plusMillis(elapsedMs);
    return new RoomState(
        time,
        measuredInlet,
        Math.max(0, Math.min(100, rh)),
        w.temperatureC(),
        w.humidityPct(),
        w.category(),
        setpointC,
        airC,
        itKw,
        coolingKw,
        electricKw,
        cop,
        limited,
        cumulativeKwh);
  }
}
