package dev.setpoint.model.eval;

import dev.setpoint.model.data.SimulatedDataset;
import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.features.SampleWindow;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.RoomState;
import dev.setpoint.model.sim.SensorFault;
import dev.setpoint.model.sim.SiteClimate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.IntConsumer;

/**
 * A strategy in the loop with the simulated room: the room steps every 10 s, a sample enters the
 * window every sample interval, and the strategy decides every decision interval. Counts the energy
 * a setpoint can change (cooling plus the server fans above idle), the time the true hottest inlet
 * spends outside 18–27 °C, its largest change within 60 minutes, and setpoint changes. A {@link
 * Scenario} disturbs the room or the samples from a given minute of the run.
 */
public final class ClosedLoop {
  /** The envelope (ASHRAE recommended inlet range), °C. */
  public static final double HIGH_C = 27.0;

  public static final double LOW_C = 18.0;

  /** ASHRAE's limit on the inlet's change within any 60 minutes, °C. */
  public static final double RATE_LIMIT_C = 20.0;

  /** The upper dew point of ASHRAE's recommended envelope, °C. */
  public static final double DEW_POINT_HIGH_C = 15.0;

  /** Days kept for charts, counted from the run's start: a week from day 14, one from day 212. */
  public static final int[] TRACE_START_DAYS = {14, 212};

  public static final int TRACE_DAYS = 7;

  /** Trace resolution: one point per 10 minutes. */
  public static final Duration TRACE_STEP = Duration.ofMinutes(10);

  /** A stressed run's event trace: from this long before the event … */
  public static final Duration EVENT_BEFORE = Duration.ofHours(2);

  /** … to this long after its start, one point a minute (the true hottest inlet, the setpoint). */
  public static final Duration EVENT_AFTER = Duration.ofHours(6);

  private final RoomParameters room;
  private final SiteClimate site;
  private final Duration sampleInterval;
  private final Duration decisionInterval;

  public ClosedLoop(
      RoomParameters room, SiteClimate site, Duration sampleInterval, Duration decisionInterval) {
    this.room = room;
    this.site = site;
    this.sampleInterval = sampleInterval;
    this.decisionInterval = decisionInterval;
  }

  public RoomParameters room() {
    return room;
  }

  public SiteClimate site() {
    return site;
  }

  /** The outcome of one run. */
  public record Run(
      String strategy,
      int days,
      double coolingKwh,
      double serverFanKwh,
      double itKwh,
      double minutesAbove,
      double minutesBelow,
      double minutesDewPointAbove,
      int setpointChanges,
      double meanSetpointC,
      double maxInletC,
      double minInletC,
      double meanInletC,
      double maxInletSwing60C,
      double[] monthlyKwh,
      float[][] traceInlet,
      float[][] traceSetpoint,
      float[][] traceOutdoor,
      float[] eventInlet,
      float[] eventSetpoint) {

    /** The energy a setpoint can change: cooling plus the server fans above idle speed, kWh. */
    public double controllableKwh() {
      return coolingKwh + serverFanKwh;
    }

    public double changesPerDay() {
      return setpointChanges / (double) days;
    }

    /** Whether the inlet ever changed by more than ASHRAE's 20 °C within 60 minutes. */
    public boolean rateViolated() {
      return maxInletSwing60C > RATE_LIMIT_C;
    }
  }

  /**
   * Sees every 10 s step of a run right after the room stepped: the room's state and the setpoint
   * it held. For callers that meter a run by the hour (the savings study); it must not change the
   * room or the strategy.
   */
  @FunctionalInterface
  public interface StepObserver {
    void stepped(RoomState state);
  }

  /** A whole run from 1 January without a disturbance. */
  public Run run(Strategy strategy, long seed, int days, IntConsumer dayDone) {
    return run(strategy, seed, 0, days, Scenario.NONE, 0, dayDone);
  }

