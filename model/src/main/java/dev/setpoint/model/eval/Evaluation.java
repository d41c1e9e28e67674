package dev.setpoint.model.eval;

import dev.setpoint.model.eval.ClosedLoop.Run;
import dev.setpoint.model.recommend.InletPredictor;
import dev.setpoint.model.recommend.Reason;
import dev.setpoint.model.recommend.SetpointPolicy;
import dev.setpoint.model.recommend.TrainingRanges;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.SiteClimate;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The closed-loop comparison behind docs/evaluation.md, per evaluation cell (a climate and a room):
 * the baselines are chosen on the cell's tuning years (seeds), never on its evaluation years; the
 * recommender and every baseline then run the same evaluation years (same weather and noise per
 * seed); figures are means with 95 % intervals over the seeds, and the recommender's difference to
 * the best constant is paired per seed. Stress scenarios run from fixed start times.
 */
public final class Evaluation {
  /** Constants searched, °C: 27 down to 18 in 0.5 °C steps. */
  static final double CONSTANT_MAX_C = 27.0;

  static final double CONSTANT_MIN_C = 18.0;
  static final double CONSTANT_STEP_C = 0.5;

  /** The thermostat band (an operator's rule, not tuned). */
  static final double THERMOSTAT_LOW_C = 24.0;

  static final double THERMOSTAT_HIGH_C = 25.5;

  /** Stress runs: from 15 July (day 195) for 4 days, the event on the third day at 14:00. */
  public static final int STRESS_START_DAY = 195;

  public static final int STRESS_DAYS = 4;
  public static final long STRESS_EVENT_MINUTE = (2 * 24 + 14) * 60;

  /** A climate and a room, and whether the model's training saw them. */
  public record Cell(
      SiteClimate site,
      String roomName,
      RoomParameters room,
      boolean climateSeen,
      boolean roomSeen) {
    public String name() {
      return site.name() + " × " + roomName;
    }
  }

  /** What to run. */
  public record Settings(
      List<Cell> cells,
      List<Long> tuneSeeds,
      List<Long> evalSeeds,
      int days,
      List<Scenario> scenarios,
      List<Long> stressSeeds,
      Duration sampleInterval,
      Duration decisionInterval,
      int threads) {}

  /** The named rooms: the default one (seen in training) and two the model never saw. */
  public static Map<String, RoomParameters> rooms() {
    Map<String, RoomParameters> rooms = new LinkedHashMap<>();
    rooms.put("default", RoomParameters.defaults());
    rooms.put(
        "dense",
        RoomParameters.defaults().toBuilder()
            .itLoadKw(40)
            .racks(8)
            .units(3)
            .unitCapacityKw(25)
            .unitFanRatedKw(1.25)
            .heatCapacityKjPerK(3500)
            .hotSpotLoadK(4.5)
            .build());
    rooms.put(
        "small-dx",
        RoomParameters.defaults().toBuilder()
            .itLoadKw(8)
            .racks(2)
            .units(2)
            .unitCapacityKw(10)
            .unitFanRatedKw(0.5)
            .heatCapacityKjPerK(900)
            .economiser(false)
            .hotSpotBaseK(1.5)
            .build());
    return rooms;
  }

  /**
   * The default cells: Gwangju's default room (trained on), two unseen climates, two unseen rooms.
   */
  public static List<Cell> defaultCells() {
    Map<String, RoomParameters> rooms = rooms();
    return List.of(
        new Cell(SiteClimate.GWANGJU, "default", rooms.get("default"), true, true),
        new Cell(SiteClimate.SINGAPORE, "default", rooms.get("default"), false, true),
        new Cell(SiteClimate.PHOENIX, "default", rooms.get("default"), false, true),
        new Cell(SiteClimate.GWANGJU, "dense", rooms.get("dense"), true, false),
        new Cell(SiteClimate.HELSINKI, "small-dx", rooms.get("small-dx"), false, false));
  }

  /** The mean of values and its 95 % interval (Student's t). */
  public record Stat(double mean, double low, double high, int n) {
    static Stat of(double[] v) {
      int n = v.length;
      double mean = 0;
      for (double x : v) {
        mean += x;
      }
      mean /= n;
      if (n < 2) {
        return new Stat(mean, Double.NaN, Double.NaN, n);
      }
      double ss = 0;
      for (double x : v) {
        ss += (x - mean) * (x - mean);
      }
      double half = tQuantile975(n - 1) * Math.sqrt(ss / (n - 1) / n);
      return new Stat(mean, mean - half, mean + half, n);
    }

