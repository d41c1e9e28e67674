package dev.setpoint.model.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.eval.Evaluation.CellResult;
import dev.setpoint.model.eval.Evaluation.Stat;
import dev.setpoint.model.recommend.SetpointPolicy;
import dev.setpoint.model.recommend.TrainingRanges;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation, reduced to what a build can afford: one cell, two years of 30 days, one stress.
 */
class EvaluationTest {
  @TempDir Path docs;

  @Test
  void aReducedEvaluationChoosesBaselinesOnTuningYearsAndReportsIntervals() throws Exception {
    byte[] model = Files.readAllBytes(Path.of("bootstrap/setpoint-thermal.onnx"));
    try (OnnxInletPredictor predictor = new OnnxInletPredictor(model)) {
      var metadata = predictor.metadata();
      Evaluation.Settings settings =
          new Evaluation.Settings(
              List.of(Evaluation.defaultCells().get(0)),
              List.of(1L),
              List.of(1001L, 1002L),
              30,
              List.of(Scenario.UNIT_TRIP),
              List.of(2001L),
              Duration.ofSeconds(60),
              Duration.ofMinutes(5),
              2);
      SetpointPolicy policy = new SetpointPolicy();
      List<CellResult> results =
          new Evaluation(
                  settings,
                  policy,
                  predictor,
                  TrainingRanges.fromMetadata(metadata).orElseThrow(),
                  new PrintStream(OutputStream.nullOutputStream()))
              .run();
      CellResult c = results.get(0);
      // the best constant is the cheapest constant that kept the tuning year inside 27 °C
      var feasible = c.tuning().stream().filter(t -> t.minutesAbove() == 0).toList();
      double cheapest =
          feasible.stream()
              .min((a, b) -> Double.compare(a.meanKwh(), b.meanKwh()))
              .orElseThrow()
              .constantC();
      assertEquals(cheapest, c.bestConstant().constantC(), 1e-9);
      assertEquals(2, c.recommender().runs().size());
      assertEquals(2, c.bestConstant().energy().n());
      // hindsight is never worse than the tuned constant on the evaluation years, if both are
      // feasible
      if (c.bestConstant().minutesAbove() == 0) {
        assertTrue(c.foresight().energy().mean() <= c.bestConstant().energy().mean() + 1e-9);
      }
      assertEquals(2, c.stress().size(), "best constant and recommender under a unit trip");
      assertTrue(c.reasons().values().stream().mapToInt(Integer::intValue).sum() > 2 * 30 * 280);

      EffectiveRule rule = EffectiveRule.of(predictor);
      assertTrue(rule.perCandidateK() > 0.3, "the inlet follows the setpoint: " + rule);
      assertTrue(rule.inWords().contains("power head predicts"), rule.inWords());
      new EvaluationReport(settings, results, metadata, policy, rule, "test").write(docs);
      String md = Files.readString(docs.resolve("evaluation.md"));
      for (String s :
          List.of(
              "## Targets",
              "best constant",
              "perfect-foresight",
              "unit-trip",
              "Gwangju × default")) {
        assertTrue(md.contains(s), "report lacks " + s);
      }
      String json = Files.readString(docs.resolve("evaluation.json"));
      assertTrue(json.contains("\"recommender_vs_best_constant_pct\""));
      assertTrue(json.contains("\"eval_seeds\": [1001, 1002]"));
      assertTrue(Files.size(docs.resolve("evaluation/energy.png")) > 1000);
      // Each stress scenario has its chart; the bound's coverage and the rough ceiling are
      // reported.
      assertTrue(Files.size(docs.resolve("evaluation/stress-unit-trip.png")) > 1000);
      assertTrue(c.boundChecked() > 0 && c.boundCovered() <= c.boundChecked(), c.toString());
      assertTrue(json.contains("\"bound_coverage\"") && json.contains("\"rough_ceiling_pct\""));
      assertTrue(md.contains("coverage") && md.contains("Rough ceiling"));
    }
  }

  @Test
  void intervalsUseStudentsT() {
    Stat s = Stat.of(new double[] {1, 2, 3, 4});
    assertEquals(2.5, s.mean(), 1e-12);
    double half = 3.182 * Math.sqrt(5.0 / 3 / 4);
    assertEquals(2.5 - half, s.low(), 1e-9);
    assertEquals(2.5 + half, s.high(), 1e-9);
    assertTrue(Stat.of(new double[] {-3, -2, -4}).belowZero());
  }
}
