package dev.setpoint.model.eval;

import ai.onnxruntime.OrtException;
import dev.setpoint.model.eval.ClosedLoop.Run;
import dev.setpoint.model.recommend.Reason;
import dev.setpoint.model.recommend.SetpointPolicy;
import dev.setpoint.model.recommend.TrainingRanges;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The closed-loop comparison behind docs/evaluation.md: fixed 18 °C, the best fixed setpoint that
 * never leaves the envelope (searched downward from 27 °C), a thermostat rule, and the recommender,
 * each over the same simulated year (same weather and noise).
 */
public final class Evaluation {
  private final ClosedLoop loop;
  private final long seed;
  private final int days;
  private final PrintStream progress;

  public Evaluation(ClosedLoop loop, long seed, int days, PrintStream progress) {
    this.loop = loop;
    this.seed = seed;
    this.days = days;
    this.progress = progress;
  }

  /** Everything the report shows. */
  public record Outcome(
      Run fixed18,
      Run bestFixed,
      List<Run> searched,
      Run thermostat,
      Run recommender,
      Map<Reason, Integer> reasons) {}

  public Outcome run(OnnxInletPredictor predictor, SetpointPolicy policy) {
    Run fixed18 = run(new Strategy.Fixed(18.0));
    List<Run> searched = new ArrayList<>();
    Run best = null;
    for (double sp = 27.0; sp >= 18.0; sp -= 0.5) {
      Run r = sp == 18.0 ? fixed18 : run(new Strategy.Fixed(sp));
      searched.add(r);
      if (r.minutesAbove() == 0 && r.minutesBelow() == 0) {
        best = r;
        break;
      }
    }
    Run thermostat = run(new Strategy.Thermostat(24.0, 25.5));
    Strategy.Recommender recommender =
        new Strategy.Recommender(policy, predictor, trainingRanges(predictor));
    Run rec = run(recommender);
    return new Outcome(fixed18, best, searched, thermostat, rec, recommender.reasons());
  }

  private static TrainingRanges trainingRanges(OnnxInletPredictor predictor) {
    try {
      return TrainingRanges.fromMetadata(predictor.metadata()).orElse(null);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot read the model's metadata: " + e.getMessage(), e);
    }
  }

  private Run run(Strategy strategy) {
    long t0 = System.nanoTime();
    progress.printf("evaluate: %s …%n", strategy.name());
    Run r =
        loop.run(
            strategy,
            seed,
            days,
            day -> {
              if (day % 73 == 0 || day == days) {
                progress.printf("  day %d/%d%n", day, days);
              }
            });
    progress.printf(
        Locale.ROOT,
        "  %.0f kWh, %.0f min above 27 °C, %.0f min below 18 °C (%.1f s)%n",
        r.coolingKwh(),
        r.minutesAbove(),
        r.minutesBelow(),
        (System.nanoTime() - t0) / 1e9);
    return r;
  }

  /** Writes {@code evaluation.md} and its charts into {@code docs}. */
  public void write(
      Outcome o,
      Path docs,
      Map<String, String> modelMetadata,
      SetpointPolicy policy,
      Duration decisionInterval,
      String command)
      throws IOException {
    Path charts = docs.resolve("evaluation");
    Files.createDirectories(charts);
    List<Run> runs = new ArrayList<>();
    runs.add(o.fixed18());
    if (o.bestFixed() != null) {
      runs.add(o.bestFixed());
    }
    runs.add(o.thermostat());
    runs.add(o.recommender());
    double base = o.fixed18().coolingKwh();

    List<String> names = runs.stream().map(Run::strategy).toList();
    double[] kwh = runs.stream().mapToDouble(Run::coolingKwh).toArray();
    String[] labels = new String[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      labels[i] =
          i == 0 ? "(baseline)" : String.format(Locale.ROOT, "−%.1f %%", saved(base, runs.get(i)));
    }
    Charts.bars(
        charts.resolve("energy.png"),
        "Cooling energy over the simulated year",
        "kWh",
        names,
        kwh,
        labels);

    List<Charts.Series> monthly = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      double[] m = runs.get(i).monthlyKwh();
      float[] v = new float[12];
      for (int k = 0; k < 12; k++) {
        v[k] = (float) m[k];
      }
      monthly.add(new Charts.Series(runs.get(i).strategy(), v, Charts.PALETTE[i], false));
    }
    Charts.lines(
        charts.resolve("monthly.png"),
        "Cooling energy per month",
        "month",
        11,
        new String[] {
          "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
        },
        "kWh",
        monthly,
        List.of());