  /**
   * Runs {@code days} days from local midnight of {@code startDay} (0 = 1 January), with {@code
   * scenario} starting {@code eventMinute} minutes into the run.
   */
  public Run run(
      Strategy strategy,
      long seed,
      int startDay,
      int days,
      Scenario scenario,
      long eventMinute,
      IntConsumer dayDone) {
    return run(strategy, seed, startDay, days, scenario, eventMinute, dayDone, null);
  }

  /**
   * As {@link #run(Strategy, long, int, int, Scenario, long, IntConsumer)}, and {@code observer}
   * (when not null) sees every step; the run's outcome is the same with or without it.
   */
  public Run run(
      Strategy strategy,
      long seed,
      int startDay,
      int days,
      Scenario scenario,
      long eventMinute,
      IntConsumer dayDone,
      StepObserver observer) {
    RoomSimulator sim = new RoomSimulator(room, site, startDay, 22.0, seed);
    SampleWindow window = new SampleWindow(sampleInterval);
    Duration step = SimulatedDataset.STEP;
    long stepMs = step.toMillis();
    long stepsPerSample = sampleInterval.toMillis() / stepMs;
    long stepsPerDecision = decisionInterval.toMillis() / stepMs;
    long stepsPerDay = Duration.ofDays(1).toMillis() / stepMs;
    long stepsPerTrace = TRACE_STEP.toMillis() / stepMs;
    long eventStart = scenario == Scenario.NONE ? -1 : eventMinute * 60_000 / stepMs;
    long eventEnd = eventStart + scenario.duration().toMillis() / stepMs;
    int tracePoints = (int) (TRACE_DAYS * stepsPerDay / stepsPerTrace);
    float[][] traceInlet = new float[TRACE_START_DAYS.length][tracePoints];
    float[][] traceSetpoint = new float[TRACE_START_DAYS.length][tracePoints];
    float[][] traceOutdoor = new float[TRACE_START_DAYS.length][tracePoints];
    long stepsPerMinute = Duration.ofMinutes(1).toMillis() / stepMs;
    long eventTraceStart = eventStart < 0 ? -1 : eventStart - EVENT_BEFORE.toMillis() / stepMs;
    int eventPoints =
        eventStart < 0
            ? 0
            : (int) (EVENT_BEFORE.plus(EVENT_AFTER).toMillis() / stepMs / stepsPerMinute);
    float[] eventInlet = new float[eventPoints];
    float[] eventSetpoint = new float[eventPoints];
    double[] monthlyKwh = new double[12];
    int[] monthOfDay = new int[days];
    for (int d = 0; d < days; d++) {
      monthOfDay[d] =
          LocalDate.ofYearDay(RoomSimulator.YEAR, (startDay + d) % 365 + 1).getMonthValue() - 1;
    }

    double setpoint = strategy.initialC();
    double above = 0;
    double below = 0;
    double dewAbove = 0;
    double setpointSum = 0;
    double inletSum = 0;
    double maxInlet = Double.NEGATIVE_INFINITY;
    double minInlet = Double.POSITIVE_INFINITY;
    int changes = 0;
    double lastKwh = 0;
    ClimateSample beforeOutage = null;
    SlidingRange swing = new SlidingRange((int) (Duration.ofMinutes(60).toMillis() / stepMs) + 1);
    RoomState state = sim.state();
    double stepMinutes = stepMs / 60_000.0;
    long total = days * stepsPerDay;
    for (long s = 0; s < total; s++) {
      if (s == eventStart) {
        start(sim, scenario);
      } else if (s == eventEnd) {
        end(sim, scenario);
      }
      if (s > 0 && s % stepsPerDecision == 0) {
        double next = strategy.decide(window, state.time(), setpoint);
        if (Math.abs(next - setpoint) > 1e-9) {
          changes++;
        }
        setpoint = next;
      }
      state = sim.step(step, setpoint);
      if (observer != null) {
        observer.stepped(state);
      }
      double inlet = state.hottestInletC();
      if (inlet > HIGH_C) {
        above += stepMinutes;
      }
      if (inlet < LOW_C) {
        below += stepMinutes;
      }
      if (state.dewPointC() > DEW_POINT_HIGH_C) {
        dewAbove += stepMinutes;
      }
      maxInlet = Math.max(maxInlet, inlet);
      minInlet = Math.min(minInlet, inlet);
      if (s >= stepsPerDay) {
        swing.add(inlet); // after the first day: not the start from 22 °C
      }
      setpointSum += setpoint;
      inletSum += inlet;
      int day = (int) (s / stepsPerDay);
      monthlyKwh[monthOfDay[day]] += state.cumulativeControllableKwh() - lastKwh;
      lastKwh = state.cumulativeControllableKwh();
      if ((s + 1) % stepsPerSample == 0) {
        boolean during = s >= eventStart && s < eventEnd;
        ClimateSample sample = SimulatedDataset.sample(state);
        if (scenario == Scenario.WEATHER_OUTAGE) {
          if (!during) {
            beforeOutage = sample;
          } else if (beforeOutage != null) {
            sample = sample.withOutdoorOf(beforeOutage);
          }
        }
        if (scenario == Scenario.CLOCK_SKEW && during) {
          sample = sample.at(sample.time().plus(Scenario.SKEW));
        }
        if (!(scenario == Scenario.TELEMETRY_GAP && during)) {
          window.offer(sample);
        }
      }
      if ((s + 1) % stepsPerTrace == 0) {
        for (int t = 0; t < TRACE_START_DAYS.length; t++) {
          if (day >= TRACE_START_DAYS[t] && day < TRACE_START_DAYS[t] + TRACE_DAYS) {
            int point = (int) ((s + 1 - TRACE_START_DAYS[t] * stepsPerDay) / stepsPerTrace) - 1;
            traceInlet[t][point] = (float) inlet;
            traceSetpoint[t][point] = (float) setpoint;
            traceOutdoor[t][point] = (float) state.outdoorTemperatureC();
          }
        }
      }
      if (eventPoints > 0 && s >= eventTraceStart && (s - eventTraceStart) % stepsPerMinute == 0) {
        int point = (int) ((s - eventTraceStart) / stepsPerMinute);
        if (point < eventPoints) {
          eventInlet[point] = (float) inlet;
          eventSetpoint[point] = (float) setpoint;
        }
      }
      if ((s + 1) % stepsPerDay == 0) {
        dayDone.accept((int) ((s + 1) / stepsPerDay));
      }
    }
    return new Run(
        strategy.name(),
        days,
        state.cumulativeCoolingKwh(),
        state.cumulativeServerFanKwh(),
        state.cumulativeItKwh(),
        above,
        below,
        dewAbove,
        changes,
        setpointSum / total,
        maxInlet,
        minInlet,
        inletSum / total,
        swing.largest(),
        monthlyKwh,
        traceInlet,
        traceSetpoint,
        traceOutdoor,
        eventInlet,
        eventSetpoint);
  }

  private static void start(RoomSimulator sim, Scenario scenario) {
    switch (scenario) {
      case RACK_ON -> sim.setItLoadFactor(1.3);
      case UNIT_TRIP -> sim.setUnitsTripped(1);
      case SENSOR_STUCK -> sim.setSensorFault(0, SensorFault.stuck());
      case SENSOR_DRIFT -> sim.setSensorFault(0, SensorFault.drift(Scenario.DRIFT_K_PER_HOUR));
      case SENSOR_MISSING -> sim.setSensorFault(0, SensorFault.missing());
      default -> {}
    }
  }

  private static void end(RoomSimulator sim, Scenario scenario) {
    switch (scenario) {
      case RACK_ON -> sim.setItLoadFactor(1.0);
      case UNIT_TRIP -> sim.setUnitsTripped(0);
      case SENSOR_STUCK, SENSOR_DRIFT, SENSOR_MISSING -> sim.setSensorFault(0, null);
      default -> {}
    }
  }
}
