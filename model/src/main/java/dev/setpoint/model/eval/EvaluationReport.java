package dev.setpoint.model.eval;

import static dev.setpoint.model.eval.JsonText.quoted;

import dev.setpoint.model.eval.ClosedLoop.Run;
import dev.setpoint.model.eval.Evaluation.CellResult;
import dev.setpoint.model.eval.Evaluation.Stat;
import dev.setpoint.model.eval.Evaluation.Strategy;
import dev.setpoint.model.eval.Evaluation.Stress;
import dev.setpoint.model.eval.Evaluation.Tried;
import dev.setpoint.model.recommend.Reason;
import dev.setpoint.model.recommend.SetpointPolicy;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the evaluation as {@code evaluation.md} (with charts under {@code evaluation/}) and as a
 * machine-readable {@code evaluation.json} beside it.
 */
public final class EvaluationReport {
  /** The energy target against the best constant, %: at least this much below it. */
  public static final double TARGET_SAVING_PCT = 5.0;

  /** How far above the best constant's maximum inlet a stressed controller may go, K. */
  public static final double STRESS_MAX_INLET_SLACK_K = 0.5;

  private final Evaluation.Settings settings;
  private final List<CellResult> cells;
  private final Map<String, String> modelMetadata;
  private final SetpointPolicy policy;
  private final String command;
  private final EffectiveRule rule;

  /**
   * @param rule what the model does, or null when unknown
   */
  public EvaluationReport(
      Evaluation.Settings settings,
      List<CellResult> cells,
      Map<String, String> modelMetadata,
      SetpointPolicy policy,
      EffectiveRule rule,
      String command) {
    this.rule = rule;
    this.settings = settings;
    this.cells = cells;
    this.modelMetadata = modelMetadata;
    this.policy = policy;
    this.command = command;
  }

  /** Whether the recommender met the energy target in a cell. */
  public static boolean energyTargetMet(CellResult c) {
    Stat d = c.recommender().relativeTo(c.bestConstant());
    return d.mean() <= -TARGET_SAVING_PCT && d.belowZero();
  }

  /**
   * The rough ceiling on any controller's saving against the best constant, %: the mean headroom of
   * the best constant's hottest inlet below 27 °C, priced at the energy per kelvin between the best
   * constant and the next constant up on the tuning years; NaN when that constant was not tried.
   */
  public static double ceilingPct(CellResult c) {
    double best = c.bestConstant().constantC();
    Evaluation.Tried at = null;
    Evaluation.Tried up = null;
    for (Evaluation.Tried t : c.tuning()) {
      if (Math.abs(t.constantC() - best) < 1e-9) {
        at = t;
      } else if (t.constantC() > best + 1e-9 && (up == null || t.constantC() < up.constantC())) {
        up = t;
      }
    }
    if (at == null || up == null) {
      return Double.NaN;
    }
    double perKelvin = (at.meanKwh() - up.meanKwh()) / (up.constantC() - at.constantC());
    double headroom = ClosedLoop.HIGH_C - c.bestConstant().meanInletC();
    return 100 * perKelvin * Math.max(0, headroom) / at.meanKwh();
  }

  /** Whether the recommender kept the envelope wherever the best constant did. */
  public static boolean envelopeTargetMet(CellResult c) {
    return (c.bestConstant().minutesAbove() > 0 || c.recommender().minutesAbove() == 0)
        && c.recommender().rateViolations() == 0;
  }

  /** Whether the recommender met the stress target in a scenario. */
  public static boolean stressTargetMet(Stress constant, Stress recommender) {
    return recommender.runs().minutesAbove() <= constant.runs().minutesAbove()
        && recommender.runs().maxInletC() <= constant.runs().maxInletC() + STRESS_MAX_INLET_SLACK_K;
  }

  /** Where the savings study's summary stands in evaluation.md (written by that study). */
  public static final String SAVINGS_BEGIN =
      "<!-- savings:begin (written by the savings study) -->";

  public static final String SAVINGS_END = "<!-- savings:end -->";