    String[] weekNames = {"week-january.png", "week-august.png"};
    for (int t = 0; t < ClosedLoop.TRACE_START_DAYS.length; t++) {
      List<Charts.Series> series = new ArrayList<>();
      Run rec = o.recommender();
      series.add(
          new Charts.Series("inlet, recommender", rec.traceInlet()[t], Charts.PALETTE[3], false));
      series.add(
          new Charts.Series(
              "setpoint, recommender", rec.traceSetpoint()[t], Charts.PALETTE[3], true));
      series.add(
          new Charts.Series(
              "inlet, fixed 18 °C", o.fixed18().traceInlet()[t], Charts.PALETTE[0], false));
      if (o.bestFixed() != null) {
        series.add(
            new Charts.Series(
                "inlet, " + o.bestFixed().strategy(),
                o.bestFixed().traceInlet()[t],
                Charts.PALETTE[1],
                false));
      }
      series.add(new Charts.Series("outdoor", rec.traceOutdoor()[t], Charts.PALETTE[5], false));
      String[] ticks = new String[ClosedLoop.TRACE_DAYS + 1];
      for (int d = 0; d <= ClosedLoop.TRACE_DAYS; d++) {
        ticks[d] = "d" + (ClosedLoop.TRACE_START_DAYS[t] + d + 1);
      }
      Charts.lines(
          charts.resolve(weekNames[t]),
          "Inlet and setpoint, days "
              + (ClosedLoop.TRACE_START_DAYS[t] + 1)
              + "–"
              + (ClosedLoop.TRACE_START_DAYS[t] + ClosedLoop.TRACE_DAYS)
              + " of the year",
          "day of year",
          rec.traceInlet()[t].length - 1,
          ticks,
          "°C",
          series,
          List.of(
              new Charts.Rule("27 °C limit", 27, Color.RED),
              new Charts.Rule("limit − margin", policy.settings().thresholdC(), Color.ORANGE)));
    }

