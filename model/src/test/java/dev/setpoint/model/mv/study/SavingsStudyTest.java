package dev.setpoint.model.mv.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.eval.OnnxInletPredictor;
import dev.setpoint.model.mv.Observation;
import dev.setpoint.model.mv.Observation.Meter;
import dev.setpoint.model.recommend.SetpointPolicy;
import dev.setpoint.model.recommend.TrainingRanges;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.SiteClimate;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The savings study, reduced to what a build can afford: one seed, a 4-week baseline period and a
 * 4-week season of weekly pilot periods; run twice for determinism.
 */
class SavingsStudyTest {
  @TempDir Path docs;

  @Test
  void aReducedStudyMeasuresTheTwinsSavingAndIsDeterministic() throws Exception {
    byte[] model = Files.readAllBytes(Path.of("bootstrap/setpoint-thermal.onnx"));
    try (OnnxInletPredictor predictor = new OnnxInletPredictor(model)) {
      var settings =
          new SavingsStudy.Settings(
              SiteClimate.GWANGJU,
              "default",
              RoomParameters.defaults(),
              List.of(1L),
              20.0,
              151,
              4,
              2,
              4,
              7,
              48,
              2);
      var study =
          new SavingsStudy(
              settings,
              new SetpointPolicy(),
              predictor,
              TrainingRanges.fromMetadata(predictor.metadata()).orElseThrow(),
              new PrintStream(OutputStream.nullOutputStream()));
      List<SavingsStudy.SeedResult> results = study.run();
      SavingsStudy.SeedResult r = results.get(0);
      // The recommender runs warmer than 20 °C, so the twin uses more cooling.
      assertTrue(r.trueCoolingPct() > 5, "true saving " + r.trueCoolingPct());
      assertTrue(r.controlledMeanSetpointC() > 21, "setpoint " + r.controlledMeanSetpointC());
      // Three methods × two meters.
      assertEquals(6, r.estimates().size());
      for (var e : r.estimates()) {
        assertTrue(
            Math.abs(e.errorPp()) < 5,
            e.method() + " " + e.meter() + ": error " + e.errorPp() + " pp");
        assertTrue(e.fit().cvRmse() < 0.30, e.model());
      }
      var pilot =
          r.estimates().stream()
              .filter(e -> e.method().equals(SavingsStudy.PILOT) && e.meter() == Meter.COOLING)
              .findFirst()
              .orElseThrow();
      assertEquals(28, r.pilotCode().length());
      assertTrue(pilot.savings().m() < 14 * 24, "controller hours: " + pilot.savings().m());
      // Same seed, same numbers.
      assertEquals(r, study.runSeed(1L));

      new SavingsReport(List.of(new SavingsReport.Cell(settings, results, true)), "test")
          .write(docs);
      String md = Files.readString(docs.resolve("savings.md"));
      assertTrue(md.contains("| cooling | pilot mode |"), md);
      assertTrue(md.contains("| comparison: baseline method on its last 2 weeks only |"), md);
      assertTrue(md.contains("gave identical numbers"), md);
      String json = Files.readString(docs.resolve("savings.json"));
      assertTrue(json.contains("\"within_3pp\""), json);
      assertTrue(json.contains("\"outside_range_pct\""), json);
    }
  }

  @Test
  void seasonHoursOutsideTheBaselinesWeatherAreCounted() {
    // Baseline: outdoor 10–20 °C, dew point 5–12 °C.
    List<Observation> baseline = List.of(hour(10, 5), hour(20, 12), hour(15, 8));
    List<Observation> season =
        List.of(
            hour(10, 5), // on the edges: inside
            hour(21, 8), // too warm
            hour(15, 13), // too humid
            hour(9.5, 4)); // too cold and too dry: one hour, counted once
    assertEquals(75.0, SavingsStudy.outsidePct(baseline, season), 1e-12);
    assertEquals(0.0, SavingsStudy.outsidePct(baseline, baseline), 1e-12);
    assertTrue(Double.isNaN(SavingsStudy.outsidePct(baseline, List.of())));
  }

  private static Observation hour(double outdoorC, double dewPointC) {
    return new Observation(Instant.EPOCH, 1, 2, outdoorC, dewPointC, 10);
  }
}