    /** Whether the interval lies wholly below zero. */
    public boolean belowZero() {
      return high < 0;
    }
  }

  /** Student's t 97.5 % quantile for {@code df} degrees of freedom. */
  static double tQuantile975(int df) {
    double[] table = {
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
      2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
      2.052, 2.048, 2.045, 2.042
    };
    return df <= table.length ? table[df - 1] : 1.96 + 2.4 / df;
  }

  /** One strategy's runs over a cell's evaluation seeds. */
  public record Strategy(String name, double constantC, List<Run> runs) {
    public Stat energy() {
      return Stat.of(runs.stream().mapToDouble(Run::controllableKwh).toArray());
    }

    public Stat cooling() {
      return Stat.of(runs.stream().mapToDouble(Run::coolingKwh).toArray());
    }

    public Stat serverFans() {
      return Stat.of(runs.stream().mapToDouble(Run::serverFanKwh).toArray());
    }

    public Stat it() {
      return Stat.of(runs.stream().mapToDouble(Run::itKwh).toArray());
    }

    public double minutesAbove() {
      return runs.stream().mapToDouble(Run::minutesAbove).sum() / runs.size();
    }

    public double minutesDewPointAbove() {
      return runs.stream().mapToDouble(Run::minutesDewPointAbove).sum() / runs.size();
    }

    public double maxInletC() {
      return runs.stream().mapToDouble(Run::maxInletC).max().orElse(Double.NaN);
    }

    /** The true hottest inlet's mean over every step of every run, °C. */
    public double meanInletC() {
      return runs.stream().mapToDouble(Run::meanInletC).average().orElse(Double.NaN);
    }

    public double maxSwingC() {
      return runs.stream().mapToDouble(Run::maxInletSwing60C).max().orElse(Double.NaN);
    }

    public long rateViolations() {
      return runs.stream().filter(Run::rateViolated).count();
    }

    public double changesPerDay() {
      return runs.stream().mapToDouble(Run::changesPerDay).average().orElse(Double.NaN);
    }

    public double meanSetpointC() {
      return runs.stream().mapToDouble(Run::meanSetpointC).average().orElse(Double.NaN);
    }

    /** Per seed, (this − other) / other; mean and 95 % interval, in %. */
    public Stat relativeTo(Strategy other) {
      double[] d = new double[runs.size()];
      for (int i = 0; i < d.length; i++) {
        double base = other.runs.get(i).controllableKwh();
        d[i] = 100 * (runs.get(i).controllableKwh() - base) / base;
      }
      return Stat.of(d);
    }
  }

  /** A constant tried on the tuning years. */
  public record Tried(double constantC, double meanKwh, double minutesAbove, double maxInletC) {}

  /** A stress scenario's outcome for one strategy, over the stress seeds. */
  public record Stress(Scenario scenario, String strategy, Strategy runs) {}

  /** Everything the report shows for one cell. */
  public record CellResult(
      Cell cell,
      List<Tried> tuning,
      Strategy fixed18,
      Strategy bestConstant,
      Strategy marginConstant,
      Strategy thermostat,
      Strategy recommender,
      Strategy foresight,
      Map<Reason, Integer> reasons,
      List<Stress> stress,
      long boundChecked,
      long boundCovered) {

    /**
     * The share of the recommender's checked predictions whose peak inlet within the horizon stayed
     * at or below prediction + the margin kept (NaN when none was checked).
     */
    public double boundCoverage() {
      return boundChecked == 0 ? Double.NaN : boundCovered / (double) boundChecked;
    }
  }

  private final Settings settings;
  private final SetpointPolicy policy;
  private final InletPredictor predictor;
  private final TrainingRanges ranges;
  private final PrintStream progress;
  private final ExecutorService pool;

