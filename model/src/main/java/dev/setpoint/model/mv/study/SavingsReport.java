package dev.setpoint.model.mv.study;

import static dev.setpoint.model.eval.JsonText.quoted;

import dev.setpoint.model.eval.EvaluationReport;
import dev.setpoint.model.mv.Guideline14;
import dev.setpoint.model.mv.Guideline14.Granularity;
import dev.setpoint.model.mv.Observation.Meter;
import dev.setpoint.model.mv.PilotEstimate;
import dev.setpoint.model.mv.StudentT;
import dev.setpoint.model.mv.study.SavingsStudy.Estimate;
import dev.setpoint.model.mv.study.SavingsStudy.SeedResult;
import dev.setpoint.model.mv.study.SavingsStudy.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** docs/savings.md and docs/savings.json from the study's cells. */
public final class SavingsReport {
  /** The target: the estimate within ± this many percentage points of the true saving. */
  public static final double TARGET_PP = 3.0;

  /** One cell's study: its settings, its seeds' results and the determinism check. */
  public record Cell(Settings settings, List<SeedResult> results, Boolean deterministic) {
    public String name() {
      return settings.site().name() + " × " + settings.roomName();
    }
  }

  /** One method on one meter, summarised over the seeds. */
  public record Summary(
      String method,
      Meter meter,
      int seeds,
      double meanTruePct,
      double meanEstimatedPct,
      double meanErrorPp,
      double sdErrorPp,
      double lowMeanPp,
      double highMeanPp,
      double minErrorPp,
      double maxErrorPp,
      int withinTarget,
      double meanCvRmse,
      double maxCvRmse,
      double maxAbsNmbe,
      int hourlyAccepted,
      int monthlyAccepted,
      String monthlyReason,
      double meanMonthlyCvRmse,
      double maxMonthlyCvRmse,
      double maxMonthlyAbsNmbe,
      double meanOutsidePct,
      double maxOutsidePct,
      double meanHalfWidth68Pp,
      double meanHalfWidth90Pp,
      int covered68,
      int covered90) {

    public boolean targetMet() {
      return withinTarget == seeds && hourlyAccepted == seeds;
    }
  }

  private final List<Cell> cells;
  private final String command;

  public SavingsReport(List<Cell> cells, String command) {
    this.cells = List.copyOf(cells);
    this.command = command;
  }

  /**
   * The summaries of a cell, in the order baseline, short baseline, pilot × cooling, cooling + IT.
   */
  public static List<Summary> summaries(List<SeedResult> results) {
    List<Summary> out = new ArrayList<>();
    for (Meter meter : Meter.values()) {
      for (String method :
          List.of(SavingsStudy.BASELINE, SavingsStudy.SHORT_BASELINE, SavingsStudy.PILOT)) {
        List<Estimate> es = new ArrayList<>();
        for (SeedResult r : results) {
          for (Estimate e : r.estimates()) {
            if (e.method().equals(method) && e.meter() == meter) {
              es.add(e);
            }
          }
        }
        if (!es.isEmpty()) {
          out.add(summary(method, meter, es));
        }
      }
    }
    return out;
  }