  /** {@code text} with its savings summary (between the markers) replaced by {@code block}. */
  public static String withSavings(String text, String block) {
    int begin = text.indexOf(SAVINGS_BEGIN);
    int end = text.indexOf(SAVINGS_END);
    String kept =
        begin >= 0 && end > begin
            ? text.substring(0, begin) + text.substring(end + SAVINGS_END.length())
            : text;
    return kept.stripTrailing() + "\n\n" + block;
  }

  /**
   * Writes {@code evaluation.md}, {@code evaluation.json} and the charts into {@code docs}; the
   * savings study's summary already in evaluation.md is kept.
   */
  public void write(Path docs) throws IOException {
    Path charts = docs.resolve("evaluation");
    Files.createDirectories(charts);
    writeCharts(charts);
    // the savings study's summary, written into the same page by that study, is kept
    Path page = docs.resolve("evaluation.md");
    String markdown = markdown();
    if (Files.exists(page)) {
      String old = Files.readString(page, StandardCharsets.UTF_8);
      int begin = old.indexOf(SAVINGS_BEGIN);
      int end = old.indexOf(SAVINGS_END);
      if (begin >= 0 && end > begin) {
        markdown = withSavings(markdown, old.substring(begin, end + SAVINGS_END.length()) + "\n");
      }
    }
    Files.writeString(page, markdown, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("evaluation.json"), json(), StandardCharsets.UTF_8);
  }