  public Evaluation(
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
    this.pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()));
  }

  public Settings settings() {
    return settings;
  }

  /** Runs every cell (and the stress scenarios on the first). */
  public List<CellResult> run() throws InterruptedException {
    try {
      List<CellResult> results = new ArrayList<>();
      for (int i = 0; i < settings.cells().size(); i++) {
        results.add(run(settings.cells().get(i), i == 0));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private CellResult run(Cell cell, boolean stress) throws InterruptedException {
    long t0 = System.nanoTime();
    progress.printf("evaluate: cell %s%n", cell.name());
    ClosedLoop loop =
        new ClosedLoop(
            cell.room(), cell.site(), settings.sampleInterval(), settings.decisionInterval());
    Map<String, Run> cache = new ConcurrentHashMap<>();

    // 1. Baselines chosen on the tuning years only.
    List<Tried> tuning = new ArrayList<>();
    Double best = null;
    double bestKwh = Double.POSITIVE_INFINITY;
    Double margin = null;
    double marginLimit = policy.settings().thresholdC();
    for (double c = CONSTANT_MAX_C; c >= CONSTANT_MIN_C - 1e-9; c -= CONSTANT_STEP_C) {
      List<Run> runs = constantRuns(loop, cache, c, settings.tuneSeeds());
      Tried t =
          new Tried(
              c,
              runs.stream().mapToDouble(Run::controllableKwh).average().orElseThrow(),
              runs.stream().mapToDouble(Run::minutesAbove).sum(),
              runs.stream().mapToDouble(Run::maxInletC).max().orElseThrow());
      tuning.add(t);
      progress.printf(
          Locale.ROOT,
          "  tune %.1f °C: %.0f kWh, %.0f min > 27 °C, max %.2f °C%n",
          c,
          t.meanKwh(),
          t.minutesAbove(),
          t.maxInletC());
      if (margin == null && t.maxInletC() <= marginLimit) {
        margin = c;
      }
      if (t.minutesAbove() == 0) {
        if (t.meanKwh() < bestKwh) {
          bestKwh = t.meanKwh();
          best = c;
        } else if (margin != null) {
          break; // past the feasible optimum and the margin constant is known
        }
      }
    }
    double bestC = best == null ? CONSTANT_MIN_C : best;
    double marginC = margin == null ? CONSTANT_MIN_C : margin;

    // 2. Every strategy on the evaluation years.
    List<Long> seeds = settings.evalSeeds();
    Strategy fixed18 = constants(loop, cache, 18.0, seeds, "fixed 18 °C (the report's)");
    Strategy bestConstant =
        constants(
            loop,
            cache,
            bestC,
            seeds,
            String.format(Locale.ROOT, "best constant %.1f °C (tuning years)", bestC));
    Strategy marginConstant =
        constants(
            loop,
            cache,
            marginC,
            seeds,
            String.format(
                Locale.ROOT,
                "constant with the %.2f °C margin, %.1f °C",
                policy.settings().marginC(),
                marginC));
    Strategy thermostat =
        strategyRuns(
            loop,
            seeds,
            () ->
                new dev.setpoint.model.eval.Strategy.Thermostat(
                    THERMOSTAT_LOW_C, THERMOSTAT_HIGH_C),
            String.format(
                Locale.ROOT, "thermostat band %.1f–%.1f °C", THERMOSTAT_LOW_C, THERMOSTAT_HIGH_C),
            Scenario.NONE,
            0,
            0,
            settings.days(),
            null,
            null);
    Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
    long[] coverage = new long[2];
    Strategy recommender =
        strategyRuns(
            loop,
            seeds,
            this::recommender,
            "recommender",
            Scenario.NONE,
            0,
            0,
            settings.days(),
            reasons,
            coverage);

    // 3. The reference only hindsight gives: the best constant on the evaluation years.
    double fc = bestC;
    Strategy foresight = constants(loop, cache, fc, seeds, "");
    while (fc + CONSTANT_STEP_C <= CONSTANT_MAX_C + 1e-9) {
      Strategy up = constants(loop, cache, fc + CONSTANT_STEP_C, seeds, "");
      if (up.minutesAbove() > 0 || up.energy().mean() >= foresight.energy().mean()) {
        break;
      }
      fc += CONSTANT_STEP_C;
      foresight = up;
    }
    if (foresight.minutesAbove() > 0) {
      while (fc - CONSTANT_STEP_C >= CONSTANT_MIN_C - 1e-9 && foresight.minutesAbove() > 0) {
        fc -= CONSTANT_STEP_C;
        foresight = constants(loop, cache, fc, seeds, "");
      }
    }
    while (fc - CONSTANT_STEP_C >= CONSTANT_MIN_C - 1e-9) {
      Strategy down = constants(loop, cache, fc - CONSTANT_STEP_C, seeds, "");
      if (down.energy().mean() >= foresight.energy().mean()) {
        break;
      }
      fc -= CONSTANT_STEP_C;
      foresight = down;
    }
    foresight =
        new Strategy(
            String.format(Locale.ROOT, "perfect-foresight constant %.1f °C (reference)", fc),
            fc,
            foresight.runs());

    // 4. Stress scenarios.
    List<Stress> stressResults = new ArrayList<>();
    if (stress) {
      for (Scenario scenario : settings.scenarios()) {
        progress.printf("  stress %s%n", scenario.code());
        for (var entry :
            List.<Map.Entry<String, Supplier<dev.setpoint.model.eval.Strategy>>>of(
                Map.entry("best constant", () -> new dev.setpoint.model.eval.Strategy.Fixed(bestC)),
                Map.entry("recommender", this::recommender))) {
          Strategy s =
              strategyRuns(
                  loop,
                  settings.stressSeeds(),
                  entry.getValue(),
                  entry.getKey(),
                  scenario,
                  STRESS_START_DAY,
                  STRESS_EVENT_MINUTE,
                  STRESS_DAYS,
                  null,
                  null);
          stressResults.add(new Stress(scenario, entry.getKey(), s));
        }
      }
    }
    progress.printf(
        Locale.ROOT,
        "  cell %s done (%.0f s): best constant %.1f °C %.0f kWh, recommender %.0f kWh%n",
        cell.name(),
        (System.nanoTime() - t0) / 1e9,
        bestC,
        bestConstant.energy().mean(),
        recommender.energy().mean());
    return new CellResult(
        cell,
        tuning,
        fixed18,
        bestConstant,
        marginConstant,
        thermostat,
        recommender,
        foresight,
        Map.copyOf(reasons),
        stressResults,
        coverage[0],
        coverage[1]);
  }

  private dev.setpoint.model.eval.Strategy recommender() {
    return new dev.setpoint.model.eval.Strategy.Recommender(policy, predictor, ranges);
  }

  private Strategy constants(
      ClosedLoop loop, Map<String, Run> cache, double c, List<Long> seeds, String name) {
    return new Strategy(name, c, constantRuns(loop, cache, c, seeds));
  }

  private List<Run> constantRuns(
      ClosedLoop loop, Map<String, Run> cache, double c, List<Long> seeds) {
    List<Future<Run>> futures = new ArrayList<>();
    for (long seed : seeds) {
      String key = c + "/" + seed;
      futures.add(
          pool.submit(
              () ->
                  cache.computeIfAbsent(
                      key,
                      k ->
                          loop.run(
                              new dev.setpoint.model.eval.Strategy.Fixed(c),
                              seed,
                              0,
                              settings.days(),
                              Scenario.NONE,
                              0,
                              d -> {}))));
    }
    return collect(futures);
  }

  /**
   * Runs a strategy over the seeds; for the recommender, {@code reasons} (when not null) and {@code
   * coverage} (when not null: {checked, covered}) add up its reasons and bound checks.
   */
  private Strategy strategyRuns(
      ClosedLoop loop,
      List<Long> seeds,
      Supplier<dev.setpoint.model.eval.Strategy> strategy,
      String name,
      Scenario scenario,
      int startDay,
      long eventMinute,
      int days,
      Map<Reason, Integer> reasons,
      long[] coverage) {
    List<Future<Run>> futures = new ArrayList<>();
    AtomicInteger done = new AtomicInteger();
    for (long seed : seeds) {
      futures.add(
          pool.submit(
              () -> {
                dev.setpoint.model.eval.Strategy st = strategy.get();
                Run r = loop.run(st, seed, startDay, days, scenario, eventMinute, d -> {});
                if (reasons != null
                    && st instanceof dev.setpoint.model.eval.Strategy.Recommender rec) {
                  synchronized (reasons) {
                    rec.reasons().forEach((k, v) -> reasons.merge(k, v, Integer::sum));
                    if (coverage != null) {
                      coverage[0] += rec.bound().checked();
                      coverage[1] += rec.bound().covered();
                    }
                  }
                }
                if (scenario == Scenario.NONE) {
                  progress.printf(
                      "  %s: seed %d done (%d/%d)%n",
                      name, seed, done.incrementAndGet(), seeds.size());
                }
                return r;
              }));
    }
    return new Strategy(name, Double.NaN, collect(futures));
  }

  private static List<Run> collect(List<Future<Run>> futures) {
    List<Run> runs = new ArrayList<>();
    for (Future<Run> f : futures) {
      try {
        runs.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("evaluation interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
      }
    }
    return runs;
  }
}