    StringBuilder md = new StringBuilder();
    md.append("# Closed-loop evaluation\n\n");
    md.append("Generated by `").append(command).append("`; do not edit by hand.\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "One simulated year (%d days, simulator seed %d, Gwangju weather) of the default room in"
                + " model/README.md, the same weather and noise for every strategy. The room steps every"
                + " 10 s, a sample enters the window every %d s, and each strategy decides every %d"
                + " minutes. Inlet temperatures are the sensor's readings. The largest inlet change"
                + " within any 60 minutes is measured after the first day (the room starts at"
                + " 22 °C), against ASHRAE's bound of 20 °C per hour (5 °C where tape is"
                + " stored).%n%n",
            days,
            seed,
            Long.parseLong(modelMetadata.getOrDefault("sample_interval_s", "60")),
            decisionInterval.toMinutes()));
    md.append(
        "| strategy | cooling kWh | saved vs fixed 18 °C | minutes inlet > 27 °C | minutes inlet < 18 °C | setpoint changes per day | mean setpoint °C | max inlet °C | largest inlet change within 60 min, °C |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Run r : runs) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %.1f %% | %.0f | %.0f | %.1f | %.2f | %.2f | %.2f |%n",
              r.strategy(),
              r.coolingKwh(),
              saved(base, r),
              r.minutesAbove(),
              r.minutesBelow(),
              r.changesPerDay(),
              r.meanSetpointC(),
              r.maxInletC(),
              r.maxInletSwing60C()));
    }
    Run rec = o.recommender();
    boolean done = saved(base, rec) >= 25.0 && rec.minutesAbove() == 0;
    md.append(
        String.format(
            Locale.ROOT,
            "%nTarget (issue 5): at least 25 %% less cooling energy than fixed 18 °C with zero minutes above"
                + " 27 °C. The recommender saved %.1f %% with %.0f minutes above 27 °C: **%s**.%n%n",
            saved(base, rec),
            rec.minutesAbove(),
            done ? "met" : "not met"));
    if (o.bestFixed() != null) {
      md.append(
          String.format(
              Locale.ROOT,
              "Against the best fixed setpoint (%s, found by trying 27 °C downward in 0.5 °C steps until"
                  + " a whole year stayed inside 18–27 °C), the recommender uses %.1f %% %s energy. That"
                  + " fixed value is only known after simulating the year; the recommender does not need it.%n%n",
              o.bestFixed().strategy(),
              Math.abs(100 * (1 - rec.coolingKwh() / o.bestFixed().coolingKwh())),
              rec.coolingKwh() <= o.bestFixed().coolingKwh() ? "less" : "more"));
    } else {
      md.append("No fixed setpoint in 18–27 °C kept the inlet inside the envelope all year.\n\n");
    }
    md.append(
        "Fixed setpoints tried in the search:\n\n| setpoint | cooling kWh | minutes > 27 °C | minutes < 18 °C |\n|---|---:|---:|---:|\n");
    for (Run r : o.searched()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %.0f | %.0f |%n",
              r.strategy(),
              r.coolingKwh(),
              r.minutesAbove(),
              r.minutesBelow()));
    }
    md.append(
        "\nThe thermostat rule lowers the setpoint 1 °C when the inlet is above 25.5 °C and"
            + " raises it 0.5 °C when below 24 °C, within 18–27 °C, with no model.\n\n");
    md.append("Recommender decisions by reason: ");
    List<String> parts = new ArrayList<>();
    for (Reason reason : Reason.values()) {
      parts.add("`" + reason.code() + "` " + o.reasons().getOrDefault(reason, 0));
    }
    md.append(String.join(", ", parts)).append(".\n\n");
    md.append("## Model and policy\n\n");
    md.append("| | |\n|---|---|\n");
    for (String key :
        List.of(
            "model_version",
            "trained_at",
            "algorithm",
            "data_source",
            "sample_interval_s",
            "horizon_s",
            "train_examples",
            "holdout_examples",
            "holdout_mae",
            "holdout_rmse",
            "persistence_mae",
            "persistence_rmse")) {
      md.append("| ")
          .append(key)
          .append(" | ")
          .append(modelMetadata.getOrDefault(key, ""))
          .append(" |\n");
    }
    var s = policy.settings();
    md.append(
        String.format(
            Locale.ROOT,
            "%nPolicy: candidates %.1f–%.1f °C in %.1f °C steps, predicted inlet ≤ %.1f − %.1f °C, rise ≤ %.1f °C"
                + " per decision, fall %s, a changed setpoint kept %d min unless keeping it is predicted"
                + " unsafe, fallback toward %.1f °C at ≤ %.1f °C per decision, window stale"
                + " after %d s.%n%n",
            s.minC(),
            s.maxC(),
            s.stepC(),
            s.limitC(),
            s.marginC(),
            s.maxRaiseC(),
            Double.isInfinite(s.maxLowerC())
                ? "unbounded"
                : String.format(Locale.ROOT, "≤ %.1f °C", s.maxLowerC()),
            s.minDwell().toMinutes(),
            s.fallbackC(),
            s.fallbackStepC(),
            s.maxSampleAge().toSeconds()));
    md.append(
        "The held-out error is on every fifth week of the training data (a different seed from"
            + " this evaluation), against persistence (\"the inlet stays as it is now\").\n\n");
    md.append("## Charts\n\n");
    md.append("![Cooling energy](evaluation/energy.png)\n\n");
    md.append("![Monthly cooling energy](evaluation/monthly.png)\n\n");
    md.append("![A week in January](evaluation/week-january.png)\n\n");
    md.append("![A week in August](evaluation/week-august.png)\n\n");
    md.append("## Limits\n\n");
    md.append(
        "The room, its air conditioner and the weather are the simulator's (model/README.md),"
            + " and the model was trained on the same simulator, so these figures say how the"
            + " recommender behaves against that physics, not what a real room will save. The COP"
            + " curve (a share of the Carnot COP between coil and condenser) is what makes a higher"
            + " setpoint cheaper; a real unit's curve should replace it before drawing conclusions.\n");
    Files.writeString(docs.resolve("evaluation.md"), md.toString(), StandardCharsets.UTF_8);
  }

  private static double saved(double base, Run r) {
    return 100.0 * (1 - r.coolingKwh() / base);
  }
}