  private static List<Strategy> strategies(CellResult c) {
    return List.of(
        c.fixed18(),
        c.bestConstant(),
        c.marginConstant(),
        c.thermostat(),
        c.recommender(),
        c.foresight());
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Closed-loop evaluation\n\n");
    md.append("Generated by `").append(command).append("`; do not edit by hand.\n\n");
    md.append(
        f(
            "Each cell is a climate and a room (model/README.md). Per cell, the constants are chosen on"
                + " %d tuning years (simulator seeds %s) and every strategy then runs the same %d"
                + " evaluation years (seeds %s; the same weather and noise per seed), %d days each"
                + " from 1 January. The room steps every 10 s, a sample enters the window every %d s,"
                + " and each strategy decides every %d minutes. **Energy** is what a setpoint can"
                + " change: the cooling (compressors, indoor fans, economiser) plus the server fans'"
                + " power above their idle speed; IT energy is shown beside it. Inlet figures are the"
                + " true hottest rack's inlet (not a sensor's reading). Means with 95 %% intervals"
                + " (Student's t over the seeds); the difference to the best constant is paired per"
                + " seed.%n%n",
            settings.tuneSeeds().size(),
            seedRange(settings.tuneSeeds()),
            settings.evalSeeds().size(),
            seedRange(settings.evalSeeds()),
            settings.days(),
            settings.sampleInterval().toSeconds(),
            settings.decisionInterval().toMinutes()));
    md.append("| cell | climate in training | room in training |\n|---|---|---|\n");
    for (CellResult c : cells) {
      md.append(
          f(
              "| %s | %s | %s |%n",
              c.cell().name(),
              c.cell().climateSeen() ? "yes" : "**no**",
              c.cell().roomSeen() ? "yes" : "**no**"));
    }
    md.append(
        "\n**The recommender** judges each candidate setpoint on the hottest of the model's"
            + " 10-, 20- and 30-minute predictions with it held (the look-ahead heads, one ONNX"
            + " call per decision; model/README.md, Look-ahead), under 27 °C minus the learnt"
            + " bound.\n\n");
    md.append(
        "**Plant changes since the freeze** (each re-ran every baseline; the figures here are all"
            + " from the current plant): 2026-12-03, the racks' recirculation follows their own"
            + " heat instead of the cooling units' output. With the units' output, the pull-down"
            + " after a setpoint drop lifted every rack's inlet by up to 2.3 K within 10 s, so a"
            + " drop in answer to a predicted breach made the hottest inlet worse at once (the"
            + " stress scenarios' maximum inlet was set by such drops). The change was found by"
            + " tracing one of those maxima, not by tuning on the evaluation years.\n");
    md.append("\n## Targets\n\n");
    md.append(
        f(
            "Energy at least %.0f %% below the best constant (chosen on the tuning years) with the 95 %%"
                + " interval below zero; 0 minutes above 27 °C wherever that constant has 0; no"
                + " change of the inlet above 20 °C within 60 minutes.%n%n",
            TARGET_SAVING_PCT));
    md.append(
        "| cell | recommender vs best constant | rough ceiling | energy target | minutes > 27 °C (recommender / constant) | largest 60-min change, °C | envelope target |\n|---|---:|---:|---|---:|---:|---|\n");
    for (CellResult c : cells) {
      Stat d = c.recommender().relativeTo(c.bestConstant());
      md.append(
          f(
              "| %s | %+.1f %% [%+.1f, %+.1f] | %s | %s | %.1f / %.1f | %.2f | %s |%n",
              c.cell().name(),
              d.mean(),
              d.low(),
              d.high(),
              Double.isNaN(ceilingPct(c)) ? "n/a" : f("−%.1f %%", ceilingPct(c)),
              energyTargetMet(c)
                  ? "met"
                  : f("**not met** (%.1f points short)", d.mean() + TARGET_SAVING_PCT),
              c.recommender().minutesAbove(),
              c.bestConstant().minutesAbove(),
              c.recommender().maxSwingC(),
              envelopeTargetMet(c) ? "met" : "**not met**"));
    }
    md.append(
        "\n**Rough ceiling**: what a controller would save that kept the true hottest inlet at"
            + " exactly 27 °C every minute (impossible: the inlet is noisy and lags the setpoint)."
            + " The best constant's room is on average (27 − its mean hottest inlet) below the limit;"
            + " raising the setpoint by that much is priced at the energy per kelvin between the best"
            + " constant and the next constant up on the tuning years. Energy falls less and less"
            + " per kelvin as the setpoint rises, so this overstates what any controller can save"
            + " here: where it is under the target, the target cannot be met in this plant without"
            + " breaching the envelope.\n");
    for (CellResult c : cells) {
      md.append("\n## ").append(c.cell().name()).append("\n\n");
      md.append(
          "| strategy | energy kWh [95 % interval] | cooling kWh | server fans kWh | IT kWh | vs best constant | minutes > 27 °C | minutes dew point > 15 °C | max inlet °C | largest 60-min change °C | changes per day | mean setpoint °C |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Strategy s : strategies(c)) {
        Stat e = s.energy();
        Stat d = s.relativeTo(c.bestConstant());
        md.append(
            f(
                "| %s | %,.0f [%,.0f, %,.0f] | %,.0f | %,.0f | %,.0f | %+.1f %% | %.1f | %.0f | %.2f | %.2f | %.1f | %.2f |%n",
                s.name(),
                e.mean(),
                e.low(),
                e.high(),
                s.cooling().mean(),
                s.serverFans().mean(),
                s.it().mean(),
                d.mean(),
                s.minutesAbove(),
                s.minutesDewPointAbove(),
                s.maxInletC(),
                s.maxSwingC(),
                s.changesPerDay(),
                s.meanSetpointC()));
      }
      md.append(
          "\nConstants on the tuning years (mean energy; minutes above 27 °C summed over them):\n\n");
      md.append(
          "| constant °C | energy kWh | minutes > 27 °C | max inlet °C |\n|---:|---:|---:|---:|\n");
      for (Tried t : c.tuning()) {
        md.append(
            f(
                "| %.1f | %,.0f | %.0f | %.2f |%n",
                t.constantC(), t.meanKwh(), t.minutesAbove(), t.maxInletC()));
      }
      List<String> parts = new ArrayList<>();
      for (Reason r : Reason.values()) {
        parts.add("`" + r.code() + "` " + c.reasons().getOrDefault(r, 0));
      }
      md.append("\nRecommender decisions by reason: ")
          .append(String.join(", ", parts))
          .append(".\n");
      md.append(
          f(
              "%nThe learnt bound's coverage: %s of %,d checked predictions had the measured peak"
                  + " inlet within their horizon (the model's longest look-ahead) at or"
                  + " below prediction + the margin kept (the fixed %.2f °C before the bound has"
                  + " three hours of residuals).%n",
              Double.isNaN(c.boundCoverage()) ? "n/a" : f("%.2f %%", 100 * c.boundCoverage()),
              c.boundChecked(),
              policy.settings().marginC()));
      if (!c.stress().isEmpty()) {
        md.append(
            f(
                "%n### Stress scenarios (%s)%n%nEach from 15 July for %d days, the event on the third"
                    + " day at 14:00 local, over seeds %s; the best constant is this cell's.%n%n",
                c.cell().name(), Evaluation.STRESS_DAYS, seedRange(settings.stressSeeds())));
        md.append(
            f(
                "Charts: `docs/evaluation/stress-<scenario>.png`, seed %d, the true hottest inlet"
                    + " and the setpoint from 2 h before the event to 6 h after its start.%n%n",
                settings.stressSeeds().get(0)));
        md.append(
            "| scenario | strategy | energy kWh | minutes > 27 °C | max inlet °C | largest 60-min change °C | target |\n|---|---|---:|---:|---:|---:|---|\n");
        for (int i = 0; i + 1 < c.stress().size(); i += 2) {
          Stress constant = c.stress().get(i);
          Stress rec = c.stress().get(i + 1);
          for (Stress s : List.of(constant, rec)) {
            md.append(
                f(
                    "| %s | %s | %,.0f | %.1f | %.2f | %.2f | %s |%n",
                    s.scenario().code(),
                    s.strategy(),
                    s.runs().energy().mean(),
                    s.runs().minutesAbove(),
                    s.runs().maxInletC(),
                    s.runs().maxSwingC(),
                    s == constant ? "" : stressTargetMet(constant, rec) ? "met" : "**not met**"));
          }
        }
      }
    }
    md.append("\n## Model and policy\n\n| | |\n|---|---|\n");
    for (String key :
        List.of(
            "model_version",
            "algorithm",
            "data_source",
            "sample_interval_s",
            "horizon_s",
            "train_examples",
            "holdout_examples",
            "holdout_mae",
            "holdout_rmse",
            "persistence_mae",
            "persistence_rmse",
            "indoor_temperature_range",
            "outdoor_temperature_range")) {
      md.append("| ")
          .append(key)
          .append(" | ")
          .append(modelMetadata.getOrDefault(key, ""))
          .append(" |\n");
    }
    var s = policy.settings();
    md.append(
        f(
            "%nPolicy: candidates %.1f–%.1f °C in %.1f °C steps, predicted inlet ≤ %.1f − %.1f °C, rise ≤"
                + " %.1f °C per decision, a changed setpoint kept %d min unless keeping it is predicted"
                + " unsafe, fallback toward %.1f °C at ≤ %.1f °C per decision.%n%n",
            s.minC(),
            s.maxC(),
            s.stepC(),
            s.limitC(),
            s.marginC(),
            s.maxRaiseC(),
            s.minDwell().toMinutes(),
            s.fallbackC(),
            s.fallbackStepC()));
    if (rule != null) {
      md.append("The model's effective rule: ").append(rule.inWords()).append("\n\n");
    }
    md.append("## Charts\n\n");
    md.append("![Energy per cell](evaluation/energy.png)\n\n");
    md.append("![A week in January](evaluation/week-january.png)\n\n");
    md.append("![A week in August](evaluation/week-august.png)\n\n");
    md.append("## Limits\n\n");
    md.append(
        "The rooms, their units and the weather are the simulator's (model/README.md, with the"
            + " source of every constant), and the model was trained on the same simulator, so these"
            + " figures say how the recommender behaves against that physics, not what a real room"
            + " will save. Climates marked as estimates in model/README.md have the right character"
            + " but are not checked against their sources.\n");
    return md.toString();
  }