  private static Summary summary(String method, Meter meter, List<Estimate> es) {
    int n = es.size();
    double[] err = es.stream().mapToDouble(Estimate::errorPp).toArray();
    double mean = Arrays.stream(err).average().orElse(Double.NaN);
    double ss = 0;
    for (double e : err) {
      ss += (e - mean) * (e - mean);
    }
    double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
    double half = n > 1 ? StudentT.critical(0.95, n - 1) * sd / Math.sqrt(n) : Double.NaN;
    // The first refusal if any seed's monthly fit was refused, else the first seed's verdict.
    Guideline14.Verdict monthlyFirst =
        es.stream()
            .map(e -> e.monthly().verdict(Granularity.MONTHLY))
            .filter(v -> !v.accepted())
            .findFirst()
            .orElse(es.get(0).monthly().verdict(Granularity.MONTHLY));
    return new Summary(
        method,
        meter,
        n,
        es.stream().mapToDouble(Estimate::truePct).average().orElse(Double.NaN),
        es.stream().mapToDouble(Estimate::estimatedPct).average().orElse(Double.NaN),
        mean,
        sd,
        mean - half,
        mean + half,
        Arrays.stream(err).min().orElse(Double.NaN),
        Arrays.stream(err).max().orElse(Double.NaN),
        (int) Arrays.stream(err).filter(e -> Math.abs(e) <= TARGET_PP).count(),
        es.stream().mapToDouble(e -> e.fit().cvRmse()).average().orElse(Double.NaN),
        es.stream().mapToDouble(e -> e.fit().cvRmse()).max().orElse(Double.NaN),
        es.stream().mapToDouble(e -> Math.abs(e.fit().nmbe())).max().orElse(Double.NaN),
        (int) es.stream().filter(e -> e.fit().verdict(Granularity.HOURLY).accepted()).count(),
        (int) es.stream().filter(e -> e.monthly().verdict(Granularity.MONTHLY).accepted()).count(),
        monthlyFirst.reason(),
        es.stream().mapToDouble(e -> e.monthly().cvRmse()).average().orElse(Double.NaN),
        es.stream().mapToDouble(e -> e.monthly().cvRmse()).max().orElse(Double.NaN),
        es.stream().mapToDouble(e -> Math.abs(e.monthly().nmbe())).max().orElse(Double.NaN),
        es.stream().mapToDouble(Estimate::outsidePct).average().orElse(Double.NaN),
        es.stream().mapToDouble(Estimate::outsidePct).max().orElse(Double.NaN),
        es.stream()
            .mapToDouble(
                e -> 100 * e.savings().halfWidthKwh(false) / e.savings().adjustedBaselineKwh())
            .average()
            .orElse(Double.NaN),
        es.stream()
            .mapToDouble(
                e -> 100 * e.savings().halfWidthKwh(true) / e.savings().adjustedBaselineKwh())
            .average()
            .orElse(Double.NaN),
        (int) es.stream().filter(e -> e.covers(false)).count(),
        (int) es.stream().filter(e -> e.covers(true)).count());
  }

