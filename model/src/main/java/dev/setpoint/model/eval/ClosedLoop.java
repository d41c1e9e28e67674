package dev.setpoint.model.eval;

import dev.setpoint.model.data.SimulatedDataset;
import dev.setpoint.model.features.SampleWindow;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.RoomState;
import dev.setpoint.model.sim.SiteClimate;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.function.IntConsumer;

/**
 * A strategy in the loop with the simulated room: the room steps every 10 s, a sample enters the
 * window every sample interval, and the strategy decides every decision interval. Counts the
 * cooling energy, the time the (measured) inlet spends outside 18–27 °C, and setpoint changes.
 */
public final class ClosedLoop {
  /** The envelope (ASHRAE recommended inlet range), °C. */
  public static final double HIGH_C = 27.0;

  public static final double LOW_C = 18.0;

  /**
   * Days whose inlet and setpoint are kept for charts: a week from mid-January, one from August.
   */
  public static final int[] TRACE_START_DAYS = {14, 212};

  public static final int TRACE_DAYS = 7;

  /** Trace resolution: one point per 10 minutes. */
  public static final Duration TRACE_STEP = Duration.ofMinutes(10);

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

  /** The outcome of one run. */
  public record Run(
      String strategy,
      int days,
      double coolingKwh,
      double minutesAbove,
      double minutesBelow,
      int setpointChanges,
      double meanSetpointC,
      double maxInletC,
      double minInletC,
      double maxInletSwing60C,
      double[] monthlyKwh,
      float[][] traceInlet,
      float[][] traceSetpoint,
      float[][] traceOutdoor) {

    public double changesPerDay() {
      return setpointChanges / (double) days;
    }
  }

  public Run run(Strategy strategy, long seed, int days, IntConsumer dayDone) {
    RoomSimulator sim = new RoomSimulator(room, site, 0, 22.0, seed);
    SampleWindow window = new SampleWindow(sampleInterval);
    Duration step = SimulatedDataset.STEP;
    long stepMs = step.toMillis();
    long stepsPerSample = sampleInterval.toMillis() / stepMs;
    long stepsPerDecision = decisionInterval.toMillis() / stepMs;
    long stepsPerDay = Duration.ofDays(1).toMillis() / stepMs;
    long stepsPerTrace = TRACE_STEP.toMillis() / stepMs;
    int tracePoints = (int) (TRACE_DAYS * stepsPerDay / stepsPerTrace);
    float[][] traceInlet = new float[TRACE_START_DAYS.length][tracePoints];
    float[][] traceSetpoint = new float[TRACE_START_DAYS.length][tracePoints];
    float[][] traceOutdoor = new float[TRACE_START_DAYS.length][tracePoints];
    double[] monthlyKwh = new double[12];

    double setpoint = strategy.initialC();
    double above = 0;
    double below = 0;
    double setpointSum = 0;
    double maxInlet = Double.NEGATIVE_INFINITY;
    double minInlet = Double.POSITIVE_INFINITY;
    int changes = 0;
    double lastKwh = 0;
    SlidingRange swing = new SlidingRange((int) (Duration.ofMinutes(60).toMillis() / stepMs) + 1);
    RoomState state = sim.state();
    long total = days * stepsPerDay;
    for (long s = 0; s < total; s++) {
      if (s > 0 && s % stepsPerDecision == 0) {
        double next = strategy.decide(window, state.time(), setpoint);
        if (Math.abs(next - setpoint) > 1e-9) {
          changes++;
        }
        setpoint = next;
      }
      state = sim.step(step, setpoint);
      double inlet = state.inletTemperatureC();
      double stepMinutes = stepMs / 60_000.0;
      if (inlet > HIGH_C) {
        above += stepMinutes;
      }
      if (inlet < LOW_C) {
        below += stepMinutes;
      }
      maxInlet = Math.max(maxInlet, inlet);
      minInlet = Math.min(minInlet, inlet);
      if (s >= stepsPerDay) {
        swing.add(inlet); // after the first day: not the start from 22 °C
      }
      setpointSum += setpoint;
      int month = ZonedDateTime.ofInstant(state.time(), site.zone()).getMonthValue() - 1;
      monthlyKwh[month] += state.cumulativeCoolingKwh() - lastKwh;
      lastKwh = state.cumulativeCoolingKwh();
      if ((s + 1) % stepsPerSample == 0) {
        window.offer(SimulatedDataset.sample(state));
      }
      if ((s + 1) % stepsPerTrace == 0) {
        long day = s / stepsPerDay;
        for (int t = 0; t < TRACE_START_DAYS.length; t++) {
          if (day >= TRACE_START_DAYS[t] && day < TRACE_START_DAYS[t] + TRACE_DAYS) {
            int point = (int) ((s + 1 - TRACE_START_DAYS[t] * stepsPerDay) / stepsPerTrace) - 1;
            traceInlet[t][point] = (float) inlet;
            traceSetpoint[t][point] = (float) setpoint;
            traceOutdoor[t][point] = (float) state.outdoorTemperatureC();
          }
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
        above,
        below,
        changes,
        setpointSum / total,
        maxInlet,
        minInlet,
        swing.largest(),
        monthlyKwh,
        traceInlet,
        traceSetpoint,
        traceOutdoor);
  }
}