  String json() {
    StringBuilder j = new StringBuilder();
    j.append("{\n  \"command\": ").append(quoted(command)).append(",\n");
    j.append(f("  \"days\": %d,%n", settings.days()));
    j.append("  \"tune_seeds\": ").append(settings.tuneSeeds()).append(",\n");
    j.append("  \"eval_seeds\": ").append(settings.evalSeeds()).append(",\n");
    j.append("  \"model_version\": ")
        .append(quoted(modelMetadata.getOrDefault("model_version", "")))
        .append(",\n");
    j.append("  \"cells\": [\n");
    for (int i = 0; i < cells.size(); i++) {
      CellResult c = cells.get(i);
      Stat d = c.recommender().relativeTo(c.bestConstant());
      j.append("    {\n");
      j.append("      \"climate\": ").append(quoted(c.cell().site().name())).append(",\n");
      j.append("      \"room\": ").append(quoted(c.cell().roomName())).append(",\n");
      j.append(f("      \"climate_in_training\": %b,%n", c.cell().climateSeen()));
      j.append(f("      \"room_in_training\": %b,%n", c.cell().roomSeen()));
      j.append(f("      \"rough_ceiling_pct\": %s,%n", num(ceilingPct(c))));
      j.append(
          f(
              "      \"bound_coverage\": {\"checked\": %d, \"covered\": %d, \"share\": %s},%n",
              c.boundChecked(), c.boundCovered(), num(c.boundCoverage())));
      j.append(
          f(
              "      \"recommender_vs_best_constant_pct\": {\"mean\": %s, \"low\": %s, \"high\": %s},%n",
              num(d.mean()), num(d.low()), num(d.high())));
      j.append(f("      \"energy_target_met\": %b,%n", energyTargetMet(c)));
      j.append(f("      \"envelope_target_met\": %b,%n", envelopeTargetMet(c)));
      j.append("      \"strategies\": [\n");
      List<Strategy> all = strategies(c);
      for (int k = 0; k < all.size(); k++) {
        Strategy s = all.get(k);
        Stat e = s.energy();
        j.append(
            f(
                "        {\"name\": %s, \"energy_kwh\": {\"mean\": %s, \"low\": %s, \"high\": %s},"
                    + " \"cooling_kwh\": %s, \"server_fan_kwh\": %s, \"it_kwh\": %s,"
                    + " \"minutes_above_27\": %s, \"max_inlet_c\": %s, \"max_change_60min_c\": %s,"
                    + " \"rate_violations\": %d, \"changes_per_day\": %s, \"mean_setpoint_c\": %s}%s%n",
                quoted(s.name()),
                num(e.mean()),
                num(e.low()),
                num(e.high()),
                num(s.cooling().mean()),
                num(s.serverFans().mean()),
                num(s.it().mean()),
                num(s.minutesAbove()),
                num(s.maxInletC()),
                num(s.maxSwingC()),
                s.rateViolations(),
                num(s.changesPerDay()),
                num(s.meanSetpointC()),
                k + 1 < all.size() ? "," : ""));
      }
      j.append("      ],\n      \"stress\": [\n");
      for (int k = 0; k < c.stress().size(); k++) {
        Stress s = c.stress().get(k);
        j.append(
            f(
                "        {\"scenario\": %s, \"strategy\": %s, \"energy_kwh\": %s,"
                    + " \"minutes_above_27\": %s, \"max_inlet_c\": %s, \"max_change_60min_c\": %s}%s%n",
                quoted(s.scenario().code()),
                quoted(s.strategy()),
                num(s.runs().energy().mean()),
                num(s.runs().minutesAbove()),
                num(s.runs().maxInletC()),
                num(s.runs().maxSwingC()),
                k + 1 < c.stress().size() ? "," : ""));
      }
      j.append("      ]\n    }").append(i + 1 < cells.size() ? "," : "").append("\n");
    }
    j.append("  ]\n}\n");
    return j.toString();
  }

