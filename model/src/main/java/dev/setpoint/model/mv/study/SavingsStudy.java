package dev.setpoint.model.mv.study;

import dev.setpoint.model.eval.ClosedLoop;
import dev.setpoint.model.eval.Scenario;
import dev.setpoint.model.eval.Strategy;
import dev.setpoint.model.mv.Baseline;
import dev.setpoint.model.mv.Guideline14;
import dev.setpoint.model.mv.Observation;
import dev.setpoint.model.mv.Observation.Meter;
import dev.setpoint.model.mv.PilotEstimate;
import dev.setpoint.model.mv.PilotSchedule;
import dev.setpoint.model.mv.Savings;
import dev.setpoint.model.recommend.InletPredictor;
import dev.setpoint.model.recommend.SetpointPolicy;
import dev.setpoint.model.recommend.TrainingRanges;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.SiteClimate;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * How close the measured savings come to the true saving. Per seed, three closed-loop runs of the
 * same room, weather and load (same seed, same start, same number of 10 s steps, so the simulator's
 * random draws line up), each a baseline period under the room's fixed setpoint followed by a
 * reporting season:
 *
 * <ol>
 *   <li><b>controlled</b>: the recommender over the season;
 *   <li><b>twin</b>: the fixed setpoint over the season (the true saving is twin − controlled);
 *   <li><b>pilot</b>: the recommender and the fixed setpoint alternating on the {@link
 *       PilotSchedule} over the season.
 * </ol>
 *
 * The baseline period is the same in all three (the same fixed setpoint, the same draws); the
 * baseline method fits it and predicts the controlled run's season; the pilot mode uses only the
 * pilot run's season. The baseline period should span the conditions the season will bring (IPMVP
 * and Guideline 14 ask for a full cycle of the independent variables, normally 12 months), so the
 * CLI's default is 52 weeks; the baseline method is also fitted on the baseline period's last weeks
 * only ({@link Settings#shortBaselineWeeks()}), a short baseline for comparison, which in a climate
 * with seasons must extrapolate. The reporting season is never part of a baseline fit.
 */
public final class SavingsStudy {
  /**
   * What to run.
   *
   * @param reportingStartDay the season's first day of the year (0 = 1 January)
   * @param baselineWeeks the baseline period, the weeks just before the season
   * @param shortBaselineWeeks the comparison's baseline: the baseline period's last weeks only
   */
  public record Settings(
      SiteClimate site,
      String roomName,
      RoomParameters room,
      List<Long> seeds,
      double baselineC,
      int reportingStartDay,
      int baselineWeeks,
      int shortBaselineWeeks,
      int reportingWeeks,
      int pilotPeriodDays,
      int carryOverHours,
      int threads) {

    /** The run's first day of the year: the baseline period ends where the season starts. */
    public int startDay() {
      return Math.floorMod(reportingStartDay - 7 * baselineWeeks, 365);
    }

    public int days() {
      return 7 * (baselineWeeks + reportingWeeks);
    }

    /**
     * The run's first date, the baseline period's first day (in the simulator's calendar: runs
     * start in its year, {@link RoomSimulator#YEAR}, and go on into the next).
     */
    public LocalDate runStart() {
      return LocalDate.ofYearDay(RoomSimulator.YEAR, startDay() + 1);
    }

    /** The season's first date (a date in the simulator's calendar, the year as it falls). */
    public LocalDate reportingStart() {
      return runStart().plusDays(7L * baselineWeeks);
    }
  }

  /**
   * One method's estimate on one seed.
   *
   * @param truePct the true saving, % of the twin's energy on this meter over the season
   * @param savings the estimate (its fraction, uncertainty, baseline statistics)
   * @param fit the baseline's Guideline 14 statistics, hourly
   * @param monthly the same on calendar-month sums
   * @param outsidePct the share of the season's hours whose outdoor temperature or dew point lies
   *     outside the range the baseline was fitted on (where the model extrapolates), %; NaN for the
   *     pilot, whose baseline is interleaved with the hours it predicts
   * @param model the baseline model in a line
   */
  public record Estimate(
      String method,
      Meter meter,
      double truePct,
      Savings savings,
      Guideline14 fit,
      Guideline14 monthly,
      double outsidePct,
      String model) {
    public double estimatedPct() {
      return 100 * savings.fraction();
    }

    public double errorPp() {
      return estimatedPct() - truePct;
    }

    /** Whether the true fraction lies inside the estimate's interval at 68 % (or 90 %). */
    public boolean covers(boolean ninety) {
      double half =
          Math.abs(savings.fraction())
              * (ninety ? savings.uncertainty90() : savings.uncertainty68());
      return Math.abs(savings.fraction() - truePct / 100) <= half;
    }
  }

  /** Everything measured on one seed. */
  public record SeedResult(
      long seed,
      double twinCoolingKwh,
      double controlledCoolingKwh,
      double twinTotalKwh,
      double controlledTotalKwh,
      double twinFanKwh,
      double controlledFanKwh,
      double controlledMeanSetpointC,
      List<Estimate> estimates,
      String pilotCode,
      List<Integer> switchOvers,
      double pairedPct,
      List<PilotEstimate.Day> pilotDays) {

    public double trueCoolingPct() {
      return 100 * (twinCoolingKwh - controlledCoolingKwh) / twinCoolingKwh;
    }

    public double trueTotalPct() {
      return 100 * (twinTotalKwh - controlledTotalKwh) / twinTotalKwh;
    }
  }

  /** Method names, in report order. */
  public static final String BASELINE = "baseline";

  public static final String SHORT_BASELINE = "short baseline";
  public static final String PILOT = "pilot";

  private final Settings settings;
  private final SetpointPolicy policy;
  private final InletPredictor predictor;
  private final TrainingRanges ranges;
  private final PrintStream progress;

  public SavingsStudy(
      Settings settings,
      SetpointPolicy policy,
      InletPredictor predictor,
      TrainingRanges ranges,
      PrintStream progress) {
    this.settings = settings;
    this.policy = policy;
    this.predictor = predictor;
    this.ranges = ranges;
    this.progress = progress;
  }

  public Settings settings() {
    return settings;
  }

  /** Every seed, in the settings' order. */
  public List<SeedResult> run() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()));
    try {
      List<List<Future<HourlyMeter>>> runs = new ArrayList<>();
      AtomicInteger done = new AtomicInteger();
      int total = 3 * settings.seeds().size();
      for (long seed : settings.seeds()) {
        List<Future<HourlyMeter>> three = new ArrayList<>();
        for (Arm arm : Arm.values()) {
          three.add(
              pool.submit(
                  () -> {
                    HourlyMeter m = simulate(seed, arm);
                    progress.printf(
                        "savings: seed %d %s done (%d/%d runs)%n",
                        seed, arm.label, done.incrementAndGet(), total);
                    return m;
                  }));
        }
        runs.add(three);
      }
      List<SeedResult> results = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        List<Future<HourlyMeter>> three = runs.get(i);
        results.add(
            analyse(
                settings.seeds().get(i), get(three.get(0)), get(three.get(1)), get(three.get(2))));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One seed, run in this thread (for the determinism check). */
  public SeedResult runSeed(long seed) {
    return analyse(
        seed, simulate(seed, Arm.CONTROLLED), simulate(seed, Arm.TWIN), simulate(seed, Arm.PILOT));
  }

  private enum Arm {
    CONTROLLED("controlled"),
    TWIN("twin"),
    PILOT("pilot");

    final String label;

    Arm(String label) {
      this.label = label;
    }
  }

  /** The pilot's schedule for a seed (its own stream, derived from the seed). */
  public PilotSchedule schedule(long seed) {
    return new PilotSchedule(
        7 * settings.reportingWeeks(), settings.pilotPeriodDays(), seed * 0x9E3779B97F4A7C15L + 17);
  }

  private HourlyMeter simulate(long seed, Arm arm) {
    ClosedLoop loop =
        new ClosedLoop(
            settings.room(), settings.site(), Duration.ofSeconds(60), Duration.ofMinutes(5));
    Strategy fixed = new Strategy.Fixed(settings.baselineC());
    int baselineDays = 7 * settings.baselineWeeks();
    Instant start = settings.runStart().atStartOfDay(settings.site().zone()).toInstant();
    PilotSchedule schedule = schedule(seed);
    IntPredicate on =
        switch (arm) {
          case TWIN -> d -> false;
          case CONTROLLED -> d -> d >= baselineDays;
          case PILOT ->
              d ->
                  d >= baselineDays
                      && d - baselineDays < schedule.days()
                      && schedule.arm(d - baselineDays) == PilotSchedule.Arm.CONTROLLER;
        };
    Strategy strategy =
        arm == Arm.TWIN
            ? fixed
            : new Phased(fixed, new Strategy.Recommender(policy, predictor, ranges), start, on);
    HourlyMeter meter = new HourlyMeter();
    loop.run(
        strategy, seed, settings.startDay(), settings.days(), Scenario.NONE, 0, d -> {}, meter);
    return meter;
  }

  private SeedResult analyse(
      long seed, HourlyMeter controlled, HourlyMeter twin, HourlyMeter pilot) {
    int split = 7 * settings.baselineWeeks() * 24;
    int shortFrom = 7 * (settings.baselineWeeks() - settings.shortBaselineWeeks()) * 24;
    List<Observation> c = controlled.hours();
    List<Observation> t = twin.hours();
    List<Observation> baselinePeriod = c.subList(0, split);
    List<Observation> season = c.subList(split, c.size());
    double twinCool = 0;
    double ctrlCool = 0;
    double twinTotal = 0;
    double ctrlTotal = 0;
    double twinFan = 0;
    double ctrlFan = 0;
    double setpoint = 0;
    for (int i = split; i < c.size(); i++) {
      twinCool += t.get(i).coolingKwh();
      ctrlCool += c.get(i).coolingKwh();
      twinTotal += t.get(i).totalKwh();
      ctrlTotal += c.get(i).totalKwh();
      twinFan += twin.fanKwh(i);
      ctrlFan += controlled.fanKwh(i);
      setpoint += controlled.setpointC(i) / (c.size() - split);
    }
    double trueCool = 100 * (twinCool - ctrlCool) / twinCool;
    double trueTotal = 100 * (twinTotal - ctrlTotal) / twinTotal;

    List<Estimate> estimates = new ArrayList<>();
    for (Meter meter : Meter.values()) {
      double truth = meter == Meter.COOLING ? trueCool : trueTotal;
      Baseline b = Baseline.fit(baselinePeriod, meter);
      estimates.add(
          estimate(
              BASELINE,
              meter,
              truth,
              b,
              Savings.of(b, season),
              outsidePct(baselinePeriod, season)));
      List<Observation> shortPeriod = c.subList(shortFrom, split);
      Baseline s = Baseline.fit(shortPeriod, meter);
      estimates.add(
          estimate(
              SHORT_BASELINE,
              meter,
              truth,
              s,
              Savings.of(s, season),
              outsidePct(shortPeriod, season)));
    }
    PilotSchedule schedule = schedule(seed);
    List<Observation> pilotSeason = pilot.hours().subList(split, split + schedule.days() * 24);
    PilotEstimate pilotCooling = null;
    for (Meter meter : Meter.values()) {
      double truth = meter == Meter.COOLING ? trueCool : trueTotal;
      PilotEstimate pe = PilotEstimate.of(schedule, pilotSeason, meter, settings.carryOverHours());
      estimates.add(estimate(PILOT, meter, truth, pe.baseline(), pe.savings(), Double.NaN));
      if (meter == Meter.COOLING) {
        pilotCooling = pe;
      }
    }
    return new SeedResult(
        seed,
        twinCool,
        ctrlCool,
        twinTotal,
        ctrlTotal,
        twinFan,
        ctrlFan,
        setpoint,
        List.copyOf(estimates),
        schedule.code(),
        schedule.switchOvers(),
        100 * pilotCooling.pairedFraction(),
        pilotCooling.days());
  }

  private Estimate estimate(
      String method, Meter meter, double truth, Baseline b, Savings s, double outsidePct) {
    return new Estimate(
        method,
        meter,
        truth,
        s,
        b.statistics(),
        b.monthlyStatistics(settings.site().zone()),
        outsidePct,
        b.describe());
  }

  /**
   * The share of {@code reporting}'s hours whose outdoor temperature or dew point lies outside the
   * range (minimum to maximum) of {@code baseline}'s, %: where a model fitted on {@code baseline}
   * extrapolates.
   */
  static double outsidePct(List<Observation> baseline, List<Observation> reporting) {
    double loT = Double.POSITIVE_INFINITY;
    double hiT = Double.NEGATIVE_INFINITY;
    double loD = Double.POSITIVE_INFINITY;
    double hiD = Double.NEGATIVE_INFINITY;
    for (Observation o : baseline) {
      loT = Math.min(loT, o.outdoorC());
      hiT = Math.max(hiT, o.outdoorC());
      loD = Math.min(loD, o.outdoorDewPointC());
      hiD = Math.max(hiD, o.outdoorDewPointC());
    }
    int outside = 0;
    for (Observation o : reporting) {
      if (o.outdoorC() < loT
          || o.outdoorC() > hiT
          || o.outdoorDewPointC() < loD
          || o.outdoorDewPointC() > hiD) {
        outside++;
      }
    }
    return reporting.isEmpty() ? Double.NaN : 100.0 * outside / reporting.size();
  }

  private static HourlyMeter get(Future<HourlyMeter> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
    }
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