  /**
   * Writes savings.md and savings.json into {@code docs}, and the summary (each cell's target and
   * errors tables) into evaluation.md between {@link EvaluationReport#SAVINGS_BEGIN} and {@link
   * EvaluationReport#SAVINGS_END}, beside the closed-loop results, replacing the summary written
   * before (the evaluation keeps it when it rewrites the page).
   */
  public void write(Path docs) throws IOException {
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("savings.md"), markdown(), StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("savings.json"), json(), StandardCharsets.UTF_8);
    Path evaluation = docs.resolve("evaluation.md");
    if (Files.exists(evaluation)) {
      Files.writeString(
          evaluation,
          EvaluationReport.withSavings(
              Files.readString(evaluation, StandardCharsets.UTF_8), summary()),
          StandardCharsets.UTF_8);
    }
  }

  /** The summary for evaluation.md, between the markers. */
  String summary() {
    StringBuilder md = new StringBuilder(EvaluationReport.SAVINGS_BEGIN).append("\n");
    md.append("## Measured savings\n\n");
    md.append(
            "Would an operator's measurement find the saving? The savings study (docs/savings.md,"
                + " generated by `")
        .append(command)
        .append(
            "`) measures each seed's saving as the product does, with a Guideline 14 baseline"
                + " fitted on the year before the season and with a pilot, and compares it with the"
                + " true saving of a twin room; the target is ±3 pp on every seed. Its tables:\n\n");
    for (Cell cell : cells) {
      List<Summary> sums = summaries(cell.results());
      md.append("### ").append(cell.name()).append("\n\n");
      md.append(targetTable(sums, cell.settings())).append("\n");
      md.append(errorsTable(sums, cell.settings())).append("\n");
    }
    return md.append(EvaluationReport.SAVINGS_END).append("\n").toString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static String methodLabel(String method, Settings s) {
    return switch (method) {
      case SavingsStudy.BASELINE -> f("baseline method (%d-week baseline)", s.baselineWeeks());
      case SavingsStudy.SHORT_BASELINE ->
          f("comparison: baseline method on its last %d weeks only", s.shortBaselineWeeks());
      default -> "pilot mode";
    };
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    Settings s0 = cells.get(0).settings();
    md.append("# Measured savings: how close do they come to the true saving?\n\n");
    md.append("Generated by `").append(command).append("`; do not edit by hand.\n\n");
    md.append(
        f(
            "In the simulator the true saving is known: a **twin room** runs the same seed (weather,"
                + " load, noise) under the room's fixed setpoint while the **controlled room** runs"
                + " the recommender. Per seed and cell, three closed-loop runs from the same start"
                + " (so the simulator's random draws line up): each a **baseline period** of %d"
                + " weeks under a fixed **%.1f °C** (the setpoint the room had: a conservative"
                + " operator's, not the best constant, which only the simulator's hindsight"
                + " finds; model/README.md, Measured savings) and then a **reporting season** of %d"
                + " weeks from %s: the controlled room (the recommender), the twin (still %.1f °C),"
                + " and the **pilot** (the recommender and %.1f °C alternating on a randomised"
                + " schedule). True saving = (twin − controlled) / twin over the season, per meter."
                + " The room meters by the hour: cooling energy; cooling + IT; the mean outdoor"
                + " temperature and dew point; the compute load (IT less the server fans' extra"
                + " power, which the setpoint drives).%n%n",
            s0.baselineWeeks(),
            s0.baselineC(),
            s0.reportingWeeks(),
            s0.reportingStart().format(DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH)),
            s0.baselineC(),
            s0.baselineC()));
    md.append(
        "The baseline period should span the conditions the season will bring: IPMVP and ASHRAE"
            + " Guideline 14 ask a baseline to cover the full range of its independent variables,"
            + " normally a full 12-month cycle, so that the model interpolates rather than"
            + " extrapolates. It ends where the season starts, the room under its own fixed"
            + " setpoint, and no hour of the season enters any fit. The simulator's weather repeats"
            + " its monthly normals every 365 days, its random draws running on, so the baseline"
            + " year's summer is another summer than the season's.\n\n");
    md.append(
        f(
            "- **Baseline method** (IPMVP Option B/C): a change-point regression fitted on the"
                + " whole baseline period predicts the controlled room's season; savings ="
                + " prediction − metered. **Comparison**: the same method fitted on the baseline"
                + " period's last %d weeks only, the weeks just before the season, whose weather"
                + " need not be the season's.%n",
            s0.shortBaselineWeeks()));
    md.append(
        f(
            "- **Pilot mode**: the season cut into blocks of two %d-day periods, one per arm, the"
                + " order within a block drawn by a seeded coin; the fixed arm's hours fit the same"
                + " kind of baseline, which predicts the controller's hours; the first %d hours"
                + " after each switch-over are left out of both (carry-over). A model-free check"
                + " (the paired difference within blocks) is in the per-seed table.%n",
            s0.pilotPeriodDays(), s0.carryOverHours()));
    md.append(
        "- **Error** = estimated − true saving, in percentage points of the meter's baseline energy."
            + " **Target** (issue 17): within ±3 pp on every seed, for both methods, with the"
            + " baseline meeting ASHRAE Guideline 14's hourly criteria (CV(RMSE) ≤ 30 %, |NMBE| ≤"
            + " 10 %). The 68 % and 90 % intervals are Guideline 14's fractional savings uncertainty"
            + " (Reddy–Claridge, with n′ for the residuals' autocorrelation); **coverage** is how"
            + " often the true saving fell inside them.\n\n");

    for (Cell cell : cells) {
      Settings s = cell.settings();
      List<Summary> sums = summaries(cell.results());
      md.append("## ").append(cell.name()).append("\n\n");
      md.append(
          f(
              "%d seeds (%s); runs from %s (day %d of the year), the baseline period to %s;"
                  + " season from %s, %d weeks; pilot periods of %d days, carry-over %d h.%n%n",
              s.seeds().size(),
              seedsLabel(s.seeds()),
              s.runStart(),
              s.startDay(),
              s.reportingStart().minusDays(1),
              s.reportingStart(),
              s.reportingWeeks(),
              s.pilotPeriodDays(),
              s.carryOverHours()));
      md.append("### Target\n\n").append(targetTable(sums, s));
      md.append(
          "\n**G14 monthly**: the baseline's calendar-month sums (months with at least 80 % of"
              + " their hours) against Guideline 14's monthly limits, with the hourly model's p;"
              + " the pilot's fixed arm fills no month. **Outside the baseline's weather**: the"
              + " share of the season's hours whose outdoor temperature or dew point lies outside"
              + " the range (minimum to maximum) of the hours the baseline was fitted on, where the"
              + " model extrapolates; the pilot's baseline is interleaved with the hours it"
              + " predicts.\n");
      md.append("\n### Errors over the seeds\n\n").append(errorsTable(sums, s));
      md.append(
          "\nCooling + IT rows are in points of cooling + IT energy (about eight times the cooling"
              + " alone), so their points are smaller for the same kWh; that meter's saving is"
              + " the cooling saved less the server fans' extra power in the warmer room.\n\n");
      md.append(monthlyText(sums, s));
      md.append(targetText(sums, s));
      md.append("\n### Per seed (cooling)\n\n");
      md.append(
          f(
              "| seed | twin kWh | controlled kWh | true %% | baseline est %% (error) | last %d"
                  + " weeks only: est %% (error) | pilot est %% (error) | paired check %% |"
                  + " baseline model | G14 hourly |%n",
              s.shortBaselineWeeks()));
      md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
      for (SeedResult r : cell.results()) {
        Estimate b = find(r, SavingsStudy.BASELINE, Meter.COOLING);
        Estimate sb = find(r, SavingsStudy.SHORT_BASELINE, Meter.COOLING);
        Estimate p = find(r, SavingsStudy.PILOT, Meter.COOLING);
        md.append(
            f(
                "| %d | %,.0f | %,.0f | %.2f | %.2f (%+.2f) | %.2f (%+.2f) | %.2f (%+.2f) | %.2f |"
                    + " %s | %s |%n",
                r.seed(),
                r.twinCoolingKwh(),
                r.controlledCoolingKwh(),
                r.trueCoolingPct(),
                b.estimatedPct(),
                b.errorPp(),
                sb.estimatedPct(),
                sb.errorPp(),
                p.estimatedPct(),
                p.errorPp(),
                r.pairedPct(),
                b.model(),
                b.fit().verdict(Granularity.HOURLY).reason()));
      }
      SeedResult r0 = cell.results().get(0);
      md.append(
          f(
              "%n### The pilot's schedule and comparison (seed %d)%n%nSchedule, one letter a day"
                  + " (F fixed %.1f °C, C controller): `%s`. Switch-overs on days %s. Hours in the"
                  + " estimate per day: 24, less the carry-over.%n%n",
              r0.seed(), s.baselineC(), r0.pilotCode(), r0.switchOvers()));
      md.append(
          "| day | arm | switch-over | hours kept | metered kWh | fixed-arm baseline kWh |"
              + " outdoor mean °C |\n|---:|---|---|---:|---:|---:|---:|\n");
      for (PilotEstimate.Day d : r0.pilotDays()) {
        md.append(
            f(
                "| %d | %s | %s | %d | %.1f | %.1f | %.1f |%n",
                d.day(),
                d.arm() == dev.setpoint.model.mv.PilotSchedule.Arm.FIXED ? "fixed" : "controller",
                d.switchOver() ? "yes" : "",
                d.keptHours(),
                d.meteredKwh(),
                d.baselineKwh(),
                d.meanOutdoorC()));
      }
      md.append(
          f(
              "%nDeterminism: the first seed run again %s.%n%n",
              cell.deterministic() == null
                  ? "was not checked"
                  : cell.deterministic()
                      ? "gave identical numbers"
                      : "**gave different numbers**"));
    }
    md.append(
        "## Reading these numbers\n\n"
            + "The simulator is the only ground truth here: the weather, the load and the room follow"
            + " model/README.md's equations, and the baseline's terms were chosen knowing what"
            + " drives them (an economiser below a change point, latent load above a dew point, heat"
            + " in proportion to the compute load). A real room has drivers no meter records"
            + " (doors, a new rack, a fouled coil); its errors will be larger. The uncertainty"
            + " intervals cover only the model's random error as the formula sees it, not a"
            + " baseline period unlike the season (extrapolation: the comparison rows), which is"
            + " why the coverage is shown beside them. A year of baseline under the old setpoint"
            + " is what the baseline method costs a real site before it can report; the pilot"
            + " needs none, at the price of running the old setpoint on half the season's"
            + " days.\n");
    return md.toString();
  }

  /** The target table of a cell: per meter and method, seeds within ±3 pp and the verdicts. */
  private static String targetTable(List<Summary> sums, Settings s) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| meter | method | within ±3 pp | G14 hourly met | G14 monthly met |"
            + " season hours outside the baseline's weather, mean (max) | target |\n");
    md.append("|---|---|---:|---:|---:|---:|---|\n");
    for (Summary x : sums) {
      boolean pilot = x.method().equals(SavingsStudy.PILOT);
      boolean comparison = x.method().equals(SavingsStudy.SHORT_BASELINE);
      md.append(
          f(
              "| %s | %s | %d / %d | %d / %d | %s | %s | %s |%n",
              x.meter().label(),
              methodLabel(x.method(), s),
              x.withinTarget(),
              x.seeds(),
              x.hourlyAccepted(),
              x.seeds(),
              pilot ? "—" : f("%d / %d", x.monthlyAccepted(), x.seeds()),
              pilot
                  ? "— (concurrent)"
                  : f("%.1f %% (%.1f %%)", x.meanOutsidePct(), x.maxOutsidePct()),
              (x.targetMet() ? "met" : "**not met**") + (comparison ? " (comparison only)" : "")));
    }
    return md.toString();
  }

  /** The errors over the seeds of a cell, per meter and method. */
  private static String errorsTable(List<Summary> sums, Settings s) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| meter | method | true saving % (mean) | estimate % (mean) | mean error pp [95 %"
            + " interval] | SD pp | min / max pp | within ±3 pp | CV(RMSE) hourly mean / max"
            + " | max abs NMBE | 68 % half-width pp / coverage | 90 % half-width pp / coverage |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Summary x : sums) {
      md.append(
          f(
              "| %s | %s | %.2f | %.2f | %+.2f [%+.2f, %+.2f] | %.2f | %+.2f / %+.2f | %d / %d |"
                  + " %.1f %% / %.1f %% | %.3f %% | ±%.2f / %d of %d | ±%.2f / %d of %d |%n",
              x.meter().label(),
              methodLabel(x.method(), s),
              x.meanTruePct(),
              x.meanEstimatedPct(),
              x.meanErrorPp(),
              x.lowMeanPp(),
              x.highMeanPp(),
              x.sdErrorPp(),
              x.minErrorPp(),
              x.maxErrorPp(),
              x.withinTarget(),
              x.seeds(),
              100 * x.meanCvRmse(),
              100 * x.maxCvRmse(),
              100 * x.maxAbsNmbe(),
              x.meanHalfWidth68Pp(),
              x.covered68(),
              x.seeds(),
              x.meanHalfWidth90Pp(),
              x.covered90(),
              x.seeds()));
    }
    return md.toString();
  }

  private static String monthlyText(List<Summary> sums, Settings s) {
    StringBuilder t =
        new StringBuilder(
            "Guideline 14 monthly (calendar-month sums of the baseline period; |NMBE| is 0 by"
                + " construction when every hour fitted falls in a month kept, a least-squares fit"
                + " with an intercept having no bias on its own data):\n\n");
    for (Summary x : sums) {
      if (x.method().equals(SavingsStudy.PILOT)) {
        continue;
      }
      t.append(f("- %s, %s: ", x.meter().label(), methodLabel(x.method(), s)));
      if (x.monthlyAccepted() == 0 && !Double.isFinite(x.meanMonthlyCvRmse())) {
        t.append(f("not evaluable on any seed (%s).%n", x.monthlyReason()));
      } else {
        t.append(
            f(
                "%d of %d seeds accepted; CV(RMSE) monthly mean %.1f %%, max %.1f %% (limit"
                    + " 15 %%); max |NMBE| %.3f %% (limit 5 %%)%s.%n",
                x.monthlyAccepted(),
                x.seeds(),
                100 * x.meanMonthlyCvRmse(),
                100 * x.maxMonthlyCvRmse(),
                100 * x.maxMonthlyAbsNmbe(),
                x.monthlyAccepted() == x.seeds() ? "" : "; a refusal: " + x.monthlyReason()));
      }
    }
    return t.append("\n").toString();
  }

  private static String targetText(List<Summary> sums, Settings s) {
    StringBuilder t = new StringBuilder();
    Summary full = null;
    for (Summary x : sums) {
      if (x.meter() != Meter.COOLING) {
        continue;
      }
      if (x.method().equals(SavingsStudy.BASELINE)) {
        full = x;
      }
      if (x.method().equals(SavingsStudy.SHORT_BASELINE)) {
        t.append(
            f(
                "**Comparison, cooling, the baseline period's last %d weeks only**: %d of %d seeds"
                    + " within ±3 pp (errors %+.2f to %+.2f pp); on average %.1f %% of the"
                    + " season's hours lie outside the weather it was fitted on (at most %.1f %%)",
                s.shortBaselineWeeks(),
                x.withinTarget(),
                x.seeds(),
                x.minErrorPp(),
                x.maxErrorPp(),
                x.meanOutsidePct(),
                x.maxOutsidePct()));
        if (full != null) {
          t.append(
              f(
                  ", against %.1f %% for the %d-week baseline period. Its 68 %% interval held the"
                      + " truth on %d of %d seeds (the %d-week baseline's on %d)",
                  full.meanOutsidePct(),
                  s.baselineWeeks(),
                  x.covered68(),
                  x.seeds(),
                  s.baselineWeeks(),
                  full.covered68()));
          if (x.meanOutsidePct() > full.meanOutsidePct()) {
            t.append(
                ". A short baseline sees only the weeks before the season; where their weather is"
                    + " not the season's, the fitted model extrapolates in outdoor temperature and"
                    + " dew point, and Guideline 14's intervals, which describe the model's random"
                    + " error only, do not say so");
          }
        }
        t.append(".\n\n");
        continue;
      }
      if (x.targetMet()) {
        t.append(
            f(
                "**%s, cooling: target met** — every seed within ±3 pp (largest error %.2f pp) and"
                    + " every baseline within Guideline 14's hourly criteria.%n%n",
                x.method(), Math.max(Math.abs(x.minErrorPp()), Math.abs(x.maxErrorPp()))));
      } else {
        t.append(
            f(
                "**%s, cooling: target not met** — %d of %d seeds within ±3 pp (errors %+.2f to"
                    + " %+.2f pp), %d of %d baselines within Guideline 14's hourly criteria.%n%n",
                x.method(),
                x.withinTarget(),
                x.seeds(),
                x.minErrorPp(),
                x.maxErrorPp(),
                x.hourlyAccepted(),
                x.seeds()));
      }
    }
    return t.toString();
  }

  private static Estimate find(SeedResult r, String method, Meter meter) {
    return r.estimates().stream()
        .filter(e -> e.method().equals(method) && e.meter() == meter)
        .findFirst()
        .orElseThrow();
  }

  private static String seedsLabel(List<Long> seeds) {
    long first = seeds.get(0);
    long last = seeds.get(seeds.size() - 1);
    return last - first + 1 == seeds.size() ? first + "–" + last : seeds.toString();
  }

  String json() {
    StringBuilder j = new StringBuilder();
    j.append("{\n  \"command\": ").append(quoted(command)).append(",\n  \"cells\": [\n");
    for (int c = 0; c < cells.size(); c++) {
      Cell cell = cells.get(c);
      Settings s = cell.settings();
      j.append("    {\n");
      j.append("      \"cell\": ").append(quoted(cell.name())).append(",\n");
      j.append(
          f(
              "      \"baseline_setpoint_c\": %s, \"baseline_weeks\": %d, \"short_baseline_weeks\":"
                  + " %d, \"reporting_weeks\": %d, \"run_start\": %s, \"reporting_start\": %s,"
                  + " \"start_day\": %d, \"pilot_period_days\": %d, \"carry_over_hours\": %d,%n",
              num(s.baselineC()),
              s.baselineWeeks(),
              s.shortBaselineWeeks(),
              s.reportingWeeks(),
              quoted(s.runStart().toString()),
              quoted(s.reportingStart().toString()),
              s.startDay(),
              s.pilotPeriodDays(),
              s.carryOverHours()));
      j.append("      \"seeds\": ").append(s.seeds()).append(",\n");
      j.append("      \"deterministic\": ").append(cell.deterministic()).append(",\n");
      j.append("      \"summaries\": [\n");
      List<Summary> sums = summaries(cell.results());
      for (int k = 0; k < sums.size(); k++) {
        Summary x = sums.get(k);
        j.append(
            f(
                "        {\"method\": %s, \"meter\": %s, \"seeds\": %d, \"mean_true_pct\": %s,"
                    + " \"mean_estimated_pct\": %s, \"mean_error_pp\": %s, \"sd_error_pp\": %s,"
                    + " \"mean_error_95_low_pp\": %s, \"mean_error_95_high_pp\": %s,"
                    + " \"min_error_pp\": %s, \"max_error_pp\": %s, \"within_3pp\": %d,"
                    + " \"cv_rmse_mean\": %s, \"cv_rmse_max\": %s, \"abs_nmbe_max\": %s,"
                    + " \"g14_hourly_accepted\": %d, \"g14_monthly_accepted\": %d,"
                    + " \"monthly_cv_rmse_mean\": %s, \"monthly_cv_rmse_max\": %s,"
                    + " \"monthly_abs_nmbe_max\": %s, \"outside_range_mean_pct\": %s,"
                    + " \"outside_range_max_pct\": %s, \"half_width_68_pp\": %s, \"covered_68\": %d, \"half_width_90_pp\": %s,"
                    + " \"covered_90\": %d, \"target_met\": %b}%s%n",
                quoted(x.method()),
                quoted(x.meter().label()),
                x.seeds(),
                num(x.meanTruePct()),
                num(x.meanEstimatedPct()),
                num(x.meanErrorPp()),
                num(x.sdErrorPp()),
                num(x.lowMeanPp()),
                num(x.highMeanPp()),
                num(x.minErrorPp()),
                num(x.maxErrorPp()),
                x.withinTarget(),
                num(x.meanCvRmse()),
                num(x.maxCvRmse()),
                num(x.maxAbsNmbe()),
                x.hourlyAccepted(),
                x.monthlyAccepted(),
                num(x.meanMonthlyCvRmse()),
                num(x.maxMonthlyCvRmse()),
                num(x.maxMonthlyAbsNmbe()),
                num(x.meanOutsidePct()),
                num(x.maxOutsidePct()),
                num(x.meanHalfWidth68Pp()),
                x.covered68(),
                num(x.meanHalfWidth90Pp()),
                x.covered90(),
                x.targetMet(),
                k + 1 < sums.size() ? "," : ""));
      }
      j.append("      ],\n      \"per_seed\": [\n");
      for (int k = 0; k < cell.results().size(); k++) {
        SeedResult r = cell.results().get(k);
        j.append(
            f(
                "        {\"seed\": %d, \"twin_cooling_kwh\": %s, \"controlled_cooling_kwh\": %s,"
                    + " \"twin_total_kwh\": %s, \"controlled_total_kwh\": %s,"
                    + " \"twin_server_fan_kwh\": %s, \"controlled_server_fan_kwh\": %s,"
                    + " \"controlled_mean_setpoint_c\": %s, \"true_cooling_pct\": %s,"
                    + " \"true_total_pct\": %s, \"paired_check_cooling_pct\": %s,"
                    + " \"pilot_schedule\": %s, \"switch_over_days\": %s, \"estimates\": [",
                r.seed(),
                num(r.twinCoolingKwh()),
                num(r.controlledCoolingKwh()),
                num(r.twinTotalKwh()),
                num(r.controlledTotalKwh()),
                num(r.twinFanKwh()),
                num(r.controlledFanKwh()),
                num(r.controlledMeanSetpointC()),
                num(r.trueCoolingPct()),
                num(r.trueTotalPct()),
                num(r.pairedPct()),
                quoted(r.pilotCode()),
                r.switchOvers()));
        for (int e = 0; e < r.estimates().size(); e++) {
          Estimate x = r.estimates().get(e);
          j.append(
              f(
                  "%n          {\"method\": %s, \"meter\": %s, \"estimated_pct\": %s, \"error_pp\":"
                      + " %s, \"savings_kwh\": %s, \"adjusted_baseline_kwh\": %s, \"n\": %d,"
                      + " \"p\": %d, \"m\": %d, \"cv_rmse\": %s, \"nmbe\": %s, \"rho\": %s,"
                      + " \"n_prime\": %s, \"uncertainty_68\": %s, \"uncertainty_90\": %s,"
                      + " \"monthly_n\": %d, \"monthly_cv_rmse\": %s, \"monthly_nmbe\": %s,"
                      + " \"outside_range_pct\": %s, \"model\": %s}%s",
                  quoted(x.method()),
                  quoted(x.meter().label()),
                  num(x.estimatedPct()),
                  num(x.errorPp()),
                  num(x.savings().savingsKwh()),
                  num(x.savings().adjustedBaselineKwh()),
                  x.savings().n(),
                  x.savings().p(),
                  x.savings().m(),
                  num(x.fit().cvRmse()),
                  num(x.fit().nmbe()),
                  num(x.savings().rho()),
                  num(x.savings().nPrime()),
                  num(x.savings().uncertainty68()),
                  num(x.savings().uncertainty90()),
                  x.monthly().n(),
                  num(x.monthly().cvRmse()),
                  num(x.monthly().nmbe()),
                  num(x.outsidePct()),
                  quoted(x.model()),
                  e + 1 < r.estimates().size() ? "," : ""));
        }
        j.append("]}").append(k + 1 < cell.results().size() ? "," : "").append("\n");
      }
      j.append("      ]\n    }").append(c + 1 < cells.size() ? "," : "").append("\n");
    }
    j.append("  ]\n}\n");
    return j.toString();
  }

  private static String num(double v) {
    if (!Double.isFinite(v)) {
      return "null";
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