  private void writeCharts(Path charts) throws IOException {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (CellResult c : cells) {
      for (Strategy s : List.of(c.bestConstant(), c.recommender())) {
        names.add(
            c.cell().name() + ": " + (s == c.recommender() ? "recommender" : "best constant"));
        values.add(s.energy().mean());
        labels.add(
            s == c.recommender() ? f("%+.1f %%", s.relativeTo(c.bestConstant()).mean()) : "");
      }
    }
    Charts.bars(
        charts.resolve("energy.png"),
        "Energy a setpoint can change (cooling + server fans), mean over the evaluation years",
        "kWh",
        names,
        values.stream().mapToDouble(Double::doubleValue).toArray(),
        labels.toArray(String[]::new));
    CellResult first = cells.get(0);
    Run rec = first.recommender().runs().get(0);
    Run constant = first.bestConstant().runs().get(0);
    String[] weekNames = {"week-january.png", "week-august.png"};
    for (int t = 0; t < ClosedLoop.TRACE_START_DAYS.length; t++) {
      if (ClosedLoop.TRACE_START_DAYS[t] + ClosedLoop.TRACE_DAYS > settings.days()) {
        continue;
      }
      String[] ticks = new String[ClosedLoop.TRACE_DAYS + 1];
      for (int d = 0; d <= ClosedLoop.TRACE_DAYS; d++) {
        ticks[d] = Integer.toString(ClosedLoop.TRACE_START_DAYS[t] + d + 1);
      }
      Charts.lines(
          charts.resolve(weekNames[t]),
          first.cell().name()
              + ", seed "
              + settings.evalSeeds().get(0)
              + ": hottest inlet and setpoint",
          "day of year",
          rec.traceInlet()[t].length - 1,
          ticks,
          "°C",
          List.of(
              new Charts.Series("recommender inlet", rec.traceInlet()[t], Charts.PALETTE[0], false),
              new Charts.Series(
                  "recommender setpoint", rec.traceSetpoint()[t], Charts.PALETTE[0], true),
              new Charts.Series(
                  "best constant inlet", constant.traceInlet()[t], Charts.PALETTE[1], false),
              new Charts.Series("outdoor", rec.traceOutdoor()[t], Charts.PALETTE[3], false)),
          List.of(new Charts.Rule("27 °C limit", 27, Color.RED)));
    }
    writeStressCharts(charts, first);
  }

  /** One chart per stress scenario: the first stress seed, best constant against recommender. */
  private void writeStressCharts(Path charts, CellResult cell) throws IOException {
    int hours = (int) ClosedLoop.EVENT_BEFORE.plus(ClosedLoop.EVENT_AFTER).toHours();
    int before = (int) ClosedLoop.EVENT_BEFORE.toHours();
    String[] ticks = new String[hours + 1];
    for (int h = 0; h <= hours; h++) {
      ticks[h] = h == before ? "event" : f("%+d h", h - before);
    }
    for (int i = 0; i + 1 < cell.stress().size(); i += 2) {
      Run constant = cell.stress().get(i).runs().runs().get(0);
      Run rec = cell.stress().get(i + 1).runs().runs().get(0);
      if (rec.eventInlet().length == 0) {
        continue;
      }
      Scenario scenario = cell.stress().get(i).scenario();
      Charts.lines(
          charts.resolve("stress-" + scenario.code() + ".png"),
          cell.cell().name()
              + ", "
              + scenario.code()
              + " (seed "
              + settings.stressSeeds().get(0)
              + "): true hottest inlet and setpoint",
          "time from the event",
          rec.eventInlet().length - 1,
          ticks,
          "°C",
          List.of(
              new Charts.Series("recommender inlet", rec.eventInlet(), Charts.PALETTE[0], false),
              new Charts.Series(
                  "recommender setpoint", rec.eventSetpoint(), Charts.PALETTE[0], true),
              new Charts.Series(
                  "best constant inlet", constant.eventInlet(), Charts.PALETTE[1], false),
              new Charts.Series(
                  "best constant setpoint", constant.eventSetpoint(), Charts.PALETTE[1], true)),
          List.of(new Charts.Rule("27 °C limit", 27, Color.RED)));
    }
  }

  private static String seedRange(List<Long> seeds) {
    if (seeds.isEmpty()) {
      return "none";
    }
    long first = seeds.get(0);
    boolean consecutive = true;
    for (int i = 0; i < seeds.size(); i++) {
      consecutive &= seeds.get(i) == first + i;
    }
    return consecutive && seeds.size() > 2
        ? first + "–" + seeds.get(seeds.size() - 1)
        : seeds.toString().replace("[", "").replace("]", "");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static String num(double v) {
    return Double.isFinite(v) ? f("%.4f", v) : "null";
  }
}
